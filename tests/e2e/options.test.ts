// The options page as a user works it, in real Chromium: site lists in both
// modes (with *.domain rules), kinds and style, and the settings file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { defaultSettings } from '../../src/core/settings';
import { launchWithExtension, pointOf, readHighlights, settledHighlights, total, type ExtensionBrowser } from './browser';
import { hoverForCard, tooltipState, waitForCard, waitForNoCard } from './tooltip-probe';

const RESULTS = join(__dirname, '../../test-results');
const SEED = '/fixtures/01-ru-servernews-seed.html';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let options: Page;
let article: Page;
let files: string;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  files = mkdtempSync(join(tmpdir(), 'chiplens-options-'));
  article = await browser.context.newPage();
  await article.goto(`${server.origin}${SEED}`);
  await settledHighlights(article, { atLeast: 20 });
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await options.getByTestId('site-list').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(files, { recursive: true, force: true });
});

async function stored(): Promise<Record<string, unknown>> {
  return browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Record<string, unknown>);
}

const highlightCount = () => readHighlights(article).then(total);

describe('options: sites', () => {
  it('turns ChipLens off for a listed site, on open tabs, and on again when it is removed', async () => {
    await options.getByTestId('site-input').fill('127.0.0.1');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(highlightCount).toBe(0);
    expect((await stored()).disabledSites).toEqual(['127.0.0.1']);
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(highlightCount).toBeGreaterThanOrEqual(20);
  });

  it('explains a rule it cannot read and keeps the list as it was', async () => {
    await options.getByTestId('site-input').fill('not a host!');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => options.getByRole('alert').innerText()).toContain('is not a hostname');
    expect((await stored()).disabledSites).toEqual([]);
  });

  it('runs only on listed sites in "only" mode, where *.domain covers subdomains', async () => {
    await options.getByTestId('mode-only').check();
    await expect.poll(highlightCount).toBe(0);
    await options.getByTestId('site-input').fill('*.0.0.1');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => options.getByTestId('site-list').innerText()).toContain('0.0.1 and all its subdomains');
    await expect.poll(highlightCount).toBeGreaterThanOrEqual(20);
    await options.screenshot({ path: join(RESULTS, 'options-sites-only.png'), fullPage: true });
    await options.getByTestId('mode-all-except').check();
    // The settings are written after the change event: wait for them.
    await expect.poll(stored).toMatchObject({ siteMode: 'all-except', enabledSites: ['*.0.0.1'], disabledSites: [] });
  });
});

describe('options: highlights', () => {
  it('hides a kind and changes the style on open pages', async () => {
    await options.getByTestId('kind-company').uncheck();
    await expect.poll(async () => (await readHighlights(article)).company!.length).toBe(0);
    expect((await readHighlights(article)).chip!.length).toBeGreaterThan(0);
    await options.getByTestId('kind-company').check();
    await expect.poll(async () => (await readHighlights(article)).company!.length).toBeGreaterThan(0);
    await options.getByTestId('highlight-style').selectOption('background');
    await expect.poll(() => article.evaluate(() => CSS.highlights.has('chiplens-chip-background') && !CSS.highlights.has('chiplens-chip'))).toBe(true);
    await options.getByTestId('highlight-style').selectOption('underline');
    await expect.poll(() => article.evaluate(() => CSS.highlights.has('chiplens-chip'))).toBe(true);
  });
});

