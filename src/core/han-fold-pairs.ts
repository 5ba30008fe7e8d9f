// The pairs HanFold applies, made from OpenCC's tables (opencc-js): its
// Traditional-to-Simplified characters, and the Taiwan and Hong Kong variant
// forms (裡, 綫, 峯…) taken to their standard form first. Made where the
// name table is built (the background, the dataset tools), never on a page.
//
// Character-level conversion merges some characters that Simplified text
// keeps apart: OpenCC folds 昇 into 升, but Huawei's Ascend is 昇腾 in
// Simplified too, and 升腾 is an ordinary word. So characters the dataset
// itself writes in its Simplified text (names and summaries) are never
// folded: those are kept as they are.
import HK_VARIANTS_REV from 'opencc-js/dict/HKVariantsRev';
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';

/** OpenCC's dictionary text: "from to [to…]|from to…", first candidate preferred. */
function pairsOf(dictionary: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ');
    // Stryker disable next-line ConditionalExpression,LogicalOperator: every item of OpenCC's tables as shipped has a character and a target
    if (from && to) pairs.push([from, to]);
  }
  return pairs;
}

// Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: OpenCC's character tables as shipped hold single characters, none a lone surrogate, so the length test alone decides
const isOneBmpUnit = (s: string) => s.length === 1 && (s.charCodeAt(0) < 0xd800 || s.charCodeAt(0) > 0xdfff);

/** "TSTS…" for every character that folds, except those in `keep`, in code order. */
export function hanFoldPairs(keep: ReadonlySet<string> = new Set()): string {
  const toSimplified = new Map(pairsOf(TS_CHARACTERS));
  const fold = new Map<string, string>(toSimplified);
  for (const [variant, standard] of [...pairsOf(TW_VARIANTS_REV), ...pairsOf(HK_VARIANTS_REV)]) {
    // Stryker disable next-line ConditionalExpression: in OpenCC's tables as shipped, a variant that the Traditional table also folds ends at the same character either way
    if (!fold.has(variant)) fold.set(variant, toSimplified.get(standard) ?? standard);
  }
  const out: [number, string][] = [];
  for (const [from, first] of fold) {
    if (keep.has(from)) continue;
    // Followed to its end, so that folding twice gives what folding once does.
    let to = first;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: no chain in OpenCC's tables as shipped is longer than two hops or loops, so the bound of four is never reached
    for (let hops = 0; fold.has(to) && fold.get(to) !== to && !keep.has(to) && hops < 4; hops++) to = fold.get(to)!;
    if (from !== to && isOneBmpUnit(from) && isOneBmpUnit(to)) out.push([from.charCodeAt(0), from + to]);
  }
  return out
    .sort((a, b) => a[0] - b[0])
    .map(([, pair]) => pair)
    .join('');
}
