import { describe, expect, it } from 'vitest';
import { hanNumeralsAsDigits } from './han-numerals';

describe('hanNumeralsAsDigits', () => {
  it('writes a number spelled digit by digit with 〇 in Arabic digits, one for one', () => {
    expect(hanNumeralsAsDigits('對中國展開三〇一條款調查')).toBe('對中國展開301條款調查');
    expect(hanNumeralsAsDigits('二〇二五年十二月與二〇二七年')).toBe('2025年十二月與2027年');
    expect(hanNumeralsAsDigits('〇九')).toBe('09');
  });

  it('leaves numerals without 〇 alone: they are words as well', () => {
    expect(hanNumeralsAsDigits('另一項調查，三家公司')).toBe('另一項調查，三家公司');
    expect(hanNumeralsAsDigits('no numerals here')).toBe('no numerals here');
  });

  it('keeps the length, so offsets into the text still hold', () => {
    const text = '拜登在另一項三〇一調查中，二〇二四年';
    expect(hanNumeralsAsDigits(text)).toHaveLength(text.length);
    expect(hanNumeralsAsDigits(text)).toBe('拜登在另一項301調查中，2024年');
  });
});
