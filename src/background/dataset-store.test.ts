import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteDB } from 'idb';
import { decodeStoredTable } from '../core/stored-table';
import { ALIAS_TABLE_KEY } from '../core/settings';
import { DB_NAME, openDatasetDB, readMeta, writeDataset } from './dataset-db';
import { DatasetStore, type KeyValueArea } from './dataset-store';
import { validateDataset } from '../core/validate-dataset';

function memoryArea(quota?: number): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  // Counted as Chrome counts storage.local: the JSON of each key and value.
  const bytes = (keys: string[]) => keys.reduce((n, k) => n + k.length + JSON.stringify(data[k] ?? null).length, 0);
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => {
      const next = { ...data, ...items };
      if (quota !== undefined && Object.keys(next).reduce((n, k) => n + k.length + JSON.stringify(next[k]).length, 0) > quota) {
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      Object.assign(data, items);
    },
    ...(quota !== undefined
      ? {
          QUOTA_BYTES: quota,
          getBytesInUse: async (keys?: string | string[] | null) => bytes(keys == null ? Object.keys(data) : [keys].flat().filter((k) => k in data)),
        }
      : {}),
  };
}

const source = { url: 'https://example.com/a', title: 'A', accessed: '2026-11-28' };
function company(id: string, alias: string) {
  return {
    id,
    kind: 'company',
    name: { en: alias, ru: alias, zh: alias },
    aliases: { en: [alias] },
    summary: { en: `${alias} makes chips.`, ru: `${alias} делает чипы.`, zh: `${alias} 制造芯片。` },
    related: [],
    sources: [source],
    asOf: '2026-11-28',
    facts: { country: { code: 'US', src: [0] }, activity: { text: { en: 'Chips' }, src: [0] } },
  };
}
function bundle(version: number, entries = [company('nvidia', 'NVIDIA'), company('amd', 'AMD')]) {
  return { format: 1, version, asOf: '2026-11-28', entries };
}

/** The dataset as the extension ships it, loaded on demand. */
const shipped = (json: unknown) => () => Promise.resolve(json);

const stores: DatasetStore[] = [];
function track(store: DatasetStore): DatasetStore {
  stores.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await deleteDB(DB_NAME);
});

