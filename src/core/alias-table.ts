// Turns dataset entries into the flat alias table that content scripts match
// against: every alias in its canonical spelling, Russian case forms
// expanded, each pointing at its entry. It is computed once per dataset
// version by the background and shipped to pages with its compiled
// automaton (see stored-table).
import { citationAliases } from './citation-aliases';
import type { AutomatonShape } from './automaton';
import { type Alias, aliasSpec, type Dataset, type Entry, type EntryKind } from './dataset-schema';
import { HanFold } from './han-fold';
import { hanFoldPairs } from './han-fold-pairs';
import { withTaiwanTerms } from './regional-terms';
import { withCountrySpelledOut } from './ru-country-names';
import { withQuotedTitle } from './ru-quoted-titles';
import { dateNamedAliases } from './date-named-aliases';
import { normalizeKey } from './normalize';
import { inflectPhrase } from './ru-inflect';
import { TOPIC_WORDS } from './topic-words';

export const ALIAS_TABLE_FORMAT = 10;

export interface AliasTableEntry {
  id: string;
  kind: EntryKind;
  /** The chip's vendor or the model's maker: "Huawei Ascend 910C" is one mention. */
  maker?: number;
  /** Entries whose mention on the page supports a context-dependent alias of this one. */
  supporters?: number[];
  /** Highlighted only where the passage or the page is on topic (the entry's `broad`). */
  broad?: true;
}

interface AliasPattern {
  /** Normalised, case-folded text to find. */
  text: string;
  /** Index into `entries`. */
  entry: number;
  /** Normalised text with case kept, present only for case-sensitive aliases. */
  cased?: string;
  /** Declared as naming more than one entry. */
  ambiguous?: true;
  /** Highlighted only where the page supports it. */
  needsContext?: true;
  /** Found only with a version written after it ("Seed 2.0"; never bare "Seed"). */
  withVersion?: true;
  /** A model's alias that is another of its aliases plus a version or edition ("Qwen3-Max" beside "Qwen"): it names a version. */
  variant?: true;
  /** Cues only: further entries the same word supports ("chip" for every chip). */
  also?: number[];
  /**
   * Cues only: a topic word ("semiconductor", "出口管制"), which puts a
   * passage on topic for every broad name. An entry's own context words
   * ("iPhone" for Apple's 苹果) only tell which entry a spelling names.
   */
  topic?: true;
}

export interface AliasTable {
  format: typeof ALIAS_TABLE_FORMAT;
  datasetVersion: number;
  entries: AliasTableEntry[];
  patterns: AliasPattern[];
  /** Context words: never highlighted, they only support their entry's context-dependent aliases. */
  cues: AliasPattern[];
  /** Traditional characters folded to Simplified, as pairs (see HanFold): patterns are folded, and so is page text. */
  hanFold: string;
  /**
   * Set in stored tables: the shape of the automaton compiled from the
   * patterns, then the cues, stored beside the table (see stored-table).
   */
  automaton?: AutomatonShape;
}

/** What matching needs of a pattern (an alias or a cue). */
export type PatternInfo = Pick<AliasPattern, 'entry' | 'cased' | 'needsContext' | 'withVersion' | 'also' | 'variant' | 'topic'>;

/**
 * An alias table as matching uses it: its entries, and each pattern by its
 * number, aliases first, then cues. A table read from storage answers from
 * packed arrays, making a pattern's object only when a page hits it.
 */
export interface MatchTable {
  datasetVersion: number;
  entries: AliasTableEntry[];
  /** How many patterns are aliases; the numbers after them are cues. */
  aliasCount: number;
  /** Aliases and cues together. */
  patternCount: number;
  pattern(index: number): PatternInfo;
  /** Every pattern's text, in number order, for building an automaton. */
  texts(): string[];
  /** Traditional characters folded to Simplified, as pairs (see HanFold). */
  hanFold: string;
}

export function isMatchTable(table: MatchTable | AliasTable): table is MatchTable {
  return typeof (table as MatchTable).pattern === 'function';
}

/** A built table, as matching uses it. */
export function matchTableOf(table: AliasTable): MatchTable {
  const { patterns, cues } = table;
  return {
    datasetVersion: table.datasetVersion,
    entries: table.entries,
    aliasCount: patterns.length,
    patternCount: patterns.length + cues.length,
    pattern: (index) => (index < patterns.length ? patterns[index]! : cues[index - patterns.length]!),
    texts: () => aliasTexts(table),
    hanFold: table.hanFold,
  };
}

