// Quiet where the page is not about chips: no highlights in page furniture
// (menus, sign-in and share widgets, cookie banners, sidebars, footers), and
// broad names (Google, Apple…) only where the page or passage is on topic,
// unless the reader asks for every known company everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { defaultSettings } from '../../src/core/settings';
import { launchWithExtension, readHighlights, settledHighlights, total, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

const names = (highlights: Record<string, string[]>) => Object.values(highlights).flat().sort();

describe('page furniture', () => {
  it('highlights the article of a news page and nothing in its menus, widgets, banners, sidebar or footer', async () => {
    const page = await open('/pages/furniture-news.html');
    const inArticle = await settledHighlights(page, { atLeast: 8, within: 'article p, article h1' });
    expect(inArticle.company).toEqual(expect.arrayContaining(['Nvidia', 'Commerce Department', 'Google', 'Huawei']));
    expect(inArticle.chip).toEqual(expect.arrayContaining(['H20', 'Ascend 910C']));
    const all = await readHighlights(page);
    // Every highlight on the page is one of the article's.
    expect(names(all)).toEqual(names(inArticle));
    expect(total(await readHighlights(page, '.share-buttons'))).toBe(0);
    await page.close();
  });
});

describe('topic gate', () => {
  it('leaves big names alone on a page about something else, while a chip name still shows', async () => {
    const page = await open('/pages/ordinary-recipe.html');
    // The page's last paragraph holds its one chip name: once it shows,
    // the paragraphs above it have been read.
    const shown = await settledHighlights(page, { atLeast: 1 });
    expect(names(shown)).toEqual(['TSMC']);
    await page.close();
  });

  it('highlights every known company everywhere when the reader asks, still not in furniture', async () => {
    const page = await open('/pages/ordinary-recipe.html');
    await settledHighlights(page, { atLeast: 1 });
    await browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), { ...defaultSettings(), broadNamesEverywhere: true });
    const body = await settledHighlights(page, { atLeast: 6, within: 'article' });
    expect(body.company).toEqual(expect.arrayContaining(['Google', 'Apple', 'Amazon', 'Microsoft', 'Samsung', 'TSMC']));
    expect(total(await readHighlights(page, '.user-menu, footer'))).toBe(0);
    await browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), defaultSettings());
    await expect.poll(async () => names(await readHighlights(page))).toEqual(['TSMC']);
    await page.close();
  });
});
