// What `dataset:check` asks of sources, beyond their shape:
// - every source is dated: when it was published, or, for a page kept
//   current (a register, a datasheet), `live` and the day we read it;
// - a source does not predate the event it backs, unless the event is one
//   its text set in advance (an effective or compliance date);
// - one page backing entry-specific facts in many entries is declared in the
//   policy, naming those entries and why (a Federal Register rule that lists
//   each company), since a generic page cannot state each entry's fact;
// - republishers and aggregators are refused: cite the original report.
// The policy lives in dataset/source-policy.json so reviewers can see every
// exception and why it was granted.
import * as v from 'valibot';
import type { Dataset, Entry, Source } from './dataset-schema';

export const SourcePolicySchema = v.strictObject({
  /** A URL may back facts in at most this many entries without a declared reason. */
  sharedLimit: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Republishers and aggregators: hosts (and their subdomains) that may not be cited. */
  refusedHosts: v.record(v.string(), v.pipe(v.string(), v.nonEmpty('say why the host is refused'))),
  /**
   * URLs allowed to back facts in more entries than the limit: which entries
   * (the page names each of them and states its fact), and why.
   */
  sharedSources: v.record(
    v.pipe(v.string(), v.url()),
    v.strictObject({
      why: v.pipe(v.string(), v.nonEmpty('say why the URL may back these entries')),
      entries: v.pipe(v.array(v.string()), v.minLength(1, 'name the entries the URL may back')),
    }),
  ),
});
export type SourcePolicy = v.InferOutput<typeof SourcePolicySchema>;

export interface Problem {
  id: string;
  message: string;
}

/** A fact with a date and the sources that back it, and where it sits in its entry. */
interface DatedFact {
  path: string;
  date: string;
  src: number[];
  /** Set in advance by the text that backs it, so that text may be older. */
  scheduled: boolean;
}

// Kinds of rule date that the rule's own text fixes before they arrive.
const SCHEDULED_KINDS = new Set(['effective', 'compliance', 'expired']);

/** The day a source speaks for: its publication, or for a live page the day we read it. */
function sourceDate(source: Source): string | undefined {
  return source.live ? source.accessed : source.published;
}

/** `a` is earlier than `b`, compared at the coarser of the two precisions. */
export function isBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  // Stryker disable next-line MethodExpression: uncut, a longer `a` compares the same, or as after `b` where it starts with `b`: not before either way
  return a.slice(0, n) < b.slice(0, n);
}

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/** The policy's refused host that `url` is on (itself or a subdomain), with why. */
function refusedBy(policy: SourcePolicy, url: string): [host: string, why: string] | undefined {
  const host = hostOf(url);
  return Object.entries(policy.refusedHosts).find(([refused]) => host === refused || host.endsWith(`.${refused}`));
}

/** The scheduled dates (effective, compliance, expiry) each rule's text sets. */
function scheduledDates(dataset: Dataset): Map<string, Set<string>> {
  const byRule = new Map<string, Set<string>>();
  for (const entry of dataset.entries) {
    if (entry.kind !== 'rule') continue;
    const dates = new Set<string>();
    for (const d of entry.facts.dates) if (SCHEDULED_KINDS.has(d.kind) || d.scheduled) dates.add(d.date);
    byRule.set(entry.id, dates);
  }
  return byRule;
}

