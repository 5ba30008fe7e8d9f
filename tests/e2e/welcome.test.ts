// The first run: installing ChipLens opens a welcome page with the legend
// of the highlights, a paragraph to try them on, the keyboard shortcuts and
// the privacy promise; the popup carries the legend too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;
let welcome: Page;

beforeAll(async () => {
  browser = await launchWithExtension(undefined, { keepWelcome: true });
  if (!browser.welcome) throw new Error('installing ChipLens opened no welcome page');
  welcome = browser.welcome;
  await welcome.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
  await browser?.close();
});

describe('welcome page', () => {
  it('explains each kind by its colour and underline style', async () => {
    const legend = welcome.getByTestId('legend');
    await legend.waitFor();
    const items = await legend.locator('li').allInnerTexts();
    expect(items.map((text) => text.split(/\s+/)[0])).toEqual(['Chip', 'Company', 'AI', 'Export']);
    const styles = await legend.locator('.kind-mark').evaluateAll((marks) => marks.map((m) => getComputedStyle(m).borderBottomStyle));
    expect(styles).toEqual(['double', 'solid', 'dotted', 'dashed']);
  });

  it('highlights a live demo paragraph, and shows a name\u2019s card on pointing at it', async () => {
    const demo = welcome.getByTestId('demo');
    await expect.poll(() => demo.locator('[data-entry-id]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    const ids = await demo.locator('[data-entry-id]').evaluateAll((names) => names.map((n) => n.getAttribute('data-entry-id')));
    expect(ids).toEqual(expect.arrayContaining(['nvidia-h20', 'qwen', 'us-entity-list']));
    await demo.locator('[data-entry-id="nvidia-h20"]').hover();
    await expect.poll(() => welcome.getByTestId('demo-card').innerText(), { timeout: 5_000 }).toContain('NVIDIA H20');
  });

  it('names the keyboard shortcuts and makes the privacy promise', async () => {
    // Each command with its key, or "not set" where the browser left it unset (as in a test profile).
    await expect
      .poll(() => welcome.getByTestId('shortcuts').locator('li').allInnerTexts())
      .toEqual([
        expect.stringMatching(/^(Alt\+Shift\+N|not set)\s+Go to the next highlight and open its tooltip$/),
        expect.stringMatching(/^(Alt\+Shift\+P|not set)\s+Go to the previous highlight and open its tooltip$/),
      ]);
    expect(await welcome.locator('body').innerText()).toContain('It sends nothing about what you read');
  });

  it('is echoed by a legend in the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const legend = popup.getByTestId('popup-legend');
    await legend.waitFor();
    expect(await legend.locator('li').allInnerTexts()).toEqual(['Chip', 'Company', 'AI model', 'Export rule']);
    expect(await legend.locator('.kind-mark').evaluateAll((marks) => marks.map((m) => getComputedStyle(m).borderBottomStyle))).toEqual([
      'double',
      'solid',
      'dotted',
      'dashed',
    ]);
    await popup.close();
  });
});
