// Text as the matcher sees it: one canonical spelling for the many ways the
// same name reaches a page (case, ё/е, dash and quote variants, no-break and
// zero-width characters, decomposed letters, full-width Latin, the optional
// space Chinese typesetting puts between 昇腾 and 910B). Every output
// character remembers which stretch of the original it came from, so a match
// in normalised text maps back to exact DOM offsets.

export interface NormalizedText {
  text: string;
  /**
   * For output unit i: offset in the original where its source starts.
   * Values past `text.length` mean nothing. Absent when the text maps one
   * to one (read them through `sourceStart` and `sourceEnd`).
   */
  starts?: Uint32Array;
  /** For output unit i: offset in the original just past its source. */
  ends?: Uint32Array;
}

/** Where in the original output unit `i` of `normalized` starts. */
export function sourceStart(normalized: NormalizedText, i: number): number {
  return normalized.starts ? normalized.starts[i]! : i;
}

/** Where in the original output unit `i` of `normalized` ends (exclusive). */
export function sourceEnd(normalized: NormalizedText, i: number): number {
  return normalized.ends ? normalized.ends[i]! : i + 1;
}

// Soft hyphen and zero-width characters: dropped. DROPPED below tests the same set by code.
const DROP_CHARS = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
const DROP = new RegExp(`[${DROP_CHARS}]`);
const SPACE = /[\s\u00A0\u2007\u202F]/;
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const DOUBLE_QUOTE = /[\u00AB\u00BB\u201C-\u201F\u2033\u301D\u301E\uFF02]/;
const SINGLE_QUOTE = /[\u2018-\u201B\u2032\uFF07]/;
const COMBINING = /\p{M}/u;
/**
 * The most combining marks joined to one base: Unicode's stream-safe limit
 * (UAX #15, https://www.unicode.org/reports/tr15/#Stream_Safe_Text_Format).
 * No real text has more; a page can put tens of thousands on one letter.
 */
export const MAX_MARKS = 30;

/** Maps one grapheme-ish unit (base + combining marks) to its canonical form. */
function canonical(unit: string, fold: boolean): string {
  const first = unit.charCodeAt(0);
  // Most page text is ASCII: skip the Unicode tests for it.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: never entered: fastUnit answers every lone ASCII unit, so one comes here only with marks
  if (unit.length === 1 && first < 0x80) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: inside the block above, never entered
    if (first === 0x20 || (first >= 0x09 && first <= 0x0d)) return ' ';
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: inside the block above, never entered
    if (fold && first >= 0x41 && first <= 0x5a) return String.fromCharCode(first + 32);
    return unit;
  }
  // Cyrillic and CJK ideographs hold none of the special characters below.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: a shortcut; the general steps below give the same for a lone Cyrillic or CJK unit
  if (unit.length === 1 && ((first >= 0x0400 && first <= 0x04ff) || (first >= 0x4e00 && first <= 0x9fff))) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: never true: fastUnit answers a lone ё
    if (first === 0x0451) return 'е';
    // Stryker disable next-line ConditionalExpression,StringLiteral: never true: fastUnit answers a lone Ё
    if (first === 0x0401) return fold ? 'е' : 'Е';
    return fold ? unit.toLowerCase() : unit;
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

/** Output code units with their source spans, in buffers reused from call to call. */
class Builder {
  units = new Uint16Array(1024);
  starts = new Uint32Array(1024);
  ends = new Uint32Array(1024);
  length = 0;

  reset(capacity: number): void {
    this.length = 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sizing ahead only; push grows the buffers as needed
    if (this.units.length < capacity) this.grow(capacity);
  }

