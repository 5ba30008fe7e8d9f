// A name's first mention is highlighted in full; its repeats are drawn
// quietly, under highlight names of their own (chiplens-<kind>-repeat), so
// that they are still recognised, hoverable and counted. Options paints
// every mention in full.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { defaultSettings } from '../../src/core/settings';
import { launchWithExtension, readHighlights, settledHighlights, total, type ExtensionBrowser } from './browser';
import { hoverForCard } from './tooltip-probe';

const SEED = '/fixtures/01-ru-servernews-seed.html';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(`${server.origin}${SEED}`);
  await settledHighlights(page, { atLeast: 20 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The texts under each ChipLens highlight name. */
function byName(): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('chiplens-')) continue;
      out[name] = [...highlight].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    }
    return out;
  });
}

describe('repeated mentions', () => {
  it('highlights each name once in full and its repeats quietly, still counting and showing every one', async () => {
    const names = await byName();
    const full = names['chiplens-company'] ?? [];
    const repeats = names['chiplens-company-repeat'] ?? [];
    // NVIDIA is named four times in the seed article: once in full, three times quietly.
    expect(full.filter((t) => t === 'NVIDIA')).toHaveLength(1);
    expect(repeats.filter((t) => t === 'NVIDIA')).toHaveLength(3);
    // Each name in full once at most.
    expect(new Set(full).size).toBe(full.length);
    // The quiet ones are styled: a line and no tint.
    const style = await page.evaluate(() => {
      const rules = [...document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules]).map((r) => r.cssText);
      return rules.find((r) => r.includes('::highlight(chiplens-company-repeat)'));
    });
    expect(style).toMatch(/text-decoration: underline/);
    expect(style).not.toMatch(/background-color/);
    // A repeat is hoverable like any mention.
    const card = await hoverForCard(page, 'NVIDIA', 2);
    expect(await card.text('.title')).toBe('NVIDIA');
  });

  it('paints every mention in full when the reader asks, and quietly again after', async () => {
    const before = total(await readHighlights(page));
    await browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), { ...defaultSettings(), paintEveryMention: true });
    await expect.poll(async () => Object.keys(await byName()).filter((n) => n.endsWith('-repeat'))).toEqual([]);
    await expect.poll(async () => total(await readHighlights(page))).toBe(before);
    await browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), defaultSettings());
    await expect.poll(async () => (await byName())['chiplens-company-repeat']?.length ?? 0).toBeGreaterThan(0);
  });
});
