import { describe, expect, it } from 'vitest';
import { addTraditional } from './traditional-text';

describe('Traditional text for Taiwan and Hong Kong', () => {
  it("adds zh-TW with Taiwan's terms to every text with English and Simplified, and zh-HK where Hong Kong's differ", () => {
    const value = { name: { en: 'Chip', ru: 'Чип', zh: '芯片和数据中心' } };
    addTraditional(value);
    expect(value.name).toEqual({ en: 'Chip', ru: 'Чип', zh: '芯片和数据中心', 'zh-TW': '晶片和資料中心', 'zh-HK': '芯片和數據中心' });
  });

  it('leaves zh-HK out where it is the same as zh-TW', () => {
    const value = { en: 'Huawei', zh: '华为' };
    addTraditional(value);
    expect(value).toEqual({ en: 'Huawei', zh: '华为', 'zh-TW': '華為' });
  });

  it('walks into lists and objects, and leaves texts without English, numbers and strings alone', () => {
    const value = { facts: [{ note: { en: 'a', zh: '国家安全局' } }], zhOnly: { zh: '华为' }, n: 3, s: '华为' };
    addTraditional(value);
    expect(value.facts[0]!.note).toMatchObject({ 'zh-TW': '國家安全局' });
    expect(value.zhOnly).toEqual({ zh: '华为' });
    expect([value.n, value.s]).toEqual([3, '华为']);
  });

  it('leaves null and texts with English but no Chinese alone, converting the texts beside them', () => {
    const value = { gone: null, enOnly: { en: 'Huawei', ru: 'Хуавэй' }, name: { en: 'Huawei', zh: '华为' } };
    addTraditional(value);
    expect(value).toEqual({ gone: null, enOnly: { en: 'Huawei', ru: 'Хуавэй' }, name: { en: 'Huawei', zh: '华为', 'zh-TW': '華為' } });
  });

  it('mends what the character tables get wrong in these subjects', () => {
    const value = [
      { en: 'bureau', zh: '国家安全局' },
      { en: 'parameters', zh: '参数' },
      { en: 'Bitmain', zh: '比特大陆' },
      { en: 'facing', zh: '和面向' },
    ];
    addTraditional(value);
    expect(value.map((v) => (v as Record<string, string>)['zh-TW'])).toEqual(['國家安全局', '參數', '比特大陸', '和面向']);
    expect((value[3] as Record<string, string>)['zh-HK'] ?? (value[3] as Record<string, string>)['zh-TW']).toBe('和面向');
  });
});