  push(unit: number, start: number, end: number): void {
    // Chinese writers put a space between Han and Latin or digits, or do not
    // ("华为 Ascend", "昇腾910B"): that space is dropped so both spellings
    // are one. It stays inside the match, which maps to original offsets.
    const n = this.length;
    // Stryker disable next-line ConditionalExpression: below two units, units[n - 2] is undefined, which is neither Han nor a word unit
    if (n >= 2 && this.units[n - 1] === SPACE_UNIT && isHanOrWordUnit(unit, this.units[n - 2]!)) {
      this.length--;
    }
    // Stryker disable next-line ArithmeticOperator: grow doubles the buffers whenever the size asked is below theirs, as both are here
    if (this.length === this.units.length) this.grow(this.length + 1);
    this.units[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private grow(capacity: number): void {
    // Stryker disable next-line ArithmeticOperator: the growth rate, which changes only the speed
    const size = Math.max(capacity, this.units.length * 2);
    const units = new Uint16Array(size);
    const starts = new Uint32Array(size);
    const ends = new Uint32Array(size);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }

  /** The result, copied out of the shared buffers. */
  result(): NormalizedText {
    const text = utf16.decode(this.units.subarray(0, this.length));
    return { text, starts: this.starts.slice(0, this.length), ends: this.ends.slice(0, this.length) };
  }
}

const builder = new Builder();
// Decoding the code units natively is many times faster than fromCharCode.
// It must not drop a leading U+FEFF (a byte order mark to the decoder).
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

const SPACE_UNIT = 0x20;

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

function isAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** A Han character next to a Han character, a Latin letter or a digit. */
function isHanOrWordUnit(next: number, before: number): boolean {
  return (isHan(next) && (isHan(before) || isAlnum(before))) || (isAlnum(next) && isHan(before));
}

function isCombining(input: string, at: number): boolean {
  const code = input.charCodeAt(at);
  // Marks in the BMP start at U+0300; Cyrillic letters and Han have none.
  if (code < 0x0300 || (code >= 0x0400 && code <= 0x0482) || (code >= 0x048a && code <= 0x04ff) || isHan(code)) return false;
  return COMBINING.test(String.fromCodePoint(input.codePointAt(at)!));
}

/** Code unit for a common character, or -1 when the general path must decide. */
function fastUnit(code: number, fold: boolean): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a shortcut; canonical gives the same for a lone ASCII unit
  if (code < 0x80) {
    // Stryker disable next-line ConditionalExpression: a space is its own code unit either way
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return SPACE_UNIT;
    if (fold && code >= 0x41 && code <= 0x5a) return code + 32;
    return code;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; canonical gives the same for a lone CJK ideograph
  if (code >= 0x4e00 && code <= 0x9fff) return code;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a shortcut; canonical gives the same for a lone basic Cyrillic letter
  if (code >= 0x0410 && code <= 0x044f) {
    if (fold && code <= 0x042f) return code + 32;
    return code;
  }
  // Stryker disable next-line ConditionalExpression: a shortcut; canonical gives the same for a lone ё
  if (code === 0x0451) return 0x0435; // ё → е
  // Stryker disable next-line ConditionalExpression: a shortcut; canonical gives the same for a lone Ё
  if (code === 0x0401) return fold ? 0x0435 : 0x0415; // Ё → е / Е
  return -1;
}

/**
 * Text that maps one to one needs no offset maps: building them was a cold
 * loop on every page, and a map per paragraph is memory the page's
 * collector must sweep.
 */
function oneToOneResult(text: string): NormalizedText {
  return { text };
}

// Plain ASCII prose with single spaces maps one to one: only case and the
// kind of white space change, so no per-character work or maps are needed.
const NOT_PLAIN = /[^\t\n\v\f\r\x20-\x7e]|\s\s/;

// Most other text (Russian, Chinese, typographic quotes and dashes) also
// maps character for character. Text with combining marks, characters
// outside the BMP, or the two letters whose lower case is not one
// character for one (İ, and Σ, which depends on its neighbours) takes the
// general path.
const NOT_ONE_TO_ONE = /[\p{M}\u0130\u03A3\uD800-\uDFFF\u{10000}-\u{10FFFF}]/u;

/** Single characters with a single-character canonical form (white space, ё, dashes, quotes, full-width ASCII). */
const ONE_TO_ONE =
  /[\t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u0401\u0451\u2010-\u2015\u2212\uFE58\uFE63\u00AB\u00BB\u201C-\u201F\u2033\u301D\u301E\u2018-\u201B\u2032\uFF01-\uFF5E]/g;

/**
 * What `canonical` gives for a character of ONE_TO_ONE, by code rather than
 * through its expressions: a page's first dash or quote would otherwise
 * have the engine compile five of them while the reader waits.
 */
// Stryker disable next-line BlockStatement: a wrong length sends the text down the general path, which gives the same
function oneToOne(ch: string): string {
  const code = ch.charCodeAt(0);
  // Stryker disable next-line StringLiteral: a wrong length sends the text down the general path, which gives the same
  if (code === 0x0401) return 'Е';
  // Stryker disable next-line StringLiteral: a wrong length sends the text down the general path, which gives the same
  if (code === 0x0451) return 'е';
  // Stryker disable next-line StringLiteral: a wrong length sends the text down the general path, which gives the same
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe58 || code === 0xfe63) return '-';
  // Stryker disable next-line StringLiteral: a wrong length sends the text down the general path, which gives the same
  if (code === 0xab || code === 0xbb || (code >= 0x201c && code <= 0x201f) || code === 0x2033 || code === 0x301d || code === 0x301e) return '"';
  // Stryker disable next-line StringLiteral: a wrong length sends the text down the general path, which gives the same
  if ((code >= 0x2018 && code <= 0x201b) || code === 0x2032) return "'";
  // Full-width ASCII; its dash and quotes map to the same as above.
  // Stryker disable next-line ConditionalExpression: no character of ONE_TO_ONE lies above U+FF5E
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  // The rest of ONE_TO_ONE is white space.
  // Stryker disable next-line StringLiteral: a wrong length sends the text down the general path, which gives the same
  return ' ';
}

// After the one-to-one mapping, these change the length: dropped
// characters, runs of spaces, and the space between Han and Latin.
const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF';
const NEEDS_COMPACTING = new RegExp(`[${DROP_CHARS}]| {2}|[${HAN}] [${HAN}0-9A-Za-z]|[0-9A-Za-z] [${HAN}]`);
const DROPPED = (code: number) => code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;

/**
 * Normalises `input` for matching. With `fold` (the default) the result is
 * also lower-cased; without it, case is kept so case-sensitive aliases can be
 * checked against the same canonical spelling.
 */
export function normalizeText(input: string, fold = true): NormalizedText {
  // Stryker disable next-line ConditionalExpression: a shortcut; plain ASCII gives the same on the paths below
  if (!NOT_PLAIN.test(input)) return oneToOneResult((fold ? input.toLowerCase() : input).replace(/[\t\n\v\f\r]/g, ' '));
  return normalizeTextBeyondAscii(withLatinLookalikes(input), fold);
}

function normalizeTextBeyondAscii(input: string, fold: boolean): NormalizedText {
  // Stryker disable next-line ConditionalExpression: a shortcut to the general path, which gives the same
  if (NOT_ONE_TO_ONE.test(input)) return normalizeTextGeneral(input, fold);
  // Lower case first: the one-to-one forms below are already lower case.
  const mapped = (fold ? input.toLowerCase() : input).replace(ONE_TO_ONE, oneToOne);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a safety net; outside NOT_ONE_TO_ONE no character changes length when lower-cased or mapped
  if (mapped.length !== input.length) return normalizeTextGeneral(input, fold);
  // Stryker disable next-line ConditionalExpression: compacting text that needs none gives the same text and offsets
  if (!NEEDS_COMPACTING.test(mapped)) return oneToOneResult(mapped);
  return compact(mapped);
}

// Russian writers often type a chip's or model's letter on the Cyrillic
// keyboard: "Н100", "А800", "В200", "О1", each letter the Cyrillic twin of
// the Latin one. A single such letter starting a word and followed by a
// digit is read as its Latin twin, one character for one, so offsets stay;
// read before case is folded, since "в" and "н" look like no Latin letter.
const CYRILLIC_BEFORE_DIGIT = /[\u0400-\u04ff]\d/;
const LOOKALIKE_BEFORE_DIGIT = /(?<![0-9A-Za-z\u0400-\u04ff])[АВЕКМНОРСТХУаеорсху](?=\d)/g;
const LATIN_TWIN: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
};

