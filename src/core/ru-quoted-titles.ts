// Russian writes a law's title in quotes after the law: «закон КНР "Об
// экспортном контроле"», «Закон "О внешней торговле"». A Russian alias whose
// title starts with о/об/обо gets that spelling too; the page's «», “” and
// „“ all read as " once normalised.
import { type Alias, aliasSpec } from './dataset-schema';

const TITLE_START: ReadonlySet<string> = new Set(['о', 'об', 'обо']);

/** The alias with its title in quotes, or none when it has no title after its first word. */
export function withQuotedTitle(alias: Alias): Alias[] {
  const spec = aliasSpec(alias);
  const words = spec.text.split(' ');
  const at = words.findIndex((word, i) => i > 0 && TITLE_START.has(word.toLowerCase()));
  // Stryker disable next-line EqualityOperator: the title is looked for after the first word, so it is never at 0
  if (at < 0) return [];
  const text = `${words.slice(0, at).join(' ')} "${words.slice(at).join(' ')}"`;
  return [{ ...spec, text }];
}
