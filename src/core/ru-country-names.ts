// Russian names a country's laws and bodies by its short name or spelled
// out: "…КНР", "…Китая" or, in official texts, "…Китайской Народной
// Республики" ("Закон Китайской Народной Республики о контроле за
// экспортом"); "…США" or "…Соединенных Штатов" ("в Минторге Соединенных
// Штатов"). An alias that says КНР or США gets the other spellings as
// well, with its declined word kept in place. (Normalised text reads ё as
// е, so "Соединённых" is matched too. "…Америки" after it is left out: it
// is rare after a body's name, and each spelling adds some 5,000 nodes to
// the name table.)
import { type Alias, aliasSpec } from './dataset-schema';

/** Each country's short name, and its spelled-out forms in the genitive, as they follow a body's name. */
const SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['КНР', ['Китая', 'Китайской Народной Республики']],
  ['США', ['Соединенных Штатов']],
]);

/** The other spellings of a Russian alias that names China as КНР or the US as США; none when it does not (or is only that word). */
export function withCountrySpelledOut(alias: Alias): Alias[] {
  const spec = aliasSpec(alias);
  const words = spec.text.split(' ');
  const at = words.findIndex((word) => SPELLINGS.has(word));
  if (at < 0 || words.length === 1) return [];
  // The declined words, counted again after the longer name; the country itself is never declined.
  const { inflect: given } = spec;
  const declined = given === true ? [words.length - 1] : typeof given === 'number' ? [given] : Array.isArray(given) ? given : [];
  return SPELLINGS.get(words[at]!)!.map((longer) => {
    const added = longer.split(' ').length - 1;
    const text = [...words.slice(0, at), longer, ...words.slice(at + 1)].join(' ');
    const { inflect: _, ...rest } = spec;
    // Stryker disable next-line EqualityOperator: КНР's own place is filtered out just before, so no index equals it here
    const inflect = declined.filter((i) => i !== at).map((i) => (i > at ? i + added : i));
    return inflect.length ? { ...rest, text, inflect } : { ...rest, text };
  });
}
