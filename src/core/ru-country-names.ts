// Russian names China's laws and bodies "…КНР", "…Китая" or, in official
// texts, "…Китайской Народной Республики" ("Закон Китайской Народной
// Республики о контроле за экспортом"). An alias that says КНР gets the two
// other spellings as well, with its declined word kept in place.
import { type Alias, aliasSpec } from './dataset-schema';

const SHORT = 'КНР';
const LONGER = ['Китая', 'Китайской Народной Республики'];

/** The other spellings of a Russian alias that names China as КНР; none when it does not (or is only that word). */
export function withChinaSpelledOut(alias: Alias): Alias[] {
  const spec = aliasSpec(alias);
  const words = spec.text.split(' ');
  const at = words.indexOf(SHORT);
  if (at < 0 || words.length === 1) return [];
  // The declined words, counted again after the longer name; КНР itself is never declined.
  const { inflect: given } = spec;
  const declined = given === true ? [words.length - 1] : typeof given === 'number' ? [given] : Array.isArray(given) ? given : [];
  return LONGER.map((longer) => {
    const added = longer.split(' ').length - 1;
    const text = [...words.slice(0, at), longer, ...words.slice(at + 1)].join(' ');
    const { inflect: _, ...rest } = spec;
    // Stryker disable next-line EqualityOperator: КНР's own place is filtered out just before, so no index equals it here
    const inflect = declined.filter((i) => i !== at).map((i) => (i > at ? i + added : i));
    return inflect.length ? { ...rest, text, inflect } : { ...rest, text };
  });
}