export interface AliasConflict {
  text: string;
  ids: string[];
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

function aliasForms(alias: Alias, fold: HanFold): { forms: string[]; caseSensitive: boolean } {
  const spec = aliasSpec(alias);
  const caseSensitive = spec.caseSensitive === true;
  const key = fold.apply(normalizeKey(spec.text));
  const words = key.split(' ');
  let inflectAt: number[] | undefined;
  if (Array.isArray(spec.inflect)) inflectAt = spec.inflect;
  else if (typeof spec.inflect === 'number') inflectAt = [spec.inflect];
  else if (spec.inflect === true) inflectAt = [words.length - 1];
  else if (spec.inflect === undefined && words.length === 1 && CYRILLIC.test(key)) inflectAt = [0];
  // Case-sensitive aliases are acronyms; they are not declined.
  if (inflectAt === undefined || caseSensitive) return { forms: [key], caseSensitive };
  return { forms: inflectPhrase(key, inflectAt), caseSensitive };
}

function entryAliases(entry: Entry): Alias[] {
  const { en = [], ru = [], zh = [] } = entry.aliases;
  // A rule is also named by the numbers its citation gives it ("Announcement No. 18 of 2025").
  const citation = entry.kind === 'rule' ? entry.facts.citation?.value : undefined;
  const spaced = entry.kind === 'chip' ? en.flatMap(spacedSuffix) : [];
  const russian = [...ru, ...ru.flatMap(withCountrySpelledOut)];
  return [
    ...en,
    ...russian,
    ...russian.flatMap(withQuotedTitle),
    ...zh,
    ...zh.flatMap(taiwanSpelling),
    ...spaced,
    ...(citation ? citationAliases(citation) : []),
  ];
}

/** A Chinese alias as Taiwan words it ("晶片法案" for "芯片法案"): one more spelling, derived. */
function taiwanSpelling(alias: Alias): Alias[] {
  const spec = aliasSpec(alias);
  const text = withTaiwanTerms(spec.text);
  return text === undefined ? [] : [{ ...spec, text }];
}

/** A chip's number and its letters (the edition: "950DT", "910B", "MI300X"). */
const NUMBER_AND_EDITION = /^(.*\d)([A-Z]{1,3})$/;

/**
 * A chip's name with a space before its edition's letters, as writers also
 * put it ("Ascend 950 DT" for "Ascend 950DT"): one more spelling, derived.
 */
function spacedSuffix(alias: Alias): Alias[] {
  const spec = aliasSpec(alias);
  const parts = NUMBER_AND_EDITION.exec(spec.text);
  return parts ? [{ ...spec, text: `${parts[1]} ${parts[2]}` }] : [];
}

function makerOf(entry: Entry): string | undefined {
  if (entry.kind === 'chip') return entry.facts.vendor;
  if (entry.kind === 'model') return entry.facts.maker;
  return undefined;
}

function compile(aliases: readonly Alias[], index: number, into: AliasPattern[], seen: Set<string>, fold: HanFold): void {
  for (const alias of aliases) {
    const { forms, caseSensitive } = aliasForms(alias, fold);
    // Stryker disable next-line ConditionalExpression,StringLiteral: only an alias object can be case-sensitive, so the alias is never a string here
    const cased = caseSensitive ? fold.apply(normalizeKey(typeof alias === 'string' ? alias : alias.text, false)) : undefined;
    // Stryker disable next-line ConditionalExpression,StringLiteral: a string has no `ambiguous`, so the second test answers for it alone
    const ambiguous = typeof alias !== 'string' && alias.ambiguous === true;
    // Stryker disable next-line ConditionalExpression,StringLiteral: a string has no `needsContext`, so the second test answers for it alone
    const needsContext = typeof alias !== 'string' && alias.needsContext === true;
    // Stryker disable next-line ConditionalExpression,StringLiteral: a string has no `withVersion`, so the second test answers for it alone
    const withVersion = typeof alias !== 'string' && alias.withVersion === true;
    for (const text of forms) {
      if (text === '') continue;
      // Stryker disable next-line StringLiteral: any stand-in for no case does as well, unless an alias is cased as that very text
      const key = `${index}\u0000${text}\u0000${cased ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const pattern: AliasPattern = { text, entry: index };
      if (cased !== undefined) pattern.cased = cased;
      if (ambiguous) pattern.ambiguous = true;
      if (needsContext) pattern.needsContext = true;
      if (withVersion) pattern.withVersion = true;
      into.push(pattern);
    }
  }
}

/** Characters the dataset writes in its Simplified names and summaries: never folded (see han-fold-pairs). */
export function simplifiedInUse(dataset: Pick<Dataset, 'entries'>): Set<string> {
  const used = new Set<string>();
  // Tests build entries without names; a real dataset always has them.
  // Stryker disable next-line StringLiteral: a stand-in for a missing text adds Latin letters, which never fold
  for (const entry of dataset.entries) for (const ch of (entry.name?.zh ?? '') + (entry.summary?.zh ?? '')) used.add(ch);
  return used;
}

export function buildAliasTable(dataset: Dataset): AliasTable {
  const hanFold = hanFoldPairs(simplifiedInUse(dataset));
  const fold = new HanFold(hanFold);
  const indexOf = new Map(dataset.entries.map((entry, index) => [entry.id, index]));
  const patterns: AliasPattern[] = [];
  const cues: AliasPattern[] = [];
  const seen = new Set<string>();
  const seenCues = new Set<string>();
  const byMonth = dateNamedAliases(dataset);
  const entries = dataset.entries.map((entry, index): AliasTableEntry => {
    const row: AliasTableEntry = { id: entry.id, kind: entry.kind };
    // Stryker disable next-line StringLiteral: no entry has the stand-in's text as its id (ids are kebab-case)
    const maker = indexOf.get(makerOf(entry) ?? '');
    if (maker !== undefined) row.maker = maker;
    const before = patterns.length;
    compile([...entryAliases(entry), ...(byMonth.get(entry.id) ?? [])], index, patterns, seen, fold);
    if (entry.kind === 'model') markVariants(patterns.slice(before));
    const contextual = patterns.slice(before).some((p) => p.needsContext || p.ambiguous);
    // Only entries that can be in doubt need their supporters on every page.
    if (contextual) {
      row.supporters = entry.related.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
      const { en = [], ru = [], zh = [] } = entry.context ?? {};
      compile([...en, ...ru, ...zh], index, cues, seenCues, fold);
    }
    if (entry.broad) {
      row.broad = true;
      // Any topic word in the passage puts a broad name on topic.
      const from = cues.length;
      compile(TOPIC_WORDS, index, cues, seenCues, fold);
      for (const cue of cues.slice(from)) cue.topic = true;
    }
    return row;
  });
  return { format: ALIAS_TABLE_FORMAT, datasetVersion: dataset.version, entries, patterns, cues: mergeCues(cues), hanFold };
}

/** What a version or edition adds to a model's name: "3", " 2.5", "3-max", "-v4-pro" (normalised: lower case). */
const VERSION_SUFFIX = /^(?:[ -]?v?\d{1,2}(?:\.\d+)*)?(?:-[a-z0-9]+)*$/;

/**
 * Marks the patterns that are another of the model's aliases plus a version
 * or edition ("qwen3-max" beside "qwen"): they name a version of the entry,
 * and its card must not state the family's release date or licence for it.
 */
function markVariants(own: AliasPattern[]): void {
  const texts = own.map((p) => p.text);
  for (const pattern of own) {
    const base = texts.some((b) => b.length < pattern.text.length && pattern.text.startsWith(b) && VERSION_SUFFIX.test(pattern.text.slice(b.length)));
    if (base) pattern.variant = true;
  }
}

/** The texts the automaton finds: pattern i is alias pattern i, then the cues follow. */
export function aliasTexts(table: AliasTable): string[] {
  return [...table.patterns, ...table.cues].map((p) => p.text);
}

/** One cue per spelling, listing every entry it supports, so the matcher finds "chip" once, not once per chip. */
function mergeCues(cues: AliasPattern[]): AliasPattern[] {
  const byText = new Map<string, AliasPattern>();
  for (const cue of cues) {
    // Stryker disable next-line StringLiteral: any stand-in for no case does as well, unless a cue is cased as that very text
    const key = `${cue.text}\u0000${cue.cased ?? ''}`;
    const first = byText.get(key);
    if (!first) {
      byText.set(key, { ...cue });
      continue;
    }
    if (cue.topic) first.topic = true;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: compile() lists a cue once per entry, so a later one with the same key is always another entry, not yet listed
    if (first.entry !== cue.entry && !first.also?.includes(cue.entry)) {
      first.also ??= [];
      first.also.push(cue.entry);
    }
  }
  return [...byText.values()];
}

/**
 * Spellings claimed by more than one entry: the data must say which one wins,
 * or every entry that uses the spelling must declare it ambiguous.
 */
export function findAliasConflicts(table: AliasTable): AliasConflict[] {
  const owners = new Map<string, { ids: Set<string>; declared: boolean }>();
  for (const pattern of table.patterns) {
    const key = pattern.cased ?? pattern.text;
    const owner = owners.get(key) ?? { ids: new Set<string>(), declared: true };
    owner.ids.add(table.entries[pattern.entry]!.id);
    owner.declared &&= pattern.ambiguous === true;
    owners.set(key, owner);
  }
  return [...owners].filter(([, owner]) => owner.ids.size > 1 && !owner.declared).map(([text, owner]) => ({ text, ids: [...owner.ids] }));
}
