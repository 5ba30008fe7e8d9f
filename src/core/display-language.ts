// The languages ChipLens shows facts in, and how a page or browser
// language maps onto them.
export type DisplayLanguage = 'en' | 'ru' | 'zh';

export function displayLanguage(tag: string | null | undefined): DisplayLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'ru' || primary === 'uk' || primary === 'be') return 'ru';
  if (primary === 'zh') return 'zh';
  return 'en';
}

export function pick(text: { en: string; ru?: string | undefined; zh?: string | undefined }, lang: DisplayLanguage): string {
  return text[lang] ?? text.en;
}
