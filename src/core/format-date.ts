// Dates as a reader of each language writes them, at the precision the data
// knows: a year, a month, or a day ("2025", "August 2025", "22 August 2025";
// "август 2025 г.", "22 августа 2025 г."; "2025年8月", "2025年8月22日").
import type { DisplayLanguage } from './display-language';

const LOCALES: Record<DisplayLanguage, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN', 'zh-TW': 'zh-TW', 'zh-HK': 'zh-HK' };

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(lang: DisplayLanguage, precision: 'year' | 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let format = formats.get(key);
  // Stryker disable next-line ConditionalExpression: a format made again instead of reused formats the same
  if (!format) {
    const parts: Intl.DateTimeFormatOptions =
      precision === 'day'
        ? { day: 'numeric', month: 'long', year: 'numeric' }
        : precision === 'month'
          ? { month: 'long', year: 'numeric' }
          : { year: 'numeric' };
    format = new Intl.DateTimeFormat(LOCALES[lang], { ...parts, timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format;
}

/**
 * `date` (YYYY, YYYY-MM or YYYY-MM-DD) in `lang`; anything else is returned
 * as it is. `since`: the date follows "since", which in Russian takes the
 * genitive ("с октября 2025 г.", where a month alone reads "октябрь").
 */
export function formatPartialDate(date: string, lang: DisplayLanguage, { since = false }: { since?: boolean } = {}): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const when = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  if (since && lang === 'ru' && month && !day) {
    // The day format declines the month; the day is left out.
    return formatOf(lang, 'day')
      .formatToParts(when)
      .filter((part) => part.type !== 'day')
      .map((part) => part.value)
      .join('')
      .trim();
  }
  // Stryker disable next-line StringLiteral: any precision but day and month formats a year
  return formatOf(lang, day ? 'day' : month ? 'month' : 'year').format(when);
}
