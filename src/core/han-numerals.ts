// Taiwan's press often writes numbers digit by digit in Chinese numerals,
// with 〇 for zero: "三〇一條款" (Section 301), "二〇二五年". Read as digits,
// such a number meets the aliases written with Arabic ones ("301条款").
// Each character becomes one digit, so offsets into the text still hold.
// Only runs holding 〇 are read: 〇 stands for nothing but zero, whereas
// 一 or 三 alone are words ("一項", "三家").

const DIGITS: ReadonlyMap<string, string> = new Map([
  ['〇', '0'],
  ['一', '1'],
  ['二', '2'],
  ['三', '3'],
  ['四', '4'],
  ['五', '5'],
  ['六', '6'],
  ['七', '7'],
  ['八', '8'],
  ['九', '9'],
]);

/** `text` with each run of Chinese digits that holds 〇 written in Arabic digits, character for character. */
export function hanNumeralsAsDigits(text: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; the loop below finds no 〇 either
  if (!text.includes('〇')) return text;
  let out = '';
  let done = 0;
  for (let at = text.indexOf('〇'); at >= 0; at = text.indexOf('〇', at)) {
    let start = at;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: runs are whole, so the character before this one's start is never a digit of the last; before 0 lies undefined, no digit
    while (start > done && DIGITS.has(text[start - 1]!)) start--;
    let end = at + 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end lies undefined, no digit
    while (end < text.length && DIGITS.has(text[end]!)) end++;
    out += text.slice(done, start);
    for (let i = start; i < end; i++) out += DIGITS.get(text[i]!)!;
    done = end;
    at = end;
  }
  return out + text.slice(done);
}
