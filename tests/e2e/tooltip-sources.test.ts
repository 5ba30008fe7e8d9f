// The tooltip's sources as a reader uses them: each [n] brings its source
// into view, the sources have a heading and primary texts are marked, and
// the card copies its facts with their sources as text and as Markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension, settledHighlights, type ExtensionBrowser } from './browser';
import { hoverForCard, inTooltip, type TooltipCard } from './tooltip-probe';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let page: Page;
let card: TooltipCard;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/pages/each-kind.html`);
  await settledHighlights(page, { atLeast: 4 });
  card = await hoverForCard(page, 'H20');
  // Pinned, so that the pointer can go to its buttons.
  await card.clickButton('Keep open');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('tooltip sources', () => {
  it('opens on its first layer: status, a few lines of summary and at most three figures, the rest behind a button', async () => {
    const first = await inTooltip(page, function () {
      const card = this.querySelector('.card')!;
      const shown = (el: Element) => el.getClientRects().length > 0;
      return {
        figures: [...card.querySelectorAll('.facts dt')].filter(shown).length,
        sourcesShown: [...card.querySelectorAll('.sources li')].some(shown),
        status: card.querySelector('[data-status]') !== null,
        height: card.getBoundingClientRect().height,
      };
    });
    expect(first!.status).toBe(true);
    expect(first!.figures).toBeGreaterThan(0);
    expect(first!.figures).toBeLessThanOrEqual(3);
    expect(first!.sourcesShown).toBe(false);
    expect(first!.height).toBeLessThanOrEqual(360);
    expect(await card.text('.details-toggle')).toMatch(/^Details and sources \(\d+\)$/);
  });

  it('has a heading over its sources, and marks primary texts', async () => {
    expect(await card.text('.sources-title')).toBe('Sources');
    const sources = await inTooltip(page, function () {
      return [...this.querySelectorAll('.sources li')].map((li) => ({
        url: li.querySelector('a')?.href ?? '',
        primary: li.querySelector('[data-primary]') !== null,
      }));
    });
    // The H20's sources include NVIDIA's own release and press reports.
    expect(sources!.some((s) => s.primary)).toBe(true);
    expect(sources!.some((s) => !s.primary)).toBe(true);
    for (const s of sources!) expect(s.primary).toBe(/\.gov(\/|$)|\.gov\.|globenewswire\.com|nvidia\.com/.test(`${new URL(s.url).hostname}/`));
  });

  it('takes the reader from [n] to source n, opening the details where the sources are', async () => {
    expect((await card.attributes('.details-toggle', 'aria-expanded'))[0]).toBe('false');
    // The first [n] on the card's first layer: the status's.
    const n = Number((await card.attributes('[data-cite]', 'data-cite'))[0]);
    expect(n).toBeGreaterThan(0);
    await card.click('[data-cite]', 0);
    await expect
      .poll(() =>
        inTooltip(page, function () {
          return (this.activeElement as HTMLElement | null)?.dataset.source;
        }),
      )
      .toBe(String(n));
    expect((await card.attributes('.details-toggle', 'aria-expanded'))[0]).toBe('true');
  });

  it('copies its facts with their sources, as text and as Markdown', async () => {
    await card.clickButton('Copy');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^NVIDIA H20 \(Chip\)\n/);
    expect(text).toMatch(/\n\[1\] .+: https:\/\//);
    expect(text).toMatch(/Facts as of .+ · ChipLens$/);
    await card.clickButton('Copy as Markdown');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/^\*\*NVIDIA H20\*\* \(Chip\)/);
    expect(markdown).toMatch(/\n\[1\]: <https:\/\/[^>]+>/);
  });
});
