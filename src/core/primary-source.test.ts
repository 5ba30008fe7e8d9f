import { describe, expect, it } from 'vitest';
import { isPrimarySource } from './primary-source';

describe('primary sources', () => {
  it("takes governments' own sites, under any host of their domain", () => {
    for (const url of [
      'https://www.federalregister.gov/documents/2025/01/15/2025-00636/x',
      'https://www.bis.gov/press-release',
      'https://www.mofcom.gov.cn/article/zwgk/',
      'https://english.customs.gov.cn/about',
      'https://www.moea.gov.tw/',
      'https://eur-lex.europa.eu/eli/reg/2021/821/oj',
      'https://www.meti.go.jp/english/',
      'https://www.rijksoverheid.nl/actueel',
      'https://WWW.GAO.GOV/products/b-337935',
    ])
      expect(isPrimarySource(url), url).toBe(true);
  });

  it("takes a company's own releases", () => {
    expect(isPrimarySource('https://nvidianews.nvidia.com/news/x')).toBe(true);
    expect(isPrimarySource('https://ir.amd.com/news')).toBe(true);
    expect(isPrimarySource('https://www.businesswire.com/news/home/x')).toBe(true);
  });

  it('takes a listed domain itself, with no host before it', () => {
    expect(isPrimarySource('https://nvidia.com/en-us/data-center/h20/')).toBe(true);
  });

  it('does not take the press, hosts that only contain an official name, or what is not an address', () => {
    for (const url of [
      'https://www.reuters.com/technology/x',
      'https://govtech.com/x',
      'https://nvidia.com.example.net/x',
      'https://gov.example.com/x',
      'https://notnvidia.com/x',
      'not a url',
      '',
    ])
      expect(isPrimarySource(url), url).toBe(false);
  });
});
