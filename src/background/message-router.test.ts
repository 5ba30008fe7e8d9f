import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { bundledDatasetJson } from '../../dataset/index';
import { factReportUrl } from '../core/report-problem';
import { defaultSettings, SETTINGS_KEY } from '../core/settings';
import { DB_NAME } from './dataset-db';
import { DatasetStore, type KeyValueArea } from './dataset-store';
import { createRouter } from './message-router';
import { RefreshScheduler } from './refresh-scheduler';
import { SettingsStore } from './settings-store';

const data: Record<string, unknown> = {};
const area: KeyValueArea = {
  get: async (key) => (key in data ? { [key]: data[key] } : {}),
  set: async (items) => void Object.assign(data, items),
};
const dataset = new DatasetStore(() => Promise.resolve(bundledDatasetJson), area);
const settings = new SettingsStore(area);
const refresh = new RefreshScheduler({
  area,
  alarms: { create: () => undefined, get: async () => undefined },
  check: async (installed) => ({ outcome: 'current', version: installed.version }),
  installed: async () => ({ version: (await dataset.status()).version, entries: 0 }),
  install: (next) => dataset.replace(next),
  refreshHours: async () => (await settings.get()).refreshHours,
  isOnline: () => true,
  now: () => Date.parse('2026-11-28T12:00:00Z'),
  random: () => 0.5,
});
const route = createRouter(dataset, settings, refresh);
/** Addresses the router opened for "Report a problem". */
const opened: string[] = [];
const reporting = createRouter(dataset, settings, refresh, undefined, { openUrl: async (url) => void opened.push(url), extensionVersion: '1.2.3' });

afterAll(async () => {
  await dataset.close();
  await deleteDB(DB_NAME);
});

const shown: [number, unknown][] = [];
const withToolbar = createRouter(dataset, settings, refresh, undefined, undefined, async (tabId, state) => void shown.push([tabId, state]));

describe('message router', () => {
  it("shows a tab's page state on the toolbar, and only a tab's", async () => {
    expect(await withToolbar({ type: 'page-state', active: true, entries: 12 }, 7)).toEqual({ ok: true, value: { ok: true } });
    expect(shown).toEqual([[7, { active: true, entries: 12 }]]);
    expect(await withToolbar({ type: 'page-state', active: false, entries: 0 })).toEqual({ ok: false, error: 'page-state comes from a tab' });
    expect((await withToolbar({ type: 'page-state', active: true, entries: -1 }, 7)).ok).toBe(false);
    expect(shown).toHaveLength(1);
  });

  it('serves an entry with the names of the entries it points at', async () => {
    const reply = await route({ type: 'get-entry', id: 'nvidia-h20' });
    expect(reply.ok).toBe(true);
    const view = reply.ok ? (reply.value as { entry: { id: string }; refs: Record<string, unknown> }) : undefined;
    expect(view?.entry.id).toBe('nvidia-h20');
    expect(view?.refs.nvidia).toMatchObject({ kind: 'company' });
  });

  it('answers null for an unknown entry', async () => {
    expect(await route({ type: 'get-entry', id: 'no-such-chip' })).toEqual({ ok: true, value: null });
  });

  it('turns a site off and on, queueing quick toggles in order', async () => {
    await Promise.all([
      route({ type: 'set-site-enabled', host: 'a.example', enabled: false }),
      route({ type: 'set-site-enabled', host: 'b.example', enabled: false }),
      route({ type: 'set-site-enabled', host: 'a.example', enabled: true }),
    ]);
    expect(data[SETTINGS_KEY]).toMatchObject({ disabledSites: ['b.example'] });
  });

  it('rejects a malformed request with a readable error', async () => {
    const reply = await route({ type: 'set-paused', paused: 'yes' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/bad request/);
  });

  it('checks for updates on request and reports when, with the next check planned', async () => {
    const reply = await route({ type: 'check-now' });
    expect(reply.ok && reply.value).toMatchObject({
      update: { failures: 0, lastCheckAt: '2026-11-28T12:00:00.000Z', nextCheckAt: '2026-11-29T12:00:00.000Z' },
    });
  });

  it('sets the refresh interval within its bounds only', async () => {
    const reply = await route({ type: 'set-refresh-hours', hours: 48 });
    expect(reply.ok && reply.value).toMatchObject({ update: { nextCheckAt: '2026-11-30T12:00:00.000Z' } });
    expect((data[SETTINGS_KEY] as { refreshHours: number }).refreshHours).toBe(48);
    expect(await route({ type: 'set-refresh-hours', hours: 2 })).toMatchObject({ ok: false });
  });

  it('replaces the settings only with valid ones, saying what is wrong', async () => {
    const good = { ...defaultSettings(), siteMode: 'only', enabledSites: ['*.reuters.com'] };
    expect(await route({ type: 'set-settings', settings: good })).toEqual({ ok: true, value: { ok: true } });
    expect(data[SETTINGS_KEY]).toEqual(good);
    const bad = await route({ type: 'set-settings', settings: { ...good, enabledSites: ['not a host'] } });
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/enabledSites\.0: a hostname/) });
    expect(data[SETTINGS_KEY]).toEqual(good);
  });

  it('opens one prefilled fact report per request, with the dataset version it holds and the extension version', async () => {
    opened.length = 0;
    const { version } = await dataset.status();
    expect(await reporting({ type: 'report-problem', id: 'nvidia-h20', field: 'Memory' })).toEqual({ ok: true, value: { ok: true } });
    expect(opened).toEqual([factReportUrl({ entry: 'nvidia-h20', field: 'Memory', datasetVersion: version, extensionVersion: '1.2.3' })]);
    const query = Object.fromEntries(new URL(opened[0]!).searchParams);
    expect(query).toEqual({
      template: 'fact-report.yml',
      title: 'Fact report: nvidia-h20 (Memory)',
      entry: 'nvidia-h20',
      field: 'Memory',
      version: String(version),
      extension: '1.2.3',
    });
    expect(await reporting({ type: 'report-problem', id: 'nvidia-h20' })).toEqual({ ok: true, value: { ok: true } });
    expect(opened).toHaveLength(2);
    expect(new URL(opened[1]!).searchParams.has('field')).toBe(false);
  });

  it('opens nothing for an entry it does not have, or a report carrying anything of the page', async () => {
    opened.length = 0;
    expect(await reporting({ type: 'report-problem', id: 'no-such-chip' })).toEqual({ ok: false, error: 'no entry no-such-chip in the dataset' });
    const smuggled = await reporting({ type: 'report-problem', id: 'nvidia-h20', url: 'https://news.example/article' });
    expect(smuggled).toMatchObject({ ok: false, error: expect.stringMatching(/^bad request/) });
    expect(opened).toEqual([]);
  });
});
