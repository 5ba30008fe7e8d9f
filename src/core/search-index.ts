// Search over names and aliases in all three languages, forgiving of case,
// ё/е, prefixes and small typos, and of a name run together with its
// number or split differently ("ascend910b", "h 20", "mi-308"). Chinese has no spaces, so Han runs are
// indexed as single characters and pairs, which lets 昇腾 find 华为昇腾910B.
// Traditional characters are folded to Simplified as on pages, so 華為
// finds Huawei.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Dataset, Entry, EntryKind } from './dataset-schema';
import type { SearchHit } from './messages';
import { simplifiedInUse } from './alias-table';
import { HanFold, NO_HAN_FOLD } from './han-fold';
import { hanFoldPairs } from './han-fold-pairs';
import { normalizeKey } from './normalize';

interface SearchDoc {
  id: string;
  names: string;
  aliases: string;
  summary: string;
}

const HAN_RUN = /^\p{Script=Han}+$/u;
const TOKEN = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string, fold: HanFold = NO_HAN_FOLD): string[] {
  const tokens: string[] = [];
  // Scripts are split after normalising, which joins Han to Latin ("英伟达h20").
  for (const [word] of splitScripts(fold.apply(normalizeKey(text))).matchAll(TOKEN)) {
    if (!HAN_RUN.test(word)) {
      tokens.push(word);
      continue;
    }
    const chars = [...word];
    chars.forEach((ch, i) => {
      tokens.push(ch);
      if (i + 1 < chars.length) tokens.push(ch + chars[i + 1]);
    });
  }
  return tokens;
}

/** Latin and digits inside Chinese words ("英伟达H20") are separate tokens. */
function splitScripts(text: string): string {
  return text.replace(/(\p{Script=Han})(?=[\p{Script=Latin}\p{N}])|([\p{Script=Latin}\p{N}])(?=\p{Script=Han})/gu, '$1$2 ');
}

/** The same letters and digits written together: "h 20", "mi-308" → "h20", "mi308". */
function joinedForm(query: string): string {
  return normalizeKey(query).replace(/(?<=[\p{L}\p{N}])[\s\-–_./]+(?=\p{N})|(?<=\p{N})[\s\-–_./]+(?=\p{L})/gu, '');
}

/** A word run together with its number, written apart: "ascend910b" → "ascend 910b" (not "h20", a name in itself). */
function apartForm(query: string): string {
  return normalizeKey(query).replace(/(?<=[\p{Script=Latin}\p{Script=Cyrillic}]{3})(?=\p{N})/gu, ' ');
}

/** Typos forgiven in every word of three letters or more: only tried when nothing else matched. */
function forgivingFuzzy(term: string): number | false {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: 0.2 of a word of five letters or fewer rounds to the same edits as below (1 from three letters, none under)
  if (term.length >= 5) return 0.2;
  // Stryker disable next-line BooleanLiteral: MiniSearch reads true as 0.2, which allows no edit in a word of one or two letters
  return term.length >= 3 ? 1 : false;
}

function aliasTexts(entry: Entry): string[] {
  const { en = [], ru = [], zh = [] } = entry.aliases;
  return [...en, ...ru, ...zh].map((alias) => (typeof alias === 'string' ? alias : alias.text));
}

function toDoc(entry: Entry): SearchDoc {
  // Stryker disable next-line MethodExpression: the schema gives every entry all three names, so the filter drops nothing
  const names = [entry.name.en, entry.name.ru, entry.name.zh].filter(Boolean).join(' ');
  return {
    id: entry.id,
    names,
    aliases: aliasTexts(entry).join(' '),
    summary: [entry.summary.en, entry.summary.ru].join(' '),
  };
}

