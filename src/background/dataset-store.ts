// Owns the dataset in use: puts the bundled copy into IndexedDB when it is
// newer than what is stored, serves entries and search from there, and
// publishes the compiled alias table for content scripts. When IndexedDB
// can't be used, it falls back to the bundled copy held in memory.
//
// Pages, popup and worker must agree on one version. An update is therefore
// refused before anything is written if its table cannot be stored, undone
// if storing the table fails anyway, and on every start the stored copy is
// checked again: one from the future (it would block every real update),
// one signed by a key this release no longer trusts, or one whose table
// cannot be published gives way to the bundled copy.
import { buildAliasTable } from '../core/alias-table';
import { decodeStoredTable, encodeStoredTable } from '../core/stored-table';
import { contentHash } from '../core/content-hash';
import type { Dataset, Entry, EntryKind } from '../core/dataset-schema';
import type { DatasetStatus, EntryRef, EntryView, SearchHit } from '../core/messages';
import { EntrySearch } from '../core/search-index';
import { ALIAS_TABLE_KEY } from '../core/settings';
import { validateDataset } from '../core/validate-dataset';
import { referencedIds } from '../core/entry-references';
import { latestStatusKey } from '../core/latest-status';
import { maxVersionAt } from '../core/dataset-version';
import { tableRefusal, UpdateRefused } from '../core/update-limits';
import { countByKind, openDatasetDB, readAllEntries, readEntry, readMeta, readPreviousMeta, rollBack, writeDataset, type DatasetDB } from './dataset-db';

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  /** Where the browser tells (Chrome's storage.local): bytes used, and the area's quota. */
  getBytesInUse?(keys?: string | string[] | null): Promise<number>;
  QUOTA_BYTES?: number;
}

export interface StoreOptions {
  openDB?: () => Promise<DatasetDB>;
  log?: (message: string) => void;
  now?: () => number;
  /** Ids of the keys this release trusts; a stored copy signed by another is dropped. */
  trustedKeyIds?: readonly string[];
}

interface Loaded {
  db: DatasetDB | undefined;
  dataset: Dataset;
  status: DatasetStatus;
  search?: EntrySearch;
  byId?: Map<string, Entry>;
}

export class DatasetStore {
  private loaded: Promise<Loaded> | undefined;

  private readonly openDB: () => Promise<DatasetDB>;
  private readonly log: (message: string) => void;
  private readonly now: () => number;
  private readonly trustedKeyIds: readonly string[] | undefined;

  constructor(
    /** The dataset shipped with the extension, read only when it is needed (a file of its own, not part of the worker's script). */
    private readonly loadBundled: () => Promise<unknown>,
    private readonly area: KeyValueArea,
    options: StoreOptions = {},
  ) {
    this.openDB = options.openDB ?? openDatasetDB;
    this.log = options.log ?? ((m) => console.warn(m));
    this.now = options.now ?? (() => Date.now());
    this.trustedKeyIds = options.trustedKeyIds;
  }

