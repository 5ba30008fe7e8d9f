// Which facts are due for another look: facts not verified against their
// sources for a while (`checked`), and live entries whose timeline has been
// quiet for a year, which may mean something happened that the data missed.
// Pure logic on the data and a given "today"; `npm run dataset:stale` prints it.
import type { Entry, RuleStatus } from './dataset-schema';

/** A fact that may carry a `checked` date, with its field path in the entry file. */
export interface CheckableFact {
  /** e.g. `facts.exportStatus[2]`, `facts.memory`, `caveats[0]`. */
  path: string;
  checked?: string;
}

/**
 * Every fact of the entry that can say when it was last verified: status
 * events, figures, rule dates and caveats, in the order the schema lists them.
 */
export function checkableFacts(entry: Entry): CheckableFact[] {
  const out: CheckableFact[] = [];
  const add = (path: string, fact: { checked?: string | undefined } | undefined) => {
    if (fact) out.push(fact.checked ? { path, checked: fact.checked } : { path });
  };
  const addAll = (path: string, facts: readonly { checked?: string | undefined }[] | undefined) => {
    for (const [i, fact] of (facts ?? []).entries()) add(`${path}[${i}]`, fact);
  };
  switch (entry.kind) {
    case 'chip':
      add('facts.year', entry.facts.year);
      add('facts.memory', entry.facts.memory);
      add('facts.bandwidth', entry.facts.bandwidth);
      add('facts.compute', entry.facts.compute);
      addAll('facts.exportStatus', entry.facts.exportStatus);
      break;
    case 'company':
      addAll('facts.entityList', entry.facts.entityList);
      break;
    case 'model':
      add('facts.released', entry.facts.released);
      add('facts.openWeights', entry.facts.openWeights);
      break;
    case 'rule':
      addAll('facts.dates', entry.facts.dates);
      addAll('facts.status', entry.facts.status);
      break;
  }
  addAll('caveats', entry.caveats);
  return out;
}

/** The latest `checked` date among the entry's facts, if any fact has one. */
export function latestChecked(entry: Entry): string | undefined {
  let latest: string | undefined;
  // Stryker disable next-line EqualityOperator: on equal dates either one is the same latest date
  for (const { checked } of checkableFacts(entry)) if (checked && (!latest || checked > latest)) latest = checked;
  return latest;
}

/** `date` (YYYY-MM-DD) moved by whole days, in UTC. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day a year earlier (28 February for a 29th). */
export function yearBefore(date: string): string {
  // Stryker disable next-line StringLiteral: every year in the data has four digits, so there is nothing to pad
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return year + monthDay;
}

/**
 * Whether an event dated `event` (YYYY, YYYY-MM or YYYY-MM-DD) lies wholly
 * before `day`: a month or a year counts from its last day, so "2025-11" is
 * before 2025-12-07 but "2025-12" is not.
 */
export function whollyBefore(event: string, day: string): boolean {
  return event < day.slice(0, event.length);
}

export interface StaleFact {
  id: string;
  kind: Entry['kind'];
  path: string;
  /** Absent when the fact was never checked. */
  checked?: string;
}

export const STALE_AFTER_DAYS = 180;

/**
 * Facts last checked more than `maxAgeDays` before `today`, or never:
 * never-checked first, then oldest first.
 */
export function staleFacts(entries: readonly Entry[], today: string, maxAgeDays = STALE_AFTER_DAYS): { cutoff: string; total: number; stale: StaleFact[] } {
  const cutoff = addDays(today, -maxAgeDays);
  const stale: StaleFact[] = [];
  let total = 0;
  for (const entry of entries) {
    for (const fact of checkableFacts(entry)) {
      total++;
      if (fact.checked && fact.checked >= cutoff) continue;
      stale.push({ id: entry.id, kind: entry.kind, path: fact.path, ...(fact.checked ? { checked: fact.checked } : {}) });
    }
  }
  stale.sort((a, b) => (a.checked ?? '').localeCompare(b.checked ?? '') || a.id.localeCompare(b.id) || a.path.localeCompare(b.path, 'en', { numeric: true }));
  return { cutoff, total, stale };
}

/** Rule statuses under which a rule can still change: these are watched for news. */
const LIVE_RULE_STATUSES: readonly RuleStatus[] = ['in-force', 'not-enforced', 'rescission-announced', 'amended', 'published'];

export interface QuietEntry {
  id: string;
  kind: 'chip' | 'rule';
  /** The status today (the timeline's last event). */
  status: string;
  /** The date of the latest event on its timeline. */
  latest: string;
}

/**
 * Live entries with no timeline event in the year before `today`: chips
 * whose latest export-status event is older (chips without export status
 * have no timeline and are left out), and rules whose status today is a live
 * one and whose latest status or date event is older. Dates set for the
 * future (`scheduled`) are not events that happened, so they do not count.
 * Oldest first.
 */
export function quietEntries(entries: readonly Entry[], today: string): { since: string; live: number; quiet: QuietEntry[] } {
  const since = yearBefore(today);
  const quiet: QuietEntry[] = [];
  let live = 0;
  for (const entry of entries) {
    const timeline = liveTimeline(entry);
    if (!timeline) continue;
    live++;
    // ISO dates: the latest sorts last.
    // Stryker disable next-line EqualityOperator: on equal dates either one is the same latest date
    const latest = timeline.dates.reduce((a, b) => (a.localeCompare(b) < 0 ? b : a));
    if (whollyBefore(latest, since)) quiet.push({ id: entry.id, kind: timeline.kind, status: timeline.status, latest });
  }
  quiet.sort((a, b) => a.latest.localeCompare(b.latest) || a.id.localeCompare(b.id));
  return { since, live, quiet };
}

/** A live entry's status today and the dates of its timeline's events; undefined for any other entry. */
function liveTimeline(entry: Entry): { kind: QuietEntry['kind']; status: string; dates: string[] } | undefined {
  if (entry.kind === 'chip') {
    const events = entry.facts.exportStatus ?? [];
    const now = events.at(-1);
    return now ? { kind: 'chip', status: now.status, dates: events.map((e) => e.date) } : undefined;
  }
  if (entry.kind === 'rule') {
    const now = entry.facts.status.at(-1);
    if (!now || !LIVE_RULE_STATUSES.includes(now.status)) return undefined;
    const happened = entry.facts.dates.filter((d) => !d.scheduled);
    return { kind: 'rule', status: now.status, dates: [...entry.facts.status, ...happened].map((e) => e.date) };
  }
  return undefined;
}