/** The largest share of the words of one of an entry's names or aliases that the matched terms cover. */
function nameCoverage(entry: Entry | undefined, terms: readonly string[], fold: HanFold): number {
  // Stryker disable next-line ConditionalExpression: every id the index returns is one of the entries
  if (!entry) return 0;
  return Math.max(
    ...[entry.name.en, entry.name.ru, entry.name.zh, ...aliasTexts(entry)].map((name) => {
      const words = [...new Set(tokenize(name, fold))];
      return words.length === 0 ? 0 : words.filter((w) => terms.includes(w)).length / words.length;
    }),
  );
}

export class EntrySearch {
  private readonly index: MiniSearch<SearchDoc>;
  private readonly byId: Map<string, Entry>;
  private readonly fold: HanFold;

  constructor(dataset: Pick<Dataset, 'entries'>) {
    this.byId = new Map(dataset.entries.map((e) => [e.id, e]));
    const fold = new HanFold(hanFoldPairs(simplifiedInUse(dataset)));
    this.fold = fold;
    this.index = new MiniSearch<SearchDoc>({
      fields: ['names', 'aliases', 'summary'],
      tokenize: (text) => tokenize(text, fold),
      processTerm: (term) => term,
      searchOptions: {
        boost: { names: 3, aliases: 2, summary: 0.2 },
        prefix: true,
        // Typos only for longer words: "nvdia" yes, but "h2" must not find "a2".
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        combineWith: 'AND',
      },
    });
    this.index.addAll(dataset.entries.map(toDoc));
  }

  search(query: string, limit = 20, kind?: EntryKind): SearchHit[] {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; a query with no words finds nothing in any reading either
    if (normalizeKey(query) === '') return [];
    // Stryker disable next-line OptionalChaining: every id the index returns is one of the entries
    const filter = kind ? (result: { id: unknown }) => this.byId.get(String(result.id))?.kind === kind : undefined;
    // The query as typed, and as the same name written the other ways people
    // write it; an entry counts with its best reading.
    const best = new Map<string, { result: SearchResult; score: number }>();
    const consider = (results: SearchResult[]) => {
      for (const result of results) {
        // An entry whose name the query covers whole ("nvdia" → NVIDIA, 昇腾 →
        // the Ascend family) comes before the many whose names merely contain
        // it (NVIDIA A40, 昇腾310).
        const score = result.score * (1 + nameCoverage(this.byId.get(String(result.id)), result.terms, this.fold));
        const id = String(result.id);
        // Stryker disable next-line EqualityOperator: two readings give one entry the same score only when they are the same words
        if ((best.get(id)?.score ?? 0) < score) best.set(id, { result, score });
      }
    };
    const options = filter ? { filter } : {};
    consider(this.index.search(query, options));
    const joined = joinedForm(query);
    // Stryker disable next-line ConditionalExpression: a shortcut; the same words again find the same entries with the same scores
    if (joined !== normalizeKey(query)) consider(this.index.search(joined, options));
    // Only when nothing else matched: these readings find more by chance.
    const apart = apartForm(query);
    // Stryker disable next-line ConditionalExpression: a shortcut; the same words again find nothing again (the other conditions are tested)
    if (best.size === 0 && apart !== normalizeKey(query)) consider(this.index.search(apart, options));
    // A typo in a short word of a longer query ("entity lst").
    if (best.size === 0 && tokenize(query).length > 1) consider(this.index.search(query, { ...options, fuzzy: forgivingFuzzy }));
    const ranked = [...best.values()].sort((a, b) => b.score - a.score);
    return ranked.slice(0, limit).flatMap(({ result }) => {
      const entry = this.byId.get(String(result.id));
      // Stryker disable next-line ConditionalExpression,ArrayDeclaration: every id the index returns is one of the entries
      if (!entry) return [];
      const hit: SearchHit = { id: entry.id, kind: entry.kind, name: entry.name, summary: entry.summary };
      const matched = aliasTexts(entry).find((alias) => result.terms.some((t) => tokenize(alias).includes(t)));
      if (matched && matched !== entry.name.en) hit.matched = matched;
      return [hit];
    });
  }
}
