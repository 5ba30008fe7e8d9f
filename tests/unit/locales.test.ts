// Every interface language has every message, with the same placeholders,
// and nothing left empty or untranslated from English by mistake.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = join(__dirname, '../../public/_locales');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (locale: string): Messages => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8'));
const english = read('en');
const locales = readdirSync(LOCALES).filter((locale) => locale !== 'en');

describe('interface languages', () => {
  it('are English, Russian, Simplified and Traditional Chinese', () => {
    expect(['en', ...locales].sort()).toEqual(['en', 'ru', 'zh_CN', 'zh_TW']);
  });

  it.each(locales)('%s has every message of English and no other, with the same placeholders', (locale) => {
    const messages = read(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of Object.entries(english)) {
      const translated = messages[key]!;
      expect(translated.message.trim(), `${locale} ${key}`).not.toBe('');
      expect(Object.keys(translated.placeholders ?? {}).sort(), `${locale} ${key}`).toEqual(Object.keys(value.placeholders ?? {}).sort());
      for (const name of Object.keys(value.placeholders ?? {})) expect(translated.message, `${locale} ${key}`).toContain(`$${name.toUpperCase()}$`);
    }
  });

  it('zh_TW is written in Traditional characters', () => {
    const text = Object.values(read('zh_TW'))
      .map((m) => m.message)
      .join('');
    // Characters that differ between the scripts: none of the Simplified forms.
    expect(text).not.toMatch(/[这个们为时说对发过还进设据页网请选择显数语简务]/);
    expect(text).toMatch(/[這個們為時說對發過還進設據頁網請選擇顯數語簡務]/);
  });
});
