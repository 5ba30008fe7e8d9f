// US export rules are often named by when they came out: "the October 2022
// rules", "the December 2024 package", «ограничения октября 2022 года»,
// "2022年10月出台的规则". A Federal Register rule (its sourced `citation`
// says FR) gets those names from its first announced or published date,
// unless another such rule came out the same month (January 2025 saw the
// AI Diffusion Rule and the foundry rule): then the month names neither.
import type { Alias, Dataset, Entry } from './dataset-schema';

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** In the genitive, as Russian dates them: «правила октября 2022 года». */
const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const NOUNS_EN = ['rules', 'rule', 'controls', 'export controls', 'restrictions', 'package'];
const NOUNS_RU = ['правила', 'ограничения'];
const NOUNS_ZH = ['规则', '新规', '出口管制规则', '管制措施'];
/** "2022年10月[出台的]规则": issued, published. Each word more is a few hundred spellings, so only the common ones. */
const ZH_LINKS = ['', '的', '出台的', '发布的'];

/** "2022-10" of a rule's first announced or published date, for a Federal Register rule. */
function monthOf(entry: Entry): string | undefined {
  // Stryker disable next-line StringLiteral: any stand-in for no citation without "FR" in it reads the same
  if (entry.kind !== 'rule' || !/\bFR\b/.test(entry.facts.citation?.value ?? '')) return undefined;
  const dates = entry.facts.dates.filter((d) => d.kind === 'announced' || d.kind === 'published').map((d) => d.date);
  const first = dates.sort()[0];
  // Stryker disable next-line Regex: the schema holds dates to YYYY, YYYY-MM or YYYY-MM-DD, so one that has a month has it at the start
  return first && /^\d{4}-\d{2}/.test(first) ? first.slice(0, 7) : undefined;
}

function aliasesFor(month: string): Alias[] {
  const year = month.slice(0, 4);
  const m = Number(month.slice(5, 7)) - 1;
  const en = NOUNS_EN.map((noun) => `${MONTHS_EN[m]} ${year} ${noun}`);
  const ru = NOUNS_RU.map((noun): Alias => ({ text: `${noun} ${MONTHS_RU[m]} ${year} года`, inflect: 0 }));
  const zh = NOUNS_ZH.flatMap((noun) => ZH_LINKS.map((link) => `${year}年${m + 1}月${link}${noun}`));
  return [...en, ...ru, ...zh];
}

/** Names by month for each Federal Register rule whose month is its own, by entry id. */
export function dateNamedAliases(dataset: Pick<Dataset, 'entries'>): Map<string, Alias[]> {
  const byMonth = new Map<string, string[]>();
  for (const entry of dataset.entries) {
    const month = monthOf(entry);
    if (month) byMonth.set(month, [...(byMonth.get(month) ?? []), entry.id]);
  }
  const out = new Map<string, Alias[]>();
  for (const [month, ids] of byMonth) if (ids.length === 1) out.set(ids[0]!, aliasesFor(month));
  return out;
}
