import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import type { Dataset, Entry } from '../core/dataset-schema';
import { openDB } from 'idb';
import { DB_NAME, openDatasetDB, readAllEntries, readEntry, readMeta, readPreviousMeta, rollBack, writeDataset } from './dataset-db';

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
    const meta = await writeDataset(db, dataset(3, ['nvidia', 'huawei']), { now: new Date('2026-11-28T00:00:00Z') });
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

  it('keeps the replaced version when asked, and rolls back to it in one step', async () => {
    const db = await openDatasetDB();
    await writeDataset(db, dataset(1, ['a', 'b']));
    await writeDataset(db, dataset(2, ['c']), { keepPrevious: true });
    expect((await readPreviousMeta(db))?.version).toBe(1);
    expect((await rollBack(db))?.version).toBe(1);
    expect((await readAllEntries(db)).map((e) => e.id).sort()).toEqual(['a', 'b']);
    expect((await readMeta(db))?.version).toBe(1);
    // The rolled-back version is now the previous one: rolling back again restores it.
    expect((await readPreviousMeta(db))?.version).toBe(2);
    db.close();
  });

  it('has nothing to roll back to at first', async () => {
    const db = await openDatasetDB();
    await writeDataset(db, dataset(1, ['a']));
    expect(await rollBack(db)).toBeUndefined();
    expect((await readMeta(db))?.version).toBe(1);
    db.close();
  });

  it('upgrades a version-1 database without losing its dataset', async () => {
    // A database as version 1 of ChipLens left it.
    const v1 = await openDatasetDB(1);
    v1.close();
    const raw = await openDB(DB_NAME, 1);
    await raw.put('entries', { id: 'kept', kind: 'company', name: { en: 'kept' } });
    await raw.put('meta', { format: 1, version: 7, asOf: '2026-11-28', counts: { chip: 0, company: 1, model: 0, rule: 0 }, writtenAt: 'x' }, 'dataset');
    raw.close();
    const db = await openDatasetDB();
    expect(db.objectStoreNames.contains('previousEntries')).toBe(true);
    expect((await readMeta(db))?.version).toBe(7);
    expect((await readAllEntries(db)).map((e) => e.id)).toEqual(['kept']);
    db.close();
  });
});
