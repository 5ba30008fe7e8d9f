// The extension's IndexedDB: the dataset in use, one row per entry, plus a
// row describing which version that is, and the version before it for a
// one-step rollback. Only the background opens it.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { contentHash } from '../core/content-hash';
import type { Dataset, Entry, EntryKind } from '../core/dataset-schema';

export const DB_NAME = 'chiplens';
const DB_VERSION = 2;

export interface StoredDatasetMeta {
  format: number;
  version: number;
  asOf: string;
  counts: Record<EntryKind, number>;
  writtenAt: string;
  /** Fingerprint of the entries, to spot a changed copy with the same version. */
  contentHash?: string;
  /** The key that signed a downloaded copy; none for the bundled one. */
  signedBy?: string;
}

interface ChipLensDB extends DBSchema {
  entries: { key: string; value: Entry };
  /** The dataset in use is 'dataset'; the one it replaced is 'previous'. */
  meta: { key: 'dataset' | 'previous'; value: StoredDatasetMeta };
  previousEntries: { key: string; value: Entry };
}

export type DatasetDB = IDBPDatabase<ChipLensDB>;

export function openDatasetDB(version = DB_VERSION): Promise<DatasetDB> {
  return openDB<ChipLensDB>(DB_NAME, version, {
    upgrade(db, oldVersion, newVersion) {
      // Versioned steps: each upgrade adds to the previous ones and keeps
      // what is stored, so a user never loses data to a schema change.
      const target = newVersion ?? version;
      if (oldVersion < 1 && target >= 1) {
        db.createObjectStore('entries', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2 && target >= 2) {
        db.createObjectStore('previousEntries', { keyPath: 'id' });
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
 * With `keepPrevious`, the replaced version is kept for a rollback.
 */
export async function writeDataset(
  db: DatasetDB,
  dataset: Dataset,
  { now = new Date(), keepPrevious = false, signedBy }: { now?: Date; keepPrevious?: boolean; signedBy?: string } = {},
): Promise<StoredDatasetMeta> {
  const meta: StoredDatasetMeta = {
    format: dataset.format,
    version: dataset.version,
    asOf: dataset.asOf,
    counts: countByKind(dataset.entries),
    writtenAt: now.toISOString(),
    contentHash: contentHash(dataset.entries),
    ...(signedBy ? { signedBy } : {}),
  };
  await inTransaction(db, async (tx) => {
    const entries = tx.objectStore('entries');
    const metas = tx.objectStore('meta');
    if (keepPrevious) {
      const [current, currentMeta] = await Promise.all([entries.getAll(), metas.get('dataset')]);
      if (currentMeta) await copyInto(tx, 'previousEntries', current, currentMeta, 'previous');
    }
    await copyInto(tx, 'entries', dataset.entries, meta, 'dataset');
  });
  return meta;
}

/** Swaps the dataset in use with the one it replaced; false when there is none. */
export async function rollBack(db: DatasetDB): Promise<StoredDatasetMeta | undefined> {
  let restored: StoredDatasetMeta | undefined;
  await inTransaction(db, async (tx) => {
    const metas = tx.objectStore('meta');
    const [previousMeta, currentMeta] = await Promise.all([metas.get('previous'), metas.get('dataset')]);
    if (!previousMeta || !currentMeta) return;
    const [current, previous] = await Promise.all([tx.objectStore('entries').getAll(), tx.objectStore('previousEntries').getAll()]);
    await copyInto(tx, 'entries', previous, previousMeta, 'dataset');
    await copyInto(tx, 'previousEntries', current, currentMeta, 'previous');
    restored = previousMeta;
  });
  return restored;
}

export function readPreviousMeta(db: DatasetDB): Promise<StoredDatasetMeta | undefined> {
  return db.get('meta', 'previous');
}

const ALL_STORES = ['entries', 'meta', 'previousEntries'] as const;
type WriteTx = IDBPTransaction<ChipLensDB, typeof ALL_STORES, 'readwrite'>;

async function copyInto(
  tx: WriteTx,
  into: 'entries' | 'previousEntries',
  entries: readonly Entry[],
  meta: StoredDatasetMeta,
  key: 'dataset' | 'previous',
): Promise<void> {
  const store = tx.objectStore(into);
  const writes: Promise<unknown>[] = [];
  try {
    writes.push(store.clear());
    for (const entry of entries) writes.push(store.put(entry));
    writes.push(tx.objectStore('meta').put(meta, key));
  } finally {
    // A put can throw at once (a bad key); the requests already made then
    // fail with the aborted transaction, which the caller reports once.
    for (const write of writes) write.catch(() => {});
  }
  await Promise.all(writes);
}

// Runs `work` in one read-write transaction over every store. If a request
// throws before the transaction fails on its own (a bad key, say), it is
// aborted explicitly: otherwise the clear() calls already made would commit.
async function inTransaction(db: DatasetDB, work: (tx: WriteTx) => Promise<void>): Promise<void> {
  const tx = db.transaction(ALL_STORES, 'readwrite');
  try {
    await work(tx);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    tx.done.catch(() => {});
    throw error;
  }
}

export function readEntry(db: DatasetDB, id: string): Promise<Entry | undefined> {
  return db.get('entries', id);
}

export function readAllEntries(db: DatasetDB): Promise<Entry[]> {
  return db.getAll('entries');
}
