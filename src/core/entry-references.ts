// The fields of an entry that name other entries: the one list that the
// dataset's checks, its assembly (which makes some links two-way) and the
// background (which names the targets in a tooltip) all read.
import type { Entry, EntryKind } from './dataset-schema';

export interface ReferenceField {
  /** Where it sits in an entry, for messages. */
  field: string;
  /** The kinds of entry it may name. */
  kinds: readonly EntryKind[];
  /** Assembly adds the reverse link: a chip's vendor lists the chip among its related entries. */
  twoWay: boolean;
  /** The ids it names. Tolerates an entry not yet validated (assembly reads raw files). */
  ids(entry: Entry): unknown[];
}

const ANY: readonly EntryKind[] = ['chip', 'company', 'model', 'rule'];

export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  { field: 'related', kinds: ANY, twoWay: true, ids: (e) => (Array.isArray(e.related) ? e.related : []) },
  { field: 'facts.vendor', kinds: ['company'], twoWay: true, ids: (e) => (e.kind === 'chip' ? [e.facts?.vendor] : []) },
  {
    field: 'facts.exportStatus.rule',
    kinds: ['rule'],
    twoWay: false,
    ids: (e) => (e.kind === 'chip' && Array.isArray(e.facts?.exportStatus) ? e.facts.exportStatus.map((event) => event?.rule) : []),
  },
  { field: 'facts.maker', kinds: ['company'], twoWay: true, ids: (e) => (e.kind === 'model' ? [e.facts?.maker] : []) },
  { field: 'facts.issuer.entity', kinds: ['company'], twoWay: false, ids: (e) => (e.kind === 'rule' ? [e.facts?.issuer?.entity] : []) },
];

/** Every id an entry names, once each. */
export function referencedIds(entry: Entry): string[] {
  const ids = new Set<string>();
  for (const field of REFERENCE_FIELDS) for (const id of field.ids(entry)) if (typeof id === 'string') ids.add(id);
  return [...ids];
}
