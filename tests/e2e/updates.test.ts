// The dataset refresh as a user lives it, in real Chromium: a build of
// ChipLens that trusts a key pair made here and polls a local stand-in for
// the CDN. A newer signed dataset shows up in a tooltip; every fault leaves
// the data in use alone and says what went wrong; settings survive it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { loadBundledDatasetJson } from '../../dataset/index-node';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import type { Dataset } from '../../src/core/dataset-schema';
import { generateSigningKey } from '../../src/core/dataset-signature';
import { signedLatest } from '../../src/core/latest-manifest';
import { defaultSettings } from '../../src/core/settings';
import { decodeStoredTable } from '../../src/core/stored-table';
import { validateDataset } from '../../src/core/validate-dataset';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { hoverForCard } from './tooltip-probe';
import { UpdateServer, type Fault, type Published } from './update-server';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist-update-test');
const PORT = 8175;
const MARK = 'Updated by the refresh test.';

const base = (() => {
  const result = validateDataset(loadBundledDatasetJson());
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dataset;
})();
const CURRENT = base.version;

let key: Awaited<ReturnType<typeof generateSigningKey>>;
let stranger: Awaited<ReturnType<typeof generateSigningKey>>;
let browser: ExtensionBrowser;
let pages: { origin: string; close(): Promise<void> };
const updates = new UpdateServer();
let workDir: string;

async function publish(version: number, { signWith = key, dataset }: { signWith?: typeof key; dataset?: unknown } = {}): Promise<Published> {
  const content = dataset ?? withMark({ ...base, version });
  const bytes = new TextEncoder().encode(JSON.stringify(content));
  const latest = await signedLatest(bytes, { version, asOf: base.asOf, keyId: signWith.keyId, privateJwk: signWith.privateJwk, publishedAt: new Date() });
  return { bytes, latest };
}

/** The dataset with a visible change in NVIDIA H20's summary. */
function withMark(dataset: Dataset): Dataset {
  return {
    ...dataset,
    entries: dataset.entries.map((e) =>
      e.id === 'nvidia-h20' ? { ...e, summary: { en: `${e.summary.en} ${MARK}`, ru: `${e.summary.ru} ${MARK}`, zh: `${e.summary.zh} ${MARK}` } } : e,
    ),
  };
}

beforeAll(async () => {
  key = await generateSigningKey();
  stranger = await generateSigningKey();
  workDir = mkdtempSync(join(tmpdir(), 'chiplens-update-test-'));
  const config = join(workDir, 'update-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      latestUrl: `http://127.0.0.1:${PORT}/updates/latest.json`,
      productionKeyId: key.keyId,
      trustedKeys: { [key.keyId]: key.publicJwk },
      timeoutSeconds: 2,
    }),
  );
  const build = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, CHIPLENS_UPDATE_CONFIG: config, CHIPLENS_OUT_DIR: DIST },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`test build failed:\n${build.stderr}`);
  await updates.start(PORT);
  pages = await startFixtureServer();
  browser = await launchWithExtension(DIST);
});

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await updates.close();
  rmSync(workDir, { recursive: true, force: true });
  rmSync(DIST, { recursive: true, force: true });
});

