import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import type { Dataset, Entry } from '../core/dataset-schema';
import { DB_NAME, openDatasetDB, readAllEntries, readEntry, readMeta, writeDataset } from './dataset-db';

function dataset(version: number, ids: string[]): Dataset {
  const entries = ids.map((id) => ({ id, kind: 'company', name: { en: id } }) as Entry);
  return { format: 1, version, asOf: '2026-11-28', entries };
}

afterEach(async () => {
  await deleteDB(DB_NAME);
});

describe('dataset-db', () => {
  it('starts empty', async () => {
    const db = await openDatasetDB();
    expect(await readMeta(db)).toBeUndefined();
    expect(await readAllEntries(db)).toEqual([]);
    db.close();
  });

  it('writes a dataset with its meta and reads entries back', async () => {
    const db = await openDatasetDB();
    const meta = await writeDataset(db, dataset(3, ['nvidia', 'huawei']), new Date('2026-11-28T00:00:00Z'));
    expect(meta).toMatchObject({ version: 3, counts: { company: 2, chip: 0 }, writtenAt: '2026-11-28T00:00:00.000Z' });
    expect(meta.contentHash).toMatch(/^[0-9a-f]{8}$/);
    expect((await readEntry(db, 'huawei'))?.name.en).toBe('huawei');
    expect(await readMeta(db)).toEqual(meta);
    db.close();
  });

  it('replaces the previous dataset whole, dropping entries it no longer has', async () => {
    const db = await openDatasetDB();
    await writeDataset(db, dataset(1, ['a', 'b']));
    await writeDataset(db, dataset(2, ['b', 'c']));
    expect((await readAllEntries(db)).map((e) => e.id).sort()).toEqual(['b', 'c']);
    expect((await readMeta(db))?.version).toBe(2);
    db.close();
  });

  it('keeps the old dataset when a write fails part-way', async () => {
    const db = await openDatasetDB();
    await writeDataset(db, dataset(1, ['a', 'b']));
    // An entry without an id violates the key path, so the transaction aborts.
    const broken = { ...dataset(2, ['c']), entries: [{ kind: 'company' } as Entry] };
    await expect(writeDataset(db, broken)).rejects.toThrow();
    expect((await readAllEntries(db)).map((e) => e.id).sort()).toEqual(['a', 'b']);
    expect((await readMeta(db))?.version).toBe(1);
    db.close();
  });
});