  /** Loads once per service-worker life; every request waits for it. */
  ready(): Promise<Loaded> {
    this.loaded ??= this.load().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  /** Lets go of IndexedDB (tests, and before deleting the database). */
  async close(): Promise<void> {
    const loaded = await this.loaded?.catch(() => undefined);
    loaded?.db?.close();
    this.loaded = undefined;
  }

  async status(): Promise<DatasetStatus> {
    return (await this.ready()).status;
  }

  async entryView(id: string): Promise<EntryView | null> {
    const loaded = await this.ready();
    const byId = await this.byId();
    const entry = loaded.db ? await readEntry(loaded.db, id) : byId.get(id);
    if (!entry) return null;
    const refs: Record<string, EntryRef> = {};
    for (const refId of referencedIds(entry)) {
      const target = byId.get(refId);
      if (target) refs[refId] = { kind: target.kind, name: target.name };
    }
    return { entry, refs };
  }

  /** Kinds and names of the given entries; unknown ids are left out. */
  async refs(ids: readonly string[]): Promise<Record<string, EntryRef>> {
    const byId = await this.byId();
    const out: Record<string, EntryRef> = {};
    for (const id of ids) {
      const entry = byId.get(id);
      if (!entry) continue;
      const status = latestStatusKey(entry);
      out[id] = { kind: entry.kind, name: entry.name, ...(status ? { status } : {}) };
    }
    return out;
  }

  private async byId(): Promise<Map<string, Entry>> {
    const loaded = await this.ready();
    loaded.byId ??= new Map(loaded.dataset.entries.map((e) => [e.id, e]));
    return loaded.byId;
  }

  /**
   * Puts a checked, newer dataset in use: its table is built and measured
   * first, then the dataset is stored in one transaction with the old one
   * kept, and the table published for open pages. If publishing fails, the
   * old dataset is put back, so nothing is left half-done.
   */
  async replace(dataset: Dataset, signedBy?: string): Promise<void> {
    const loaded = await this.ready();
    if (!loaded.db) throw new UpdateRefused('the browser storage is unavailable, so an update cannot be kept');
    const table = await encodeStoredTable(buildAliasTable(dataset));
    const refusal = tableRefusal(table.length, await this.room());
    if (refusal) throw new UpdateRefused(refusal);
    await writeDataset(loaded.db, dataset, { keepPrevious: true, ...(signedBy ? { signedBy } : {}) });
    try {
      await this.area.set({ [ALIAS_TABLE_KEY]: table });
    } catch (error) {
      await rollBack(loaded.db);
      throw new UpdateRefused(`its name table could not be stored (${error instanceof Error ? error.message : String(error)})`);
    }
    this.loaded = Promise.resolve({ db: loaded.db, dataset, status: statusOf(dataset, 'indexeddb') });
  }

  /** The storage area's quota and use, where the browser tells them. */
  private async room(): Promise<{ quota: number; used: number; replaced: number } | undefined> {
    const { QUOTA_BYTES: quota, getBytesInUse } = this.area;
    if (!quota || !getBytesInUse) return undefined;
    const [used, replaced] = await Promise.all([getBytesInUse.call(this.area, null), getBytesInUse.call(this.area, ALIAS_TABLE_KEY)]);
    return { quota, used, replaced };
  }

  /** Goes back to the dataset the last update replaced; false when there is none. */
  async rollBack(): Promise<boolean> {
    const loaded = await this.ready();
    if (!loaded.db || !(await rollBack(loaded.db))) return false;
    // Read back and validated like any stored copy, on a fresh connection.
    loaded.db.close();
    this.loaded = undefined;
    await this.ready();
    return true;
  }

  async previousVersion(): Promise<number | undefined> {
    const loaded = await this.ready();
    return loaded.db ? (await readPreviousMeta(loaded.db))?.version : undefined;
  }

  async search(query: string, limit?: number, kind?: EntryKind): Promise<SearchHit[]> {
    const loaded = await this.ready();
    loaded.search ??= new EntrySearch(loaded.dataset);
    return loaded.search.search(query, limit, kind);
  }

  private async bundled(): Promise<Dataset> {
    const result = validateDataset(await this.loadBundled());
    // The bundled copy is checked by the tests; failing here means a broken build.
    if (!result.ok) throw new Error(`The bundled dataset is invalid: ${result.errors.join('; ')}`);
    return result.dataset;
  }

  private async load(): Promise<Loaded> {
    const bundled = await this.bundled();
    let loaded: Loaded;
    try {
      loaded = await this.loadFromDB(bundled);
    } catch (error) {
      this.log(`ChipLens: IndexedDB is unusable (${String(error)}); using the bundled dataset.`);
      loaded = { db: undefined, dataset: bundled, status: statusOf(bundled, 'bundled') };
    }
    try {
      await this.publishAliasTable(loaded.dataset);
    } catch (error) {
      // A stored update whose table cannot be published (the worker stopped
      // between the two writes, and the table no longer fits): go back to the
      // bundled copy, whose table does, so that pages and popup agree.
      if (!loaded.db || loaded.dataset === bundled) throw error;
      this.log(`ChipLens: the table of dataset ${loaded.dataset.version} cannot be stored (${String(error)}); restoring the bundled one.`);
      await writeDataset(loaded.db, bundled);
      loaded = { db: loaded.db, dataset: bundled, status: statusOf(bundled, 'indexeddb') };
      await this.publishAliasTable(bundled);
    }
    return loaded;
  }

  /** Why a stored copy may not stay in use; undefined when it may. */
  private distrust(meta: { version: number; signedBy?: string }): string | undefined {
    if (meta.version > maxVersionAt(this.now() + 2 * 86_400_000)) return `its version ${meta.version} is dated in the future`;
    if (meta.signedBy && this.trustedKeyIds && !this.trustedKeyIds.includes(meta.signedBy)) {
      return `it was signed with key ${meta.signedBy}, which this version of ChipLens no longer trusts`;
    }
    return undefined;
  }

  private async loadFromDB(bundled: Dataset): Promise<Loaded> {
    const db = await this.openDB();
    const meta = await readMeta(db);
    // Newer bundled data wins; so does a changed bundle that kept its version
    // number, since a refreshed copy from the network always has a higher one.
    const stale = meta && meta.version === bundled.version && meta.contentHash !== contentHash(bundled.entries);
    if (!meta || meta.version < bundled.version || stale) {
      await writeDataset(db, bundled);
      return { db, dataset: bundled, status: statusOf(bundled, 'indexeddb') };
    }
    const distrust = this.distrust(meta);
    if (distrust) {
      this.log(`ChipLens: stored dataset ${meta.version} is dropped (${distrust}); restoring the bundled one.`);
      await writeDataset(db, bundled);
      return { db, dataset: bundled, status: statusOf(bundled, 'indexeddb') };
    }
    // What is stored is as new or newer (a later refresh): validate it like
    // any input, and fall back to the bundled copy if it went bad.
    const stored = validateDataset({ format: meta.format, version: meta.version, asOf: meta.asOf, entries: await readAllEntries(db) });
    if (!stored.ok) {
      this.log(`ChipLens: stored dataset ${meta.version} is damaged (${stored.errors[0]}); restoring the bundled one.`);
      await writeDataset(db, bundled);
      return { db, dataset: bundled, status: statusOf(bundled, 'indexeddb') };
    }
    return { db, dataset: stored.dataset, status: statusOf(stored.dataset, 'indexeddb') };
  }

  private async publishAliasTable(dataset: Dataset): Promise<void> {
    const current = await decodeStoredTable((await this.area.get(ALIAS_TABLE_KEY))[ALIAS_TABLE_KEY]);
    // A table in an older format does not decode, so it is replaced.
    if (current?.table.datasetVersion === dataset.version && current.automaton) return;
    await this.area.set({ [ALIAS_TABLE_KEY]: await encodeStoredTable(buildAliasTable(dataset)) });
  }
}

function statusOf(dataset: Dataset, source: DatasetStatus['source']): DatasetStatus {
  return { version: dataset.version, asOf: dataset.asOf, counts: countByKind(dataset.entries), source };
}