describe('options: tooltips and refresh', () => {
  // Hovering needs the article in front: a tab behind has its timers slowed to once a second.
  const kindOnCard = async () => {
    await article.bringToFront();
    await article.mouse.move(5, 5);
    await article.keyboard.press('Escape');
    await waitForNoCard(article);
    const card = await hoverForCard(article, 'NVIDIA H20');
    return card.text('.kind');
  };

  it("shows tooltips in the language chosen, or the page's", async () => {
    // The seed article is Russian.
    expect(await kindOnCard()).toMatch(/^чип$/i);
    await options.getByTestId('tooltip-language').selectOption('en');
    await expect.poll(stored).toMatchObject({ tooltipLanguage: 'en' });
    expect(await kindOnCard()).toMatch(/^chip$/i);
    await options.getByTestId('tooltip-language').selectOption('zh-TW');
    await expect.poll(stored).toMatchObject({ tooltipLanguage: 'zh-TW' });
    expect(await kindOnCard()).toBe('晶片');
    await options.getByTestId('tooltip-language').selectOption('page');
    await expect.poll(stored).toMatchObject({ tooltipLanguage: 'page' });
    expect(await kindOnCard()).toMatch(/^чип$/i);
  });

  it('waits the chosen delay before a tooltip opens', async () => {
    await options.getByTestId('tooltip-delay').selectOption('1000');
    await expect.poll(stored).toMatchObject({ tooltipDelayMs: 1000 });
    await article.bringToFront();
    await article.mouse.move(5, 5);
    await waitForNoCard(article);
    const { x, y } = await pointOf(article, 'NVIDIA H20');
    await article.mouse.move(x - 30, y - 40);
    await article.mouse.move(x, y, { steps: 3 });
    // Still closed well before the delay is over; open after it.
    await article.waitForTimeout(400);
    expect(await tooltipState(article)).toBeUndefined();
    await waitForCard(article, 5_000);
    await options.getByTestId('tooltip-delay').selectOption('120');
    await expect.poll(stored).toMatchObject({ tooltipDelayMs: 120 });
  });

  it('plans the next dataset check by the interval chosen', async () => {
    const next = () =>
      browser.worker.evaluate(
        async () => (await chrome.storage.local.get('updateState')).updateState as { lastCheckAt?: string; nextCheckAt?: string } | undefined,
      );
    await options.getByTestId('refresh-hours').selectOption('168');
    await expect.poll(stored).toMatchObject({ refreshHours: 168 });
    // Seven days from the last check (or from now), give or take the 10 % jitter and a minute.
    await expect
      .poll(async () => {
        const state = await next();
        const from = state?.lastCheckAt ? Date.parse(state.lastCheckAt) : Date.now();
        return state?.nextCheckAt ? (Date.parse(state.nextCheckAt) - from) / 3_600_000 : 0;
      })
      .toBeGreaterThan(140);
    await options.getByTestId('refresh-hours').selectOption('24');
    await expect.poll(stored).toMatchObject({ refreshHours: 24 });
  });
});

describe('options: settings file', () => {
  it('refuses a file over 1 MB without reading it, and changes nothing', async () => {
    const before = await stored();
    const big = join(files, 'big.json');
    writeFileSync(big, JSON.stringify({ ...defaultSettings(), disabledSites: Array.from({ length: 60_000 }, (_, i) => `site${i}.example.com`) }));
    await options.getByTestId('import').setInputFiles(big);
    await expect.poll(() => options.getByTestId('import-problem').innerText()).toMatch(/too (big|large)/i);
    expect(await stored()).toEqual(before);
  });

  it('refuses a file that is not valid settings, saying why, and changes nothing', async () => {
    const before = await stored();
    const bad = join(files, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...defaultSettings(), tooltipDelayMs: -5 }));
    await options.getByTestId('import').setInputFiles(bad);
    const problem = () => options.getByTestId('import-problem').innerText();
    await expect.poll(problem).toMatch(/bad\.json does not hold valid ChipLens settings \(tooltipDelayMs: .*\); nothing was changed/);
    const notJson = join(files, 'notes.json');
    writeFileSync(notJson, 'hello');
    await options.getByTestId('import').setInputFiles(notJson);
    await expect.poll(problem).toContain('notes.json is not a JSON file');
    expect(await stored()).toEqual(before);
  });

  it('imports valid settings, including ones from an older version, and resets to defaults', async () => {
    const old = join(files, 'old.json');
    writeFileSync(old, JSON.stringify({ format: 1, paused: false, disabledHosts: ['127.0.0.1'] }));
    await options.getByTestId('import').setInputFiles(old);
    await expect.poll(() => options.getByTestId('options-message').innerText()).toContain('Settings imported from old.json');
    expect((await stored()).disabledSites).toEqual(['127.0.0.1']);
    await expect.poll(highlightCount).toBe(0);
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('reset').click();
    await expect.poll(stored).toEqual(defaultSettings());
    await expect.poll(highlightCount).toBeGreaterThanOrEqual(20);
  });

  it('exports the settings as a JSON file that imports back', async () => {
    // Settings that differ from the defaults, so that a round trip shows.
    const custom = {
      ...defaultSettings(),
      disabledSites: ['example.org', '*.example.net'],
      tooltipDelayMs: 600,
      highlightStyle: 'background',
      tooltipLanguage: 'zh-TW',
    };
    await browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), custom);
    await expect.poll(stored).toEqual(custom);
    const download = options.waitForEvent('download');
    await options.getByTestId('export').click();
    const file = join(files, 'exported.json');
    await (await download).saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(custom);
    // Back to the defaults, then the exported file brings every setting back.
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('reset').click();
    await expect.poll(stored).toEqual(defaultSettings());
    await options.getByTestId('import').setInputFiles(file);
    await expect.poll(() => options.getByTestId('options-message').innerText()).toContain('Settings imported from exported.json');
    expect(await stored()).toEqual(custom);
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('reset').click();
    await expect.poll(stored).toEqual(defaultSettings());
  });
});
