// Text as the matcher sees it: one canonical spelling for the many ways the
// same name reaches a page (case, ё/е, dash and quote variants, no-break and
// zero-width characters, decomposed letters, full-width Latin). Every output
// character remembers which stretch of the original it came from, so a match
// in normalised text maps back to exact DOM offsets.

export interface NormalizedText {
  text: string;
  /** For output unit i: offset in the original where its source starts. */
  starts: Uint32Array;
  /** For output unit i: offset in the original just past its source. */
  ends: Uint32Array;
}

const DROP = /[\u00AD\u200B-\u200D\u2060\uFEFF]/; // soft hyphen, zero-width characters
const SPACE = /[\s\u00A0\u2007\u202F]/;
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const DOUBLE_QUOTE = /[\u00AB\u00BB\u201C-\u201F\u2033\u301D\u301E\uFF02]/;
const SINGLE_QUOTE = /[\u2018-\u201B\u2032\uFF07]/;
const COMBINING = /\p{M}/u;

/** Maps one grapheme-ish unit (base + combining marks) to its canonical form. */
function canonical(unit: string, fold: boolean): string {
  const first = unit.charCodeAt(0);
  // Most page text is ASCII: skip the Unicode tests for it.
  if (unit.length === 1 && first < 0x80) {
    if (first === 0x20 || (first >= 0x09 && first <= 0x0d)) return ' ';
    if (fold && first >= 0x41 && first <= 0x5a) return String.fromCharCode(first + 32);
    return unit;
  }
  if (DROP.test(unit)) return '';
  if (SPACE.test(unit)) return ' ';
  if (DASH.test(unit)) return '-';
  if (DOUBLE_QUOTE.test(unit)) return '"';
  if (SINGLE_QUOTE.test(unit)) return "'";
  let out = unit.length > 1 ? unit.normalize('NFC') : unit;
  const code = out.codePointAt(0)!;
  // Full-width ASCII (ＮＶＩＤＩＡ, Ｈ２０) as used in CJK typesetting.
  if (out.length === 1 && code >= 0xff01 && code <= 0xff5e) out = String.fromCharCode(code - 0xfee0);
  if (out === 'ё') out = 'е';
  else if (out === 'Ё') out = 'Е';
  return fold ? out.toLowerCase() : out;
}

/**
 * Normalises `input` for matching. With `fold` (the default) the result is
 * also lower-cased; without it, case is kept so case-sensitive aliases can be
 * checked against the same canonical spelling.
 */
export function normalizeText(input: string, fold = true): NormalizedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < input.length) {
    const start = i;
    i += input.codePointAt(i)! > 0xffff ? 2 : 1;
    while (i < input.length && COMBINING.test(String.fromCodePoint(input.codePointAt(i)!))) {
      i += input.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    const out = canonical(input.slice(start, i), fold);
    if (out === '') continue;
    // Runs of white space collapse, so "Entity  List" still matches.
    if (out === ' ' && text.endsWith(' ')) {
      ends[ends.length - 1] = i;
      continue;
    }
    for (let k = 0; k < out.length; k++) {
      starts.push(start);
      ends.push(i);
    }
    text += out;
  }
  return { text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** The canonical form of an alias or query, without the offset maps. */
export function normalizeKey(input: string, fold = true): string {
  return normalizeText(input.trim(), fold).text;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
// Scripts written without spaces: no word boundary is required next to them.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** True for a letter or digit of a script that separates words with spaces. */
export function isSpacedWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHAR.test(ch) && !UNSPACED.test(ch);
}

export function isUnspacedChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && UNSPACED.test(ch);
}