describe('DatasetStore', () => {
  it('installs the bundled dataset into an empty IndexedDB and publishes the alias table', async () => {
    const area = memoryArea();
    const store = track(new DatasetStore(shipped(bundle(5)), area));
    expect(await store.status()).toMatchObject({ version: 5, source: 'indexeddb', counts: { company: 2 } });
    const db = await openDatasetDB();
    expect((await readMeta(db))?.version).toBe(5);
    db.close();
    const { table, automaton } = (await decodeStoredTable(area.data[ALIAS_TABLE_KEY]))!;
    expect(table.datasetVersion).toBe(5);
    expect(table.texts().sort()).toEqual(['amd', 'nvidia']);
    // Compiled once here, so that pages need not.
    expect(automaton).toBeDefined();
  });

  it('replaces an older stored dataset with a newer bundled one, and keeps a newer stored one', async () => {
    await track(new DatasetStore(shipped(bundle(5)), memoryArea())).ready();
    const newer = track(new DatasetStore(shipped(bundle(6, [company('intel', 'Intel')])), memoryArea()));
    expect((await newer.status()).version).toBe(6);
    expect(await newer.entryView('nvidia')).toBeNull();
    const older = track(new DatasetStore(shipped(bundle(4)), memoryArea()));
    expect((await older.status()).version).toBe(6);
    expect((await older.entryView('intel'))?.entry.name.en).toBe('Intel');
  });

  it('replaces a stored copy whose entries differ from a bundle of the same version', async () => {
    await track(new DatasetStore(shipped(bundle(5)), memoryArea())).ready();
    const changed = track(new DatasetStore(shipped(bundle(5, [company('nvidia', 'NVIDIA'), company('arm', 'Arm')])), memoryArea()));
    expect((await changed.entryView('arm'))?.entry.id).toBe('arm');
    expect(await changed.entryView('amd')).toBeNull();
  });

  it('falls back to the bundled dataset in memory when IndexedDB fails, and says so', async () => {
    const log = vi.fn();
    const store = track(new DatasetStore(shipped(bundle(5)), memoryArea(), { openDB: () => Promise.reject(new Error('disk full')), log }));
    expect(await store.status()).toMatchObject({ version: 5, source: 'bundled' });
    expect((await store.entryView('amd'))?.entry.id).toBe('amd');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });

  it('refuses an invalid bundled dataset with the reason', async () => {
    const store = track(new DatasetStore(shipped({ format: 1, version: 1, asOf: '2026-11-28', entries: [] }), memoryArea()));
    await expect(store.ready()).rejects.toThrow(/bundled dataset is invalid: entries: a dataset needs entries/);
  });

  it('searches the dataset in use', async () => {
    const store = track(new DatasetStore(shipped(bundle(5)), memoryArea()));
    expect((await store.search('nvid')).map((h) => h.id)).toEqual(['nvidia']);
  });

  it('puts a newer dataset in use, publishes its aliases, and can go back one step', async () => {
    const area = memoryArea();
    const store = track(new DatasetStore(shipped(bundle(5)), area));
    await store.replace(validated(bundle(6, [company('intel', 'Intel')])));
    expect((await store.status()).version).toBe(6);
    expect((await store.entryView('intel'))?.entry.id).toBe('intel');
    expect((await decodeStoredTable(area.data[ALIAS_TABLE_KEY]))!.table.datasetVersion).toBe(6);
    expect(await store.previousVersion()).toBe(5);
    // A new worker (a browser restart) finds the update, not the bundle.
    const restarted = track(new DatasetStore(shipped(bundle(5)), memoryArea()));
    expect((await restarted.status()).version).toBe(6);
    await restarted.close();
    expect(await store.rollBack()).toBe(true);
    expect((await store.status()).version).toBe(5);
    expect((await decodeStoredTable(area.data[ALIAS_TABLE_KEY]))!.table.datasetVersion).toBe(5);
  });

  const tableVersion = async (area: { data: Record<string, unknown> }) => (await decodeStoredTable(area.data[ALIAS_TABLE_KEY]))!.table.datasetVersion;
  /** A dataset whose name table is large: many distinct names. */
  const bulky = (version: number, names: number) =>
    validated(
      bundle(version, [{ ...company('intel', 'Intel'), aliases: { en: Array.from({ length: names }, (_, i) => `Intel part ${i.toString(36)}x${i}`) } }]),
    );

  it('refuses an update whose name table does not fit, before writing anything', async () => {
    const area = memoryArea(60_000);
    const store = track(new DatasetStore(shipped(bundle(5)), area));
    await store.ready();
    await expect(store.replace(bulky(6, 20_000))).rejects.toThrow(/name table \(\d\.\d MB\) does not fit in the browser's extension storage/);
    expect((await store.status()).version).toBe(5);
    expect(await tableVersion(area)).toBe(5);
    const db = await openDatasetDB();
    expect((await readMeta(db))?.version).toBe(5);
    db.close();
  });

  it('puts the old dataset back when the table cannot be stored after all', async () => {
    const area = memoryArea();
    const store = track(new DatasetStore(shipped(bundle(5)), area));
    await store.ready();
    area.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    await expect(store.replace(validated(bundle(6, [company('intel', 'Intel')])))).rejects.toThrow(/could not be stored \(QUOTA_BYTES quota exceeded\)/);
    expect((await store.status()).version).toBe(5);
    const restarted = track(new DatasetStore(shipped(bundle(5)), memoryArea()));
    expect((await restarted.status()).version).toBe(5);
  });

  it('after a worker stopped between the IndexedDB write and the table, pages and worker agree on the new version', async () => {
    const area = memoryArea();
    await track(new DatasetStore(shipped(bundle(5)), area)).ready();
    // What an update's first write leaves when the worker is killed right after it.
    const db = await openDatasetDB();
    await writeDataset(db, validated(bundle(6, [company('intel', 'Intel')])), { keepPrevious: true, signedBy: 'aaaaaaaaaaaaaaaa' });
    db.close();
    expect(await tableVersion(area)).toBe(5);
    const restarted = track(new DatasetStore(shipped(bundle(5)), area, { trustedKeyIds: ['aaaaaaaaaaaaaaaa'] }));
    expect((await restarted.status()).version).toBe(6);
    expect(await tableVersion(area)).toBe(6);
  });

  it('after such a stop, a table that cannot be stored sends pages and worker back to the bundled version together', async () => {
    const area = memoryArea(60_000);
    await track(new DatasetStore(shipped(bundle(5)), area)).ready();
    const db = await openDatasetDB();
    await writeDataset(db, bulky(6, 20_000), { keepPrevious: true });
    db.close();
    const log = vi.fn();
    const restarted = track(new DatasetStore(shipped(bundle(5)), area, { log }));
    expect((await restarted.status()).version).toBe(5);
    expect(await tableVersion(area)).toBe(5);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/table of dataset 6 cannot be stored/));
  });

  it('drops a stored version from the future, so that later updates are taken again', async () => {
    const area = memoryArea();
    await track(new DatasetStore(shipped(bundle(2026112801)), area)).ready();
    const db = await openDatasetDB();
    await writeDataset(db, validated(bundle(9007199254740991)), { keepPrevious: true });
    db.close();
    const log = vi.fn();
    const now = () => Date.parse('2026-12-07T06:00:00Z');
    const restarted = track(new DatasetStore(shipped(bundle(2026112801)), area, { log, now }));
    expect((await restarted.status()).version).toBe(2026112801);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/9007199254740991 is dropped \(its version 9007199254740991 is dated in the future\)/));
    // The recovery: the next real update is newer than what is in use, and is taken.
    await restarted.replace(validated(bundle(2026120701, [company('intel', 'Intel')])));
    expect((await restarted.status()).version).toBe(2026120701);
    expect(await tableVersion(area)).toBe(2026120701);
  });

  it('drops a stored copy signed with a key this release no longer trusts', async () => {
    const area = memoryArea();
    const store = track(new DatasetStore(shipped(bundle(5)), area, { trustedKeyIds: ['aaaaaaaaaaaaaaaa'] }));
    await store.replace(validated(bundle(6, [company('intel', 'Intel')])), 'aaaaaaaaaaaaaaaa');
    await store.close();
    const kept = track(new DatasetStore(shipped(bundle(5)), area, { trustedKeyIds: ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'] }));
    expect((await kept.status()).version).toBe(6);
    await kept.close();
    const log = vi.fn();
    const revoked = track(new DatasetStore(shipped(bundle(5)), area, { trustedKeyIds: ['bbbbbbbbbbbbbbbb'], log }));
    expect((await revoked.status()).version).toBe(5);
    expect(await tableVersion(area)).toBe(5);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/signed with key aaaaaaaaaaaaaaaa, which this version of ChipLens no longer trusts/));
  });
});

function validated(json: unknown) {
  const result = validateDataset(json);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dataset;
}
