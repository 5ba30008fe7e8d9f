// The fallback painter, for browsers without the CSS Custom Highlight API:
// a build that paints with the overlay even in Chromium
// (CHIPLENS_FORCE_OVERLAY=1), on the seed article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { hoverForCard } from './tooltip-probe';

const ROOT = join(__dirname, '../..');
const SEED = '/fixtures/01-ru-servernews-seed.html';

let dist: string;
let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'chiplens-overlay-build-'));
  const build = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, CHIPLENS_FORCE_OVERLAY: '1', CHIPLENS_OUT_DIR: dist },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`overlay build failed:\n${build.stderr}`);
  server = await startFixtureServer();
  browser = await launchWithExtension(dist);
  page = await browser.context.newPage();
  await page.goto(`${server.origin}${SEED}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** The overlay's boxes, in document coordinates, with their classes. */
function boxes(page: Page) {
  return page.evaluate(() =>
    [...(document.querySelector('chiplens-overlay')?.shadowRoot?.querySelectorAll('.box') ?? [])].map((box) => {
      const r = box.getBoundingClientRect();
      return { className: box.className, left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
    }),
  );
}

/** Where `text` is, in document coordinates. */
function textBox(page: Page, text: string) {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getClientRects()[0]!;
      return { left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
    }
    throw new Error(`"${text}" is not on the page`);
  }, text);
}

type Box = { left: number; top: number; right: number; bottom: number };
const covers = (box: Box, text: Box) => box.left <= text.left + 1 && box.right >= text.right - 1 && box.top <= text.top + 1 && box.bottom >= text.bottom - 1;

/** Picks a highlight style in Options, as a user would. */
async function setStyle(style: string): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await options.getByTestId('highlight-style').selectOption(style);
  await options.close();
}

describe('overlay painter (no CSS Custom Highlight API)', () => {
  it("draws a box over each mention on screen, in its kind's style, and registers no highlight", async () => {
    await expect.poll(async () => (await boxes(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const h20 = await textBox(page, 'NVIDIA H20');
    const drawn = await boxes(page);
    expect(drawn.some((box) => covers(box, h20) && box.className.includes('chip') && box.className.includes('underline'))).toBe(true);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.screenshot({ path: join(ROOT, 'test-results/overlay-seed-article.png') });
  });

  it("leaves the page's DOM as it was, but for its one element outside the body", async () => {
    const outside = await page.evaluate(() => [...document.documentElement.children].map((el) => el.localName));
    expect(outside).toEqual(['head', 'body', 'chiplens-overlay']);
    expect(await page.evaluate(() => document.body.querySelectorAll('mark, chiplens-overlay, [data-chiplens]').length)).toBe(0);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('chiplens-overlay')!).pointerEvents)).toBe('none');
  });

  it('keeps the boxes on the text when the page scrolls, drawing what comes into view', async () => {
    const last = await page.evaluate(() => {
      document.scrollingElement!.scrollTop = document.scrollingElement!.scrollHeight;
      return document.scrollingElement!.scrollTop;
    });
    expect(last).toBeGreaterThan(0);
    const deepseek = await textBox(page, 'DeepSeek');
    await expect.poll(async () => (await boxes(page)).some((box) => covers(box, deepseek))).toBe(true);
  });

  it('shows the tooltip on hover, through the overlay', async () => {
    const card = await hoverForCard(page, 'NVIDIA H20');
    expect(await card.attribute('data-entry-id')).toBe('nvidia-h20');
    await page.keyboard.press('Escape');
  });

  it('follows the highlight style: a tint, then nothing', async () => {
    await setStyle('background');
    await expect
      .poll(async () => {
        const drawn = await boxes(page);
        return drawn.length > 0 && drawn.every((box) => box.className.includes('background'));
      })
      .toBe(true);
    await setStyle('none');
    await expect.poll(async () => (await boxes(page)).length).toBe(0);
    await setStyle('underline');
    await expect.poll(async () => (await boxes(page)).length).toBeGreaterThan(0);
  });
});