async function popup(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=0`);
  await page.getByTestId('data-status').waitFor();
  return page;
}

/** Presses "Check now" and returns what the status then says. */
async function checkNow(page: Page): Promise<{ line: string; error: string | null }> {
  const status = page.getByTestId('data-status');
  const before = await status.getAttribute('data-checked-at');
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect.poll(() => status.getAttribute('data-checked-at'), { timeout: 15_000 }).not.toBe(before);
  const error = page.getByTestId('update-error');
  return {
    line: await page.locator('.data-status .status-line').innerText(),
    error: (await error.count()) > 0 ? await error.innerText() : null,
  };
}

/** The extension's service worker as it is now (one test stops it). */
async function worker(): Promise<Worker> {
  return browser.context.serviceWorkers().at(-1) ?? browser.worker;
}

/** Stops the worker the way the browser does when it idles it out, and waits until it has really stopped. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.includes(browser.extensionId) && v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

async function storedSettings(): Promise<unknown> {
  return (await worker()).evaluate(async () => (await chrome.storage.local.get('settings')).settings);
}

async function h20Tooltip(page: Page): Promise<string> {
  const card = await hoverForCard(page, 'NVIDIA H20');
  const text = await card.text();
  await page.keyboard.press('Escape');
  return text;
}

describe('dataset refresh', () => {
  const userSettings = { ...defaultSettings(), disabledSites: ['example.org', '*.example.net'], refreshHours: 48, highlightStyle: 'background' };
  let article: Page;

  beforeAll(async () => {
    await (await worker()).evaluate((s) => chrome.storage.local.set({ settings: s }), userSettings);
    article = await browser.context.newPage();
    await article.goto(`${pages.origin}/fixtures/01-ru-servernews-seed.html`);
  });

  const faults: [string, Fault, () => Promise<Published | undefined>, RegExp][] = [
    ['malformed JSON', 'malformed-json', async () => undefined, /latest\.json is not valid JSON/],
    ['an HTML error page with status 200', 'html-200', async () => undefined, /came as text\/html, not JSON/],
    ['HTTP 500', 'http-500', async () => undefined, /answered HTTP 500/],
    ['a hang past the timeout', 'hang', async () => undefined, /did not answer within 2 s/],
    ['a truncated body', 'truncated', () => publish(CURRENT + 1), /cut off in transfer|incomplete/],
    ['an oversized body', 'oversized', () => publish(CURRENT + 1), /larger than allowed/],
    [
      'a bad signature',
      'none',
      async () => {
        const p = await publish(CURRENT + 1);
        const forged = await publish(CURRENT + 1, { signWith: stranger });
        return { ...p, latest: { ...p.latest, signature: forged.latest.signature } };
      },
      /the signature of latest\.json is not valid/,
    ],
    ['an unknown key id', 'none', () => publish(CURRENT + 1, { signWith: stranger }), /does not trust/],
    [
      'a schema-invalid dataset with a valid signature',
      'none',
      () => publish(CURRENT + 1, { dataset: { ...base, version: CURRENT + 1, entries: [{ id: 'broken' }] } }),
      /not a valid dataset/,
    ],
    [
      'an older version announced as newer (downgrade)',
      'none',
      async () => {
        const old = await publish(CURRENT - 1);
        return { ...old, latest: { ...old.latest, datasetVersion: CURRENT + 3 } };
      },
      /the signature of latest\.json is not valid/,
    ],
    ['the same version signed as newer', 'none', () => publish(CURRENT + 1, { dataset: base }), /holds version \d+, not the \d+ announced/],
  ];

  const report: string[] = [];
  afterAll(() => writeFileSync(join(ROOT, 'test-results', 'update-faults-report.txt'), `${report.join('\n')}\n`));

  it.each(faults)('keeps the data in use on %s and says why', async (name, fault, make, message) => {
    updates.fault = fault;
    updates.published = await make();
    const page = await popup();
    const { line, error } = await checkNow(page);
    updates.release();
    report.push(`${name}: "${line}" / "${error}"`);
    expect(line).toContain(String(CURRENT));
    expect(error).toMatch(message);
    expect(error).toContain('The data in use is unchanged');
    await page.screenshot({ path: join(ROOT, 'test-results', `update-fault-${fault}.png`) });
    await page.close();
    expect(await h20Tooltip(article)).not.toContain(MARK);
    expect(await storedSettings()).toEqual(userSettings);
  });

  it('a worker stopped in the middle of a download leaves the old dataset whole', async () => {
    updates.fault = 'stall-dataset';
    updates.published = await publish(CURRENT + 1);
    updates.requests.length = 0;
    const lastCheck = () =>
      worker().then((w) => w.evaluate(async () => (await chrome.storage.local.get('updateState')).updateState as { lastCheckAt?: string }));
    const before = (await lastCheck()).lastCheckAt;
    const page = await popup();
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => updates.requests.includes(`/updates/dataset-${CURRENT + 1}.json`), { timeout: 10_000 }).toBe(true);
    const running = await worker();
    await running.evaluate(() => ((globalThis as { beforeStop?: boolean }).beforeStop = true));
    await stopWorker(page);
    updates.release();
    await page.close();
    const again = await popup();
    const fresh = await worker();
    expect(await fresh.evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop)).toBeUndefined();
    // The stopped worker never got to record this check.
    expect((await lastCheck()).lastCheckAt).toBe(before);
    expect(await again.locator('.data-status .status-line').innerText()).toContain(String(CURRENT));
    expect(await h20Tooltip(article)).not.toContain(MARK);
    await again.close();
  });

  it('takes a newer signed dataset, shows it in an open page without reload, and keeps settings', async () => {
    updates.fault = 'none';
    updates.published = await publish(CURRENT + 1);
    updates.requests.length = 0;
    const page = await popup();
    const { line, error } = await checkNow(page);
    expect(error).toBeNull();
    expect(line).toContain(String(CURRENT + 1));
    await page.screenshot({ path: join(ROOT, 'test-results', 'update-success.png') });
    await page.close();
    await expect.poll(() => h20Tooltip(article), { timeout: 10_000 }).toContain(MARK);
    expect(await storedSettings()).toEqual(userSettings);
  });

  it('then downloads nothing more when nothing changed', async () => {
    updates.requests.length = 0;
    const page = await popup();
    const { line, error } = await checkNow(page);
    expect(error).toBeNull();
    expect(line).toContain(String(CURRENT + 1));
    expect(updates.requests).toEqual(['/updates/latest.json']);
    await page.close();
  });

  it('sends no cookie, referrer or origin, even with cookies set for the update host', async () => {
    // A cookie for the update host, as a page on it could have set: it
    // would go to the update server with any request that let it.
    await browser.context.addCookies([{ name: 'visitor', value: 'reader-42', url: `http://127.0.0.1:${PORT}/` }]);
    expect(await browser.context.cookies(`http://127.0.0.1:${PORT}/`)).toHaveLength(1);
    updates.fault = 'none';
    updates.published = await publish(CURRENT + 2);
    updates.requests.length = 0;
    updates.headers.length = 0;
    const page = await popup();
    const { line, error } = await checkNow(page);
    expect(error).toBeNull();
    expect(line).toContain(String(CURRENT + 2));
    await page.close();
    expect(updates.requests).toEqual(['/updates/latest.json', `/updates/dataset-${CURRENT + 2}.json`]);
    for (const headers of updates.headers) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
      // No Origin naming the extension (or, in Firefox, its per-install id).
      expect(headers.origin).toBeUndefined();
    }
    // Nor anything the server chose earlier that could tell installs apart (an ETag echoed back).
    for (const headers of updates.headers) expect(headers['if-none-match']).toBeUndefined();
  });

  it('after a worker killed between the IndexedDB write and the table publish, pages, popup and worker agree on the new version', async () => {
    const killed = CURRENT + 7;
    const KILLED_MARK = 'Written just before the worker was killed.';
    // The first of an update's two writes, done by hand: the dataset into
    // IndexedDB, with no table published for pages. Then the worker dies.
    const dataset = withMark({ ...base, version: killed });
    const entries = dataset.entries.map((e) =>
      e.id === 'nvidia-h20'
        ? { ...e, summary: { en: `${e.summary.en} ${KILLED_MARK}`, ru: `${e.summary.ru} ${KILLED_MARK}`, zh: `${e.summary.zh} ${KILLED_MARK}` } }
        : e,
    );
    const meta = {
      format: dataset.format,
      version: killed,
      asOf: dataset.asOf,
      counts: { chip: 0, company: 0, model: 0, rule: 0 },
      writtenAt: new Date().toISOString(),
    };
    await (await worker()).evaluate(
      ({ entries, meta }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('chiplens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['entries', 'meta'], 'readwrite');
            tx.objectStore('entries').clear();
            for (const entry of entries) tx.objectStore('entries').put(entry);
            tx.objectStore('meta').put(meta, 'dataset');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { entries, meta },
    );
    // The name table pages read, as stored, decoded here.
    const tableVersion = async () => {
      const stored = await (await worker()).evaluate(async () => (await chrome.storage.local.get('aliasTable')).aliasTable);
      return (await decodeStoredTable(stored))?.table.datasetVersion;
    };
    expect(await tableVersion()).toBeLessThan(killed);
    await stopWorker(article);
    const page = await popup();
    expect(await page.locator('.data-status .status-line').innerText()).toContain(String(killed));
    await page.close();
    // The restarted worker published the new table; the open page shows the new entry.
    expect(await tableVersion()).toBe(killed);
    await expect.poll(() => h20Tooltip(article), { timeout: 10_000 }).toContain(KILLED_MARK);
    // And a later check still runs and is planned.
    updates.published = await publish(killed + 1);
    const again = await popup();
    const { line, error } = await checkNow(again);
    expect(error).toBeNull();
    expect(line).toContain(String(killed + 1));
    expect(await again.getByTestId('update-times').innerText()).toMatch(/next/i);
    await again.close();
  });

  it("lets the background and ChipLens's pages connect to the update server and nowhere else", async () => {
    const manifest = await (await worker()).evaluate(() => chrome.runtime.getManifest());
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_security_policy).toEqual({
      extension_pages: `script-src 'self'; object-src 'none'; connect-src 'self' http://127.0.0.1:${PORT}`,
    });
    const tryFetch = (url: string) =>
      fetch(url, { credentials: 'omit' }).then(
        (r) => `HTTP ${r.status}`,
        () => 'refused',
      );
    const update = `http://127.0.0.1:${PORT}/updates/latest.json`;
    const elsewhere = `${pages.origin}/fixtures/01-ru-servernews-seed.html`;
    const background = await worker();
    expect(await background.evaluate(tryFetch, update)).toBe('HTTP 200');
    expect(await background.evaluate(tryFetch, elsewhere)).toBe('refused');
    const page = await popup();
    expect(await page.evaluate(tryFetch, update)).toBe('HTTP 200');
    expect(await page.evaluate(tryFetch, elsewhere)).toBe('refused');
    await page.close();
  });
});
