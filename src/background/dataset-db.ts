// The extension's IndexedDB: the dataset in use, one row per entry, plus a
// row describing which version that is. Only the background opens it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { contentHash } from '../core/content-hash';
import type { Dataset, Entry, EntryKind } from '../core/dataset-schema';

export const DB_NAME = 'chiplens';
const DB_VERSION = 1;

export interface StoredDatasetMeta {
  format: number;
  version: number;
  asOf: string;
  counts: Record<EntryKind, number>;
  writtenAt: string;
  /** Fingerprint of the entries, to spot a changed copy with the same version. */
  contentHash?: string;
}

interface ChipLensDB extends DBSchema {
  entries: { key: string; value: Entry };
  meta: { key: 'dataset'; value: StoredDatasetMeta };
}

export type DatasetDB = IDBPDatabase<ChipLensDB>;

export function openDatasetDB(): Promise<DatasetDB> {
  return openDB<ChipLensDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Versioned steps: each upgrade adds to the previous ones, never resets.
      if (oldVersion < 1) {
        db.createObjectStore('entries', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
    },
  });
}

export function countByKind(entries: readonly Entry[]): Record<EntryKind, number> {
  const counts: Record<EntryKind, number> = { chip: 0, company: 0, model: 0, rule: 0 };
  for (const entry of entries) counts[entry.kind]++;
  return counts;
}

export function readMeta(db: DatasetDB): Promise<StoredDatasetMeta | undefined> {
  return db.get('meta', 'dataset');
}

/**
 * Replaces the stored dataset in one transaction: readers see the old
 * version or the new one, never a mix, and a failure leaves the old one.
 */
export async function writeDataset(db: DatasetDB, dataset: Dataset, now = new Date()): Promise<StoredDatasetMeta> {
  const meta: StoredDatasetMeta = {
    format: dataset.format,
    version: dataset.version,
    asOf: dataset.asOf,
    counts: countByKind(dataset.entries),
    writtenAt: now.toISOString(),
    contentHash: contentHash(dataset.entries),
  };
  const tx = db.transaction(['entries', 'meta'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    const entries = tx.objectStore('entries');
    writes.push(entries.clear());
    for (const entry of dataset.entries) writes.push(entries.put(entry));
    writes.push(tx.objectStore('meta').put(meta, 'dataset'));
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    // A request can throw before the transaction fails on its own (a bad
    // key, say); without an explicit abort the clear() above would commit.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    for (const pending of [...writes, tx.done]) pending.catch(() => {});
    throw error;
  }
  return meta;
}

export function readEntry(db: DatasetDB, id: string): Promise<Entry | undefined> {
  return db.get('entries', id);
}

export function readAllEntries(db: DatasetDB): Promise<Entry[]> {
  return db.getAll('entries');
}
