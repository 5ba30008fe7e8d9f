// The languages ChipLens shows facts in, and how a page or browser
// language maps onto them. Chinese comes in Simplified (zh) and Traditional,
// with Taiwan's terms (zh-TW) or Hong Kong's (zh-HK).
export type DisplayLanguage = 'en' | 'ru' | 'zh' | 'zh-TW' | 'zh-HK';

export function displayLanguage(tag: string | null | undefined): DisplayLanguage {
  // Stryker disable next-line StringLiteral: no default text is a language ChipLens has, so either gives English
  const parts = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  const primary = parts[0];
  if (primary === 'ru' || primary === 'uk' || primary === 'be') return 'ru';
  if (primary !== 'zh') return 'en';
  if (parts.includes('hk') || parts.includes('mo')) return 'zh-HK';
  if (parts.includes('tw') || parts.includes('hant')) return 'zh-TW';
  return 'zh';
}

/** A text in `lang`: Hong Kong falls back to Taiwan's, either to Simplified, and every language to English. */
export function pick(
  text: { en: string; ru?: string | undefined; zh?: string | undefined; 'zh-TW'?: string | undefined; 'zh-HK'?: string | undefined },
  lang: DisplayLanguage,
): string {
  if (lang === 'zh-HK') return text['zh-HK'] ?? text['zh-TW'] ?? text.zh ?? text.en;
  if (lang === 'zh-TW') return text['zh-TW'] ?? text.zh ?? text.en;
  return text[lang] ?? text.en;
}
