import { describe, expect, it } from 'vitest';
import { formatPartialDate } from './format-date';

describe('formatPartialDate', () => {
  it('writes a year, a month or a day as each language does', () => {
    expect(formatPartialDate('2025', 'en')).toBe('2025');
    expect(formatPartialDate('2025-08', 'en')).toBe('August 2025');
    expect(formatPartialDate('2025-08-22', 'en')).toBe('22 August 2025');
    expect(formatPartialDate('2025-08', 'ru')).toMatch(/^август 2025/);
    expect(formatPartialDate('2025-08-22', 'ru')).toMatch(/^22 августа 2025/);
    expect(formatPartialDate('2025-08', 'zh')).toBe('2025年8月');
    expect(formatPartialDate('2025-08-22', 'zh-TW')).toBe('2025年8月22日');
  });

  it('keeps the day it was given whatever the time zone, and leaves anything else as it is', () => {
    expect(formatPartialDate('2025-01-01', 'en')).toBe('1 January 2025');
    expect(formatPartialDate('2025-12-31', 'en')).toBe('31 December 2025');
    expect(formatPartialDate('soon', 'en')).toBe('soon');
  });
});

describe('formatPartialDate: what counts as a date', () => {
  it('formats a bare year as a year (2025年 in Chinese), not as text left alone', () => {
    expect(formatPartialDate('2025', 'zh')).toBe('2025年');
  });

  it('leaves a date with anything before or after it as it is', () => {
    expect(formatPartialDate('c. 2025', 'en')).toBe('c. 2025');
    expect(formatPartialDate('2025-08-22T10:00:00Z', 'en')).toBe('2025-08-22T10:00:00Z');
    expect(formatPartialDate('2025-08 (est.)', 'en')).toBe('2025-08 (est.)');
  });
});

describe('dates after "since"', () => {
  // Intl writes a no-break space before "г.": compared with plain spaces.
  const ru = (date: string, since?: boolean) => formatPartialDate(date, 'ru', since ? { since } : {}).replace(/\s/g, ' ');

  it('puts a month alone in the genitive in Russian, and leaves other dates and languages as they are', () => {
    expect(ru('2025-10', true)).toBe('октября 2025 г.');
    expect(ru('2025-10')).toBe('октябрь 2025 г.');
    expect(ru('2025-10-09', true)).toBe('9 октября 2025 г.');
    expect(ru('2025', true)).toBe('2025');
    expect(formatPartialDate('2025-10', 'en', { since: true })).toBe('October 2025');
    expect(formatPartialDate('2025-10', 'zh', { since: true })).toBe('2025年10月');
  });
});
