// The store listing's screenshots (docs/store-listing.md), taken from the
// built extension at the 1280×800 both stores accept, into
// test-results/store/. Each is taken only once what it shows is on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension, pointOf, settledHighlights, total, type ExtensionBrowser } from './browser';

const STORE = join(__dirname, '../../test-results/store');
const SIZE = { width: 1280, height: 800 };
const ARTICLES = { en: '/fixtures/03-en-techradar-h200-huawei-ascend-910c.html', ru: '/fixtures/01-ru-servernews-seed.html' };

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  mkdirSync(STORE, { recursive: true });
  server = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Width and height from a PNG's header, or undefined if it is not a PNG. */
function pngSize(path: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(path);
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a' || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(STORE, name);
  await page.screenshot({ path });
  expect(pngSize(path), name).toEqual(SIZE);
}

async function article(lang: keyof typeof ARTICLES): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(`${server.origin}${ARTICLES[lang]}`);
  expect(total(await settledHighlights(page, { atLeast: 5 }))).toBeGreaterThanOrEqual(5);
  return page;
}

async function hover(page: Page, text: string): Promise<string> {
  const { x, y } = await pointOf(page, text);
  await page.mouse.move(x - 30, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  const card = page.locator('chiplens-tooltip [data-chiplens-state="ready"]');
  await card.waitFor({ state: 'visible', timeout: 5_000 });
  return (await card.getAttribute('data-entry-id')) ?? '';
}

/**
 * An extension page (the popup) photographed at its own size, then shown on
 * a plain 1280×800 stage with a caption: a 1280-wide popup would not be what
 * users see.
 */
async function staged(shot: Buffer, caption: string, name: string): Promise<void> {
  const stage = await browser.context.newPage();
  await stage.setViewportSize(SIZE);
  await stage.setContent(
    `<body style="margin:0;height:100vh;display:flex;align-items:center;justify-content:center;gap:64px;background:#eef1f6;font:600 34px/1.3 system-ui,sans-serif;color:#1d2433">
      <p style="max-width:460px">${caption}</p>
      <img alt="" style="box-shadow:0 12px 40px #0003;border-radius:10px" src="data:image/png;base64,${shot.toString('base64')}">
    </body>`,
  );
  await stage.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await shoot(stage, name);
  await stage.close();
}

describe('store screenshots', () => {
  it('an English article with its highlights and a tooltip', async () => {
    const page = await article('en');
    expect(await hover(page, 'Huawei')).toBe('huawei');
    await shoot(page, '1-tooltip-en.png');
    await page.close();
  });

  it('a Russian article with an export-status tooltip', async () => {
    const page = await article('ru');
    expect(await hover(page, 'NVIDIA H20')).toBe('nvidia-h20');
    await shoot(page, '2-tooltip-ru.png');
    await page.close();
  });

  it('the popup: search, and what the page mentions', async () => {
    const page = await article('en');
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.locator('.on-page').getByRole('button').first().waitFor();
    await staged(await popup.screenshot(), 'What this page mentions, by kind: choose one to jump to it.', '3-popup-on-page.png');
    await popup.getByRole('searchbox').fill('ascend');
    await expect.poll(() => popup.locator('.result').first().getAttribute('data-entry-id')).toBe('huawei-ascend');
    await staged(await popup.screenshot(), 'Search chips, companies, models and export rules in English, Russian or Chinese.', '4-popup-search.png');
    await popup.close();
    await page.close();
  });

  it('the options page', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize(SIZE);
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByRole('heading').first().waitFor();
    await shoot(options, '5-options.png');
    await options.close();
  });
});
