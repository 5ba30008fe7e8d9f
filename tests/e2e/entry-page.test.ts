// The entry view as a reader meets it: in the 380 px popup its lines wrap
// instead of running off the right edge, and "More in ChipLens" opens a
// real entry page: a centred column with the whole entry, and nothing about
// a site or results that are not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadBundledDatasetJson } from '../../dataset/index-node';
import { launchWithExtension, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

/** Elements of the entry view that reach past the right edge of the viewport, by class and text. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const right = document.documentElement.clientWidth;
    return [...document.querySelectorAll('.detail *')]
      .filter((el) => el.getBoundingClientRect().right > right + 0.5)
      .map((el) => `${el.className || el.localName}: ${(el.textContent ?? '').slice(0, 40)}`);
  });
}

const h20 = (loadBundledDatasetJson() as { entries: { id: string; related: string[]; sources: unknown[] }[] }).entries.find((e) => e.id === 'nvidia-h20')!;

describe('entry view', () => {
  it('wraps every line inside the 380 px popup', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    await popup.getByRole('searchbox').fill('h20');
    await popup.locator('.result[data-entry-id="nvidia-h20"]').click();
    await popup.locator('.detail .card').waitFor();
    expect(await overflowing(popup)).toEqual([]);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // Back to the results it came from.
    await expect(popup.locator('.back').innerText()).resolves.toContain('Back');
    await popup.close();
  });

  it('opens "More in ChipLens" as an entry page: a centred column with every source and related entry', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?entry=nvidia-h20`);
    const card = page.locator('.detail .card');
    await card.waitFor();
    expect(await page.locator('body').innerText()).not.toContain('does not run on this page');
    expect(await page.locator('.back').count()).toBe(0);
    expect(await page.getByTestId('site-switch').count()).toBe(0);
    const box = (await page.locator('main').boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(760);
    // Centred: as much room on the left as on the right.
    expect(Math.abs(box.x - (1280 - box.x - box.width))).toBeLessThanOrEqual(2);
    expect(await overflowing(page)).toEqual([]);
    expect(await card.locator('.sources li').count()).toBe(h20.sources.length);
    expect(await card.locator('.related-entry').count()).toBeGreaterThanOrEqual(h20.related.length);
    await expect(page.getByRole('searchbox').isVisible()).resolves.toBe(true);
    await page.close();
  });
});
