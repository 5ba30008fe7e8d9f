import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteDB } from 'idb';
import { decodeStoredTable } from '../core/stored-table';
import { ALIAS_TABLE_KEY } from '../core/settings';
import { DB_NAME, openDatasetDB, readMeta } from './dataset-db';
import { DatasetStore, type KeyValueArea } from './dataset-store';
import { validateDataset } from '../core/validate-dataset';

function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, items),
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
    const store = track(new DatasetStore(bundle(5), area));
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
    await track(new DatasetStore(bundle(5), memoryArea())).ready();
    const newer = track(new DatasetStore(bundle(6, [company('intel', 'Intel')]), memoryArea()));
    expect((await newer.status()).version).toBe(6);
    expect(await newer.entryView('nvidia')).toBeNull();
    const older = track(new DatasetStore(bundle(4), memoryArea()));
    expect((await older.status()).version).toBe(6);
    expect((await older.entryView('intel'))?.entry.name.en).toBe('Intel');
  });

  it('replaces a stored copy whose entries differ from a bundle of the same version', async () => {
    await track(new DatasetStore(bundle(5), memoryArea())).ready();
    const changed = track(new DatasetStore(bundle(5, [company('nvidia', 'NVIDIA'), company('arm', 'Arm')]), memoryArea()));
    expect((await changed.entryView('arm'))?.entry.id).toBe('arm');
    expect(await changed.entryView('amd')).toBeNull();
  });

  it('falls back to the bundled dataset in memory when IndexedDB fails, and says so', async () => {
    const log = vi.fn();
    const store = track(new DatasetStore(bundle(5), memoryArea(), () => Promise.reject(new Error('disk full')), log));
    expect(await store.status()).toMatchObject({ version: 5, source: 'bundled' });
    expect((await store.entryView('amd'))?.entry.id).toBe('amd');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });

  it('refuses an invalid bundled dataset with the reason', async () => {
    const store = track(new DatasetStore({ format: 1, version: 1, asOf: '2026-11-28', entries: [] }, memoryArea()));
    await expect(store.ready()).rejects.toThrow(/bundled dataset is invalid: entries: a dataset needs entries/);
  });

  it('searches the dataset in use', async () => {
    const store = track(new DatasetStore(bundle(5), memoryArea()));
    expect((await store.search('nvid')).map((h) => h.id)).toEqual(['nvidia']);
  });

  it('puts a newer dataset in use, publishes its aliases, and can go back one step', async () => {
    const area = memoryArea();
    const store = track(new DatasetStore(bundle(5), area));
    await store.replace(validated(bundle(6, [company('intel', 'Intel')])));
    expect((await store.status()).version).toBe(6);
    expect((await store.entryView('intel'))?.entry.id).toBe('intel');
    expect((await decodeStoredTable(area.data[ALIAS_TABLE_KEY]))!.table.datasetVersion).toBe(6);
    expect(await store.previousVersion()).toBe(5);
    // A new worker (a browser restart) finds the update, not the bundle.
    const restarted = track(new DatasetStore(bundle(5), memoryArea()));
    expect((await restarted.status()).version).toBe(6);
    await restarted.close();
    expect(await store.rollBack()).toBe(true);
    expect((await store.status()).version).toBe(5);
    expect((await decodeStoredTable(area.data[ALIAS_TABLE_KEY]))!.table.datasetVersion).toBe(5);
  });
});

function validated(json: unknown) {
  const result = validateDataset(json);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dataset;
}
