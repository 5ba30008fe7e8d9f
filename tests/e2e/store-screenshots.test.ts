// The store listing's screenshots (docs/store-listing.md), taken from the
// built extension at the 1280×800 both stores accept, into
// test-results/store/. Each is taken only once what it shows is on screen,
// and each file is checked to be a 1280×800 PNG without alpha, as the Chrome
// Web Store asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension, settledHighlights, type ExtensionBrowser } from './browser';
import { hoverForCard, type TooltipCard } from './tooltip-probe';

const STORE = join(__dirname, '../../test-results/store');
const SIZE = { width: 1280, height: 800 };
const POPUP = { width: 400, height: 600 };
const ENGLISH = '/fixtures/02-en-datacenterdynamics-entity-list-sophgo.html';
const SEED = '/fixtures/01-ru-servernews-seed.html';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
/** The English article, its tab id, and a picture of it with its highlights. */
let english: { page: Page; tabId: number; shot: Buffer };
/** The popup, opened on the English article. */
let popup: Page;

beforeAll(async () => {
  rmSync(STORE, { recursive: true, force: true });
  mkdirSync(STORE, { recursive: true });
  server = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Width, height, bit depth and colour type from a PNG's header, or undefined if it is not a PNG. */
function pngHeader(path: string): { width: number; height: number; depth: number; colourType: number } | undefined {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), depth: bytes[24]!, colourType: bytes[25]! };
}

async function shoot(page: Page, name: string): Promise<Buffer> {
  const path = join(STORE, name);
  await page.screenshot({ path });
  // 8 bits per channel, colour type 2: RGB, no alpha.
  expect(pngHeader(path), name).toEqual({ ...SIZE, depth: 8, colourType: 2 });
  return readFileSync(path);
}

/** Highlights of each kind with a box inside the viewport. */
function visibleKinds(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const kind of ['chip', 'company', 'model', 'rule']) {
      const highlight = CSS.highlights.get(`chiplens-${kind}`);
      out[kind] = highlight
        ? [...highlight].filter((r) => {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            const box = range.getBoundingClientRect();
            return box.width > 0 && box.top >= 0 && box.bottom <= innerHeight;
          }).length
        : 0;
    }
    return out;
  });
}

async function article(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(`${server.origin}${path}`);
  await settledHighlights(page, { atLeast: 10 });
  return page;
}

/** Hovers `text` and returns the tooltip, once it shows an entry, wholly on screen. */
async function tooltip(page: Page, text: string): Promise<TooltipCard> {
  const card = await hoverForCard(page, text);
  const box = (await card.box())!;
  expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= SIZE.width && box.y + box.height <= SIZE.height, 'tooltip on screen').toBe(true);
  expect(await card.count('.sources li')).toBeGreaterThan(0);
  return card;
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
  return popup;
}

/**
 * The popup as it opens over the page: a picture of the popup at its own
 * size laid over a picture of the page, on a 1280×800 stage.
 */
async function popupOverPage(popup: Buffer, page: Buffer, name: string): Promise<void> {
  const stage = await browser.context.newPage();
  await stage.setViewportSize(SIZE);
  const png = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;
  await stage.setContent(
    `<body style="margin:0;overflow:hidden">
      <img alt="" src="${png(page)}" style="display:block">
      <img alt="" src="${png(popup)}" style="position:absolute;top:12px;right:24px;border:1px solid #c8ccd4;border-radius:8px;box-shadow:0 8px 32px #0004">
    </body>`,
  );
  await stage.locator('img').evaluateAll((imgs) => Promise.all(imgs.map((img) => (img as HTMLImageElement).decode())));
  await shoot(stage, name);
  await stage.close();
}

describe('store screenshots', () => {
  beforeAll(async () => {
    const page = await article(ENGLISH);
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    english = { page, tabId: tabId!, shot: Buffer.alloc(0) };
  });

  it('1: an English news article with a chip, companies and an export rule highlighted', async () => {
    const { page } = english;
    const visible = await visibleKinds(page);
    expect(visible.chip, 'chips').toBeGreaterThanOrEqual(1);
    expect(visible.company, 'companies').toBeGreaterThanOrEqual(5);
    expect(visible.rule, 'rules').toBeGreaterThanOrEqual(1);
    english.shot = await shoot(page, '1-highlights-en.png');
  });

  it('2: the tooltip of a company on that article, with its Entity List status', async () => {
    const card = await tooltip(english.page, 'Sophgo');
    expect(await card.attribute('data-entry-id')).toBe('sophgo');
    expect(await card.text('.title')).toContain('Sophgo');
    expect(await card.text('[data-status]')).toMatch(/Entity List[\s\S]*\d{4}/);
    await shoot(english.page, '2-tooltip-en.png');
    await english.page.keyboard.press('Escape');
  });

  it("3: a Russian article, with NVIDIA H20's export status in Russian", async () => {
    const page = await article(SEED);
    const card = await tooltip(page, 'NVIDIA H20');
    expect(await card.attribute('data-entry-id')).toBe('nvidia-h20');
    expect(await card.text('.title')).toContain('NVIDIA H20');
    const text = await card.text();
    expect(text).toContain('Экспортный контроль');
    expect(await card.text('[data-status]')).toMatch(/\d{4}/);
    await shoot(page, '3-tooltip-ru.png');
    await page.close();
  });

  it('4: the popup listing what the page mentions, over that page', async () => {
    popup = await openPopup(english.tabId);
    const section = popup.locator('.on-page');
    await section.locator('[data-entry-id="sophgo"]').waitFor();
    const groups = await section.locator('h3').allInnerTexts();
    expect(groups.map((g) => g.replace(/\s*\d+$/, ''))).toEqual(['CHIP', 'COMPANY', 'EXPORT RULE']);
    // The name, its latest status, and how often the page names it.
    expect(await section.locator('[data-entry-id="sophgo"]').innerText()).toMatch(/^Sophgo\s+On the Entity List\s+×(\d+)\s+\1 mentions$/);
    await popupOverPage(await popup.screenshot(), english.shot, '4-popup-on-this-page.png');
  });

  it("5: the popup finding Huawei's Ascend chips from their Chinese name", async () => {
    await popup.getByRole('searchbox').fill('昇腾');
    await expect.poll(() => popup.locator('.result').first().getAttribute('data-entry-id')).toBe('huawei-ascend');
    expect(await popup.locator('.result').count()).toBeGreaterThan(1);
    await popupOverPage(await popup.screenshot(), english.shot, '5-popup-search.png');
    await popup.close();
  });

  it('6: the options page', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize(SIZE);
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByTestId('site-list').waitFor();
    expect(await options.getByRole('heading', { level: 1 }).innerText()).toBe('ChipLens options');
    await expect.poll(() => options.getByRole('radio', { name: 'Everywhere except these sites' }).isChecked()).toBe(true);
    await shoot(options, '6-options.png');
    await options.close();
  });
});