function withLatinLookalikes(input: string): string {
  // Stryker disable next-line ConditionalExpression: a shortcut; the replacement below finds nothing without a Cyrillic letter before a digit either
  if (!CYRILLIC_BEFORE_DIGIT.test(input)) return input;
  return input.replace(LOOKALIKE_BEFORE_DIGIT, (ch) => LATIN_TWIN[ch]!);
}

/** Drops, collapses and joins what `normalizeText` could not map one to one. */
function compact(mapped: string): NormalizedText {
  builder.reset(mapped.length);
  let lastWasSpace = false;
  for (let i = 0; i < mapped.length; i++) {
    const code = mapped.charCodeAt(i);
    if (DROPPED(code)) continue;
    if (code === SPACE_UNIT) {
      // Runs of white space collapse, so "Entity  List" still matches.
      if (lastWasSpace) {
        builder.ends[builder.length - 1] = i + 1;
        continue;
      }
      lastWasSpace = true;
    } else lastWasSpace = false;
    builder.push(code, i, i + 1);
  }
  return builder.result();
}

/**
 * The general path, character by character. `normalizeText` takes shorter
 * ways where the text allows; this is exported so tests can check that they
 * agree with it.
 */
export function normalizeTextGeneral(input: string, fold = true): NormalizedText {
  // Stryker disable next-line ArithmeticOperator: sizing ahead only; push grows the buffers as needed
  builder.reset(input.length + 16);
  const out = builder;
  let lastWasSpace = false;
  let i = 0;
  // Stryker disable next-line EqualityOperator: one past the end gives an empty unit, which is skipped
  while (i < input.length) {
    const start = i;
    const code = input.charCodeAt(i);
    const next = i + 1;
    // Stryker disable next-line ConditionalExpression: the general steps below give what fastUnit gives
    const fast = next < input.length && isCombining(input, next) ? -1 : fastUnit(code, fold);
    // Stryker disable next-line ConditionalExpression,BlockStatement: the general steps below give what fastUnit gives
    if (fast !== -1) {
      i = next;
      if (fast === SPACE_UNIT) {
        if (lastWasSpace) {
          out.ends[out.length - 1] = i;
          continue;
        }
        lastWasSpace = true;
      } else lastWasSpace = false;
      out.push(fast, start, i);
      continue;
    }
    i += input.codePointAt(i)! > 0xffff ? 2 : 1;
    // Combining marks join their base, so "и" + U+0306 becomes one "й";
    // at most MAX_MARKS of them, so that no unit is long: composing a run
    // of marks reorders it, at a cost that grows with its square.
    // Stryker disable next-line EqualityOperator: U+FFFF is no mark, so the loop never steps over it
    for (let marks = 0; marks < MAX_MARKS && i < input.length && isCombining(input, i); marks++) i += input.codePointAt(i)! > 0xffff ? 2 : 1;
    const mapped = canonical(input.slice(start, i), fold);
    if (mapped === '') continue;
    if (mapped === ' ') {
      if (lastWasSpace) {
        out.ends[out.length - 1] = i;
        continue;
      }
      lastWasSpace = true;
    } else lastWasSpace = false;
    for (let k = 0; k < mapped.length; k++) out.push(mapped.charCodeAt(k), start, i);
  }
  return out.result();
}

/** The canonical form of an alias or query, without the offset maps. */
export function normalizeKey(input: string, fold = true): string {
  return normalizeText(input.trim(), fold).text;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
// Scripts written without spaces: no word boundary is required next to them.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * True for a letter or digit of a script that separates words with spaces,
 * at offset `at` of `text` (false outside it). Read by code: the matcher asks
 * twice per hit, and a string made of each character costs the page's
 * collector.
 */
export function isSpacedWordAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  // The common cases without a Unicode property lookup: ASCII, Cyrillic, Han.
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0x0410 && code <= 0x044f) return true;
  // Stryker disable next-line ConditionalExpression: a shortcut; Han is an unspaced script below too
  if (isHan(code)) return false;
  const ch = text[at]!;
  return WORD_CHAR.test(ch) && !UNSPACED.test(ch);
}

/** True for a letter or digit of any script at offset `at` of `text` (false outside it). */
export function isWordCharAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if ((code >= 0x0410 && code <= 0x044f) || isHan(code)) return true;
  return WORD_CHAR.test(text[at]!);
}
