import { describe, expect, it } from 'vitest';
import { bundledDatasetJson } from '../../dataset/index';
import { displayLanguage, pick } from './display-language';
import { buildEntryCard } from './entry-card';
import { validateDataset } from './validate-dataset';

describe('displayLanguage', () => {
  it('tells Simplified from Taiwan and Hong Kong Traditional Chinese', () => {
    expect(displayLanguage('zh-CN')).toBe('zh');
    expect(displayLanguage('zh-Hans')).toBe('zh');
    expect(displayLanguage('zh')).toBe('zh');
    expect(displayLanguage('zh-TW')).toBe('zh-TW');
    expect(displayLanguage('zh_TW')).toBe('zh-TW');
    expect(displayLanguage('zh-Hant')).toBe('zh-TW');
    expect(displayLanguage('zh-HK')).toBe('zh-HK');
    expect(displayLanguage('zh-Hant-HK')).toBe('zh-HK');
    expect(displayLanguage('zh-MO')).toBe('zh-HK');
    expect(displayLanguage('ru-RU')).toBe('ru');
    expect(displayLanguage('de')).toBe('en');
  });
});

describe('pick', () => {
  const text = { en: 'chip', ru: 'чип', zh: '芯片', 'zh-TW': '晶片' };
  it('falls back from Hong Kong to Taiwan, from either to Simplified, and from all to English', () => {
    expect(pick(text, 'zh-TW')).toBe('晶片');
    expect(pick(text, 'zh-HK')).toBe('晶片');
    expect(pick({ ...text, 'zh-HK': '芯片' }, 'zh-HK')).toBe('芯片');
    expect(pick({ en: 'chip', zh: '芯片' }, 'zh-TW')).toBe('芯片');
    expect(pick({ en: 'chip' }, 'zh-HK')).toBe('chip');
    expect(pick(text, 'zh')).toBe('芯片');
  });
});

describe('the assembled dataset in Traditional Chinese', () => {
  it('has Taiwan and Hong Kong text made from the Simplified, with the right terms for each', () => {
    const result = validateDataset(bundledDatasetJson);
    if (!result.ok) throw new Error(result.errors[0]);
    const h20 = result.dataset.entries.find((e) => e.id === 'nvidia-h20')!;
    expect(h20.summary['zh-TW']).toMatch(/輝達.*晶片/);
    expect(h20.summary['zh-HK'] ?? h20.summary['zh-TW']).toMatch(/英偉達.*芯片/);
    const card = buildEntryCard({ entry: h20, refs: {} }, 'zh-TW');
    expect(card.summary).toBe(h20.summary['zh-TW']);
    expect(card.kindLabel).toBe('晶片');
  });
});

describe('displayLanguage: Russian for its neighbours, English for the rest', () => {
  it('shows Russian to readers of Ukrainian and Belarusian browsers, and English without a language', () => {
    expect(displayLanguage('uk-UA')).toBe('ru');
    expect(displayLanguage('be')).toBe('ru');
    expect(displayLanguage(' RU_ru ')).toBe('ru');
    expect(displayLanguage(undefined)).toBe('en');
    expect(displayLanguage(null)).toBe('en');
    expect(displayLanguage('de-DE')).toBe('en');
  });
});
