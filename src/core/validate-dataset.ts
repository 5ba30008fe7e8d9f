// One gate for every dataset that enters ChipLens: shape first (valibot),
// then the links between entries that a schema cannot express.
import * as v from 'valibot';
import { DatasetSchema, EntrySchema, type Dataset, type Entry } from './dataset-schema';
import { REFERENCE_FIELDS } from './entry-references';

export type DatasetValidation = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

const MAX_ERRORS = 50;

export function validateDataset(input: unknown): DatasetValidation {
  const parsed = v.safeParse(DatasetSchema, input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.slice(0, MAX_ERRORS).map((issue) => describeIssue(input, issue)) };
  }
  const errors = integrityErrors(parsed.output);
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true, dataset: parsed.output };
}

/** Shape errors of a single entry, with field paths ("facts.memory.gb: …"). */
export function validateEntry(input: unknown): string[] {
  const parsed = v.safeParse(EntrySchema, input);
  return parsed.success ? [] : parsed.issues.slice(0, MAX_ERRORS).map((issue) => describeIssue(input, issue));
}

/** "entries[12] (nvidia-h20).facts.memory.gb: Invalid type: Expected number but received "96"" */
function describeIssue(input: unknown, issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  let where = '';
  keys.forEach((key, depth) => {
    if (typeof key !== 'number') {
      where += where ? `.${key}` : key;
      return;
    }
    where += `[${key}]`;
    // Name the entry, since "entries[143]" alone is hard to find in the files.
    if (depth === 1 && keys[0] === 'entries') {
      // Stryker disable next-line OptionalChaining: a problem inside entries[n] means the input has entries
      const id = (input as { entries?: { id?: unknown }[] }).entries?.[key]?.id;
      if (typeof id === 'string') where += ` (${id})`;
    }
  });
  // valibot words a missing key as "Invalid key"; say it plainly.
  // Stryker disable next-line ConditionalExpression: the schema's checks (length, date, https) run only on a value that is there, so only a schema problem has no input
  const message = issue.input === undefined && issue.kind === 'schema' ? 'is missing' : issue.message;
  return `${where || 'dataset'}: ${message}`;
}

function integrityErrors(dataset: Dataset): string[] {
  const errors: string[] = [];
  const byId = new Map<string, Entry>();
  for (const entry of dataset.entries) {
    if (byId.has(entry.id)) errors.push(`${entry.id}: the id is used twice`);
    byId.set(entry.id, entry);
  }
  for (const entry of dataset.entries) {
    const needKind = (id: string, kinds: readonly Entry['kind'][], field: string) => {
      const target = byId.get(id);
      if (!target) errors.push(`${entry.id}: ${field} names "${id}", which is not in the dataset`);
      else if (!kinds.includes(target.kind)) errors.push(`${entry.id}: ${field} "${id}" is a ${target.kind}, expected ${kinds.join(' or ')}`);
    };
    if (entry.related.includes(entry.id)) errors.push(`${entry.id}: an entry cannot be related to itself`);
    for (const reference of REFERENCE_FIELDS) {
      for (const id of reference.ids(entry)) {
        // An entry related to itself is reported above.
        // Stryker disable next-line ConditionalExpression,StringLiteral: checked, an entry's own id is found, and `related` takes any kind, so it adds no message either way
        if (typeof id === 'string' && !(reference.field === 'related' && id === entry.id)) needKind(id, reference.kinds, reference.field);
      }
    }
    for (const ref of sourceRefs(entry.facts)) {
      if (ref >= entry.sources.length) {
        errors.push(`${entry.id}: a fact cites source #${ref}, but the entry has ${entry.sources.length} sources`);
      }
    }
    if (!hasAnyAlias(entry)) errors.push(`${entry.id}: no aliases, so it can never be found on a page`);
    checkChronology(entry.id, entry.facts, errors);
  }
  return errors;
}

/** Every `src` array anywhere below `value`. */
function sourceRefs(value: unknown): number[] {
  // Stryker disable next-line ConditionalExpression: read as an object, a list gives its items under index keys, never `src`, so the same numbers
  if (Array.isArray(value)) return value.flatMap(sourceRefs);
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: facts are checked before this, and the schema allows no null in them; a stand-in text is no number, and no reference compares as past the sources
  if (typeof value !== 'object' || value === null) return [];
  // Stryker disable next-line ArrayDeclaration: a stand-in text is no number, and compares as past no source list
  const out: number[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'src' && Array.isArray(child)) out.push(...(child as number[]));
    else out.push(...sourceRefs(child));
  }
  return out;
}

function hasAnyAlias(entry: Entry): boolean {
  const { en = [], ru = [], zh = [] } = entry.aliases;
  return en.length + ru.length + zh.length > 0;
}

// Status timelines are read "last event = now", so their order matters.
function checkChronology(id: string, facts: unknown, errors: string[]): void {
  // Stryker disable next-line ArrayDeclaration: a stand-in text read as a timeline is one letter long, with nothing to order
  const timelines: [string, { date: string }[] | undefined][] = [];
  const f = facts as { exportStatus?: { date: string }[]; status?: { date: string }[]; entityList?: { date: string }[] };
  timelines.push(['exportStatus', f.exportStatus], ['entityList', f.entityList]);
  // Stryker disable next-line ConditionalExpression: only rules have a status, a list; elsewhere it is missing, and skipped below
  if (Array.isArray(f.status)) timelines.push(['status', f.status]);
  for (const [name, events] of timelines) {
    if (!events) continue;
    for (let i = 1; i < events.length; i++) {
      if (events[i]!.date < events[i - 1]!.date) {
        errors.push(`${id}: facts.${name} must be oldest first (${events[i - 1]!.date} comes before ${events[i]!.date})`);
      }
    }
  }
}