function datedFacts(entry: Entry, scheduled: Map<string, Set<string>>): DatedFact[] {
  const facts: DatedFact[] = [];
  switch (entry.kind) {
    case 'chip':
      for (const [i, e] of (entry.facts.exportStatus ?? []).entries()) {
        facts.push({ path: `facts.exportStatus[${i}]`, date: e.date, src: e.src, scheduled: !!e.rule && !!scheduled.get(e.rule)?.has(e.date) });
      }
      break;
    case 'company':
      for (const [i, e] of (entry.facts.entityList ?? []).entries()) {
        facts.push({ path: `facts.entityList[${i}]`, date: e.date, src: e.src, scheduled: false });
      }
      break;
    case 'model':
      if (entry.facts.released) facts.push({ path: 'facts.released', date: entry.facts.released.date, src: entry.facts.released.src, scheduled: false });
      break;
    case 'rule': {
      const own = scheduled.get(entry.id) ?? new Set<string>();
      for (const [i, d] of entry.facts.dates.entries()) {
        facts.push({ path: `facts.dates[${i}]`, date: d.date, src: d.src, scheduled: SCHEDULED_KINDS.has(d.kind) || d.scheduled === true });
      }
      for (const [i, s] of entry.facts.status.entries()) {
        facts.push({ path: `facts.status[${i}]`, date: s.date, src: s.src, scheduled: own.has(s.date) });
      }
      break;
    }
  }
  return facts;
}

/** Every `src` list in an entry's facts and caveats (not the entry's own source list). */
function factRefs(entry: Entry): number[] {
  // Stryker disable next-line ArrayDeclaration: a reference that is not a number names no source, and is dropped with the others that name none
  const refs: number[] = [];
  const visit = (value: unknown): void => {
    // Stryker disable next-line ConditionalExpression,BlockStatement: read as an object, a list gives its items under index keys, never `src`, so the same numbers
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    // Stryker disable next-line ConditionalExpression: sources are checked on a dataset that passed the schema, which allows no null in facts
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'src' && Array.isArray(child)) refs.push(...(child as number[]));
      else visit(child);
    }
  };
  visit(entry.facts);
  visit(entry.caveats);
  return refs;
}

export function checkSources(dataset: Dataset, policy: SourcePolicy): Problem[] {
  const problems: Problem[] = [];
  const scheduled = scheduledDates(dataset);
  const entriesOfUrl = new Map<string, string[]>();
  for (const entry of dataset.entries) {
    entry.sources.forEach((source, i) => {
      const where = `sources[${i}] (${source.url})`;
      if (!sourceDate(source)) {
        problems.push({ id: entry.id, message: `${where}: undated; add "published", or "live": true for a page kept current` });
      }
      const refused = refusedBy(policy, source.url);
      if (refused) {
        problems.push({ id: entry.id, message: `${where}: ${refused[0]} is refused (${refused[1]}); cite the original report` });
      }
    });
    for (const fact of datedFacts(entry, scheduled)) {
      if (fact.scheduled) continue;
      for (const index of fact.src) {
        const source = entry.sources[index];
        const date = source && sourceDate(source);
        if (date && isBefore(date, fact.date)) {
          problems.push({ id: entry.id, message: `${fact.path}: source ${index} is dated ${date}, before the event it backs (${fact.date})` });
        }
      }
    }
    // Stryker disable OptionalChaining: on a dataset that passed validation every cited source exists
    for (const url of new Set(
      // Stryker disable next-line MethodExpression: on a dataset that passed validation every cited source exists
      factRefs(entry)
        .map((i) => entry.sources[i]?.url)
        .filter((u): u is string => !!u),
    )) {
      // Stryker restore OptionalChaining
      const ids = entriesOfUrl.get(url) ?? [];
      ids.push(entry.id);
      entriesOfUrl.set(url, ids);
    }
  }
  for (const [url, all] of entriesOfUrl) {
    // Entries the policy lets this URL back do not count towards the limit.
    // Stryker disable next-line ArrayDeclaration: a stand-in list's text is no entry id (ids are kebab-case)
    const declared = new Set(policy.sharedSources[url]?.entries ?? []);
    const ids = all.filter((id) => !declared.has(id));
    if (ids.length <= policy.sharedLimit) continue;
    for (const id of ids) {
      problems.push({
        id,
        message: `${url} backs facts in ${ids.length} entries (limit ${policy.sharedLimit}); cite a source that states this entry's fact, or declare the URL in dataset/source-policy.json with why`,
      });
    }
  }
  return problems;
}
