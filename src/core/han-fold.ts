// Traditional Chinese characters folded to Simplified for matching, so that
// one Simplified alias finds a name in either script (臺積電 and 台积电,
// 華為 and 华为). The pairs are made from OpenCC's tables when the name table
// is built (han-fold-pairs) and travel with it to pages, which only apply
// them. Each pair is one UTF-16 unit for one: folding never changes a text's
// length, so offsets into the page's text stay exact.
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export class HanFold {
  private readonly map = new Map<number, number>();

  /** `pairs`: "TSTS…", each Traditional or variant character followed by its fold. */
  constructor(readonly pairs: string) {
    for (let i = 0; i + 1 < pairs.length; i += 2) this.map.set(pairs.charCodeAt(i), pairs.charCodeAt(i + 1));
  }

  /** `text` with every foldable character folded; the same length, and `text` itself when nothing folds. */
  apply(text: string): string {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; the loop below folds nothing in such a text either
    if (this.map.size === 0 || !HAN.test(text)) return text;
    let parts: string[] | undefined;
    let last = 0;
    // Stryker disable next-line EqualityOperator: one past the end reads NaN, which has no fold
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the pairs (OpenCC's, from han-fold-pairs) hold no character below U+3401
      if (code < 0x3400) continue;
      const to = this.map.get(code);
      if (to === undefined) continue;
      parts ??= [];
      parts.push(text.slice(last, i), String.fromCharCode(to));
      last = i + 1;
    }
    return parts ? parts.join('') + text.slice(last) : text;
  }
}

/** Whether `text` reads as Traditional Chinese: it holds at least `least` characters that fold. */
export function looksTraditional(fold: HanFold, text: string, least = 2): boolean {
  const folded = fold.apply(text);
  // Stryker disable next-line ConditionalExpression: a shortcut; with nothing folded the count below is 0, under any least a caller passes (2 by default)
  if (folded === text) return false;
  let differences = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: stopping at least differences is a shortcut; counting on gives the same answer
  for (let i = 0; i < text.length && differences < least; i++) if (text.charCodeAt(i) !== folded.charCodeAt(i)) differences++;
  return differences >= least;
}

/** Folds nothing: for tables built without pairs. */
export const NO_HAN_FOLD = new HanFold('');
