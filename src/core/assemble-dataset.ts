// Builds one dataset document from the reviewable source files (one JSON
// file per entry, in a folder per kind). Relations are made two-way here,
// so a company lists its chips and models and a rule the chips it names,
// without anyone keeping both sides in step by hand, and Traditional Chinese
// text is made from the Simplified.
import type { Entry, EntryKind } from './dataset-schema';
// With their extensions: vite.config.ts loads this module through Node.
import { REFERENCE_FIELDS } from './entry-references.ts';
import { addTraditional } from './traditional-text.ts';

export interface EntryFile {
  /** Path relative to the entries folder, e.g. "chips/nvidia-h20.json". */
  path: string;
  data: unknown;
}

export interface DatasetMeta {
  format: number;
  version: number;
  asOf: string;
}

export const KIND_FOLDERS: Record<EntryKind, string> = {
  chip: 'chips',
  company: 'companies',
  model: 'models',
  rule: 'rules',
};

const KIND_ORDER: EntryKind[] = ['chip', 'company', 'model', 'rule'];

type RawEntry = {
  id?: unknown;
  kind?: unknown;
  related?: unknown;
  facts?: { vendor?: unknown; maker?: unknown };
};

export function assembleDataset(meta: DatasetMeta, files: EntryFile[]): { json: unknown; problems: string[] } {
  const problems: string[] = [];
  const entries: RawEntry[] = [];
  for (const file of files) {
    const entry = structuredClone(file.data) as RawEntry;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${file.path}: an entry file holds one JSON object`);
      continue;
    }
    const [folder, name] = file.path.split('/').slice(-2);
    if (typeof entry.id === 'string' && name !== `${entry.id}.json`) {
      problems.push(`${file.path}: the file must be named after its id (${entry.id}.json)`);
    }
    const expected = KIND_FOLDERS[entry.kind as EntryKind];
    if (expected && folder !== expected) problems.push(`${file.path}: a ${String(entry.kind)} belongs in ${expected}/`);
    entries.push(entry);
  }
  linkBothWays(entries);
  // Traditional Chinese, made from the Simplified text (see traditional-text).
  addTraditional(entries);
  entries.sort((a, b) => KIND_ORDER.indexOf(a.kind as EntryKind) - KIND_ORDER.indexOf(b.kind as EntryKind) || String(a.id).localeCompare(String(b.id)));
  return { json: { ...meta, entries }, problems };
}

function linkBothWays(entries: RawEntry[]): void {
  const byId = new Map<string, RawEntry>();
  // Stryker disable next-line ConditionalExpression: links are looked up by string ids only, so an entry filed under another id is never found
  for (const entry of entries) if (typeof entry.id === 'string') byId.set(entry.id, entry);
  const link = (from: RawEntry, to: unknown) => {
    // Stryker disable next-line ConditionalExpression: an id that is not a string finds no entry below, and returns there
    if (typeof to !== 'string' || to === from.id) return;
    const target = byId.get(to);
    if (!target || !Array.isArray(target.related) || !Array.isArray(from.related)) return;
    if (!from.related.includes(to)) from.related.push(to);
    if (!target.related.includes(from.id)) target.related.push(from.id);
  };
  for (const entry of entries) {
    // Stryker disable next-line ConditionalExpression: link() makes no link from an entry without a related list either
    if (!Array.isArray(entry.related)) continue;
    for (const reference of REFERENCE_FIELDS) {
      if (!reference.twoWay) continue;
      for (const id of [...reference.ids(entry as unknown as Entry)]) link(entry, id);
    }
  }
}
