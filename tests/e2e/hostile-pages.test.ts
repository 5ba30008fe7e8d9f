// Pages that fight ChipLens, or that are merely busy: none of them may
// freeze the reader's tab, drive the tooltip, hide it, or tell that
// ChipLens is there while it is off. Speed is judged against the page's own
// work in the same run (ChipLens paused), never against a fixed time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { launchWithExtension, pointOf, settledHighlights, total, readHighlights, type ExtensionBrowser } from './browser';
import { hoverForCard, tooltipState } from './tooltip-probe';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  // The fresh install publishes its names before pages can be read.
  for (let tries = 0; tries < 300; tries++) {
    if (await browser.worker.evaluate(async () => typeof (await chrome.storage.local.get('aliasTable')).aliasTable === 'string')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the fresh install published no names');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function setSettings(change: Partial<Settings>): Promise<void> {
  await browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), { ...defaultSettings(), ...change });
}

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** The page's longest task and the total of its long tasks (long-task entries: 50 ms and over), read by the page itself. */
function longTasks(page: Page): Promise<{ longest: number; total: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { longestTask: number; longTaskTotal: number };
    return { longest: w.longestTask, total: w.longTaskTotal };
  });
}

function resetLongTasks(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { longestTask: number; longTaskTotal: number };
    w.longestTask = w.longTaskTotal = 0;
  });
}

/**
 * Runs `scenario` on `path` with ChipLens paused (the page's own work),
 * then on; returns each run's longest task. A long task is 50 ms or more,
 * so a page with none counts as 50.
 */
async function longestTasks(path: string, scenario: (page: Page, on: boolean) => Promise<void>): Promise<{ own: number; withChipLens: number }> {
  const run = async (on: boolean) => {
    const page = await open(path);
    await scenario(page, on);
    const tasks = await longTasks(page);
    await page.close();
    return tasks;
  };
  await setSettings({ paused: true });
  const own = await run(false);
  await setSettings({});
  const withChipLens = await run(true);
  console.log(`${path}: long tasks, page alone ${JSON.stringify(own)}, with ChipLens ${JSON.stringify(withChipLens)} (ms)`);
  return { own: Math.max(own.longest, 50), withChipLens: Math.max(withChipLens.longest, 50) };
}

describe('busy pages stay responsive', () => {
  it("an append storm (20,000 blocks, a thousand per task) costs no task longer than twice the page's own", async () => {
    const { own, withChipLens } = await longestTasks('/pages/append-storm.html', async (page, on) => {
      if (on) await settledHighlights(page, { atLeast: 2 });
      await resetLongTasks(page);
      await page.evaluate(() => (window as unknown as { storm: () => Promise<number> }).storm());
      // Every tenth block names Huawei and the Ascend 910B: 4,000 more highlights (less any held below the fold).
      if (on) await settledHighlights(page, { atLeast: 1000, timeout: 60_000 });
      else await page.waitForTimeout(2_000);
    });
    expect(withChipLens, `own ${own} ms`).toBeLessThanOrEqual(2 * own);
  });

  it("a live ticker (3,000 cells rewritten every second) costs no task longer than twice the page's own", async () => {
    const { own, withChipLens } = await longestTasks('/pages/live-ticker.html', async (page, on) => {
      if (on) await settledHighlights(page, { atLeast: 2 });
      // The table's first drawing is the page's own work: only its updates count.
      await resetLongTasks(page);
      const start = await page.evaluate(() => (window as unknown as { ticks: () => number }).ticks());
      await page.waitForFunction((start) => (window as unknown as { ticks: () => number }).ticks() >= start + 5, start, { timeout: 30_000 });
    });
    expect(withChipLens, `own ${own} ms`).toBeLessThanOrEqual(2 * own);
  });

  it("a comment with 64,000 combining marks costs no task longer than twice the page's own, and the names after it are found", async () => {
    const { own, withChipLens } = await longestTasks('/pages/combining-marks.html', async (page, on) => {
      if (on) await settledHighlights(page, { atLeast: 2, timeout: 30_000 });
      else await page.waitForTimeout(2_000);
    });
    expect(withChipLens, `own ${own} ms`).toBeLessThanOrEqual(2 * own);
    const page = await open('/pages/combining-marks.html');
    const highlights = await settledHighlights(page, { atLeast: 3, timeout: 30_000 });
    expect(highlights.company).toContain('Huawei');
    expect(highlights.chip).toContain('NVIDIA H20');
    await page.close();
  });

  it("a 5 MB text node is read in slices: no task longer than twice the page's own, and highlights are capped", async () => {
    const { own, withChipLens } = await longestTasks('/pages/huge-node.html', async (page, on) => {
      if (on) await settledHighlights(page, { atLeast: 10, timeout: 30_000 });
      else await page.waitForTimeout(3_000);
    });
    expect(withChipLens, `own ${own} ms`).toBeLessThanOrEqual(2 * own);
    // The popup has the whole page read: ChipLens stops at its limit, and says so.
    const page = await open('/pages/huge-node.html');
    await settledHighlights(page, { atLeast: 10, timeout: 30_000 });
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    const notice = popup.locator('.on-page [data-limit]');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.innerText()).toMatch(/stopped reading this page after 100,000 names/);
    await popup.close();
    const highlights = total(await readHighlights(page));
    expect(highlights).toBeGreaterThan(1000);
    expect(highlights).toBeLessThanOrEqual(100_000);
    await page.close();
  });
});

describe('the tooltip belongs to the user', () => {
  let page: Page;

  /** The hostile page's script without its CSS against the tooltip, with the tooltip of NVIDIA H20 open. */
  async function hoveredWithoutHostileCss() {
    const plain = await open('/pages/hostile-tooltip.html?plain');
    await settledHighlights(plain, { atLeast: 2 });
    return { plain, card: await hoverForCard(plain, 'NVIDIA H20') };
  }

  beforeAll(async () => {
    await setSettings({});
    page = await open('/pages/hostile-tooltip.html');
    await settledHighlights(page, { atLeast: 2 });
  });

  it('does not open for synthetic pointer events', async () => {
    // A page with no CSS against the tooltip, where it would show if opened.
    const plain = await open('/pages/each-kind.html');
    await settledHighlights(plain, { atLeast: 4 });
    const { x, y } = await pointOf(plain, 'NVIDIA H20');
    for (let i = 0; i < 5; i++) {
      await plain.evaluate(
        ({ x, y }) => {
          const target = document.elementFromPoint(x, y) ?? document.body;
          for (const type of ['pointerover', 'pointermove', 'mousemove']) {
            target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true, pointerType: 'mouse' }));
          }
        },
        { x, y },
      );
      await plain.waitForTimeout(100);
    }
    // Longer than the hover delay (300 ms by default) and the tooltip's loading.
    await plain.waitForTimeout(1_500);
    expect(await tooltipState(plain)).toBeUndefined();
    // The user's own pointer still opens it there.
    expect(await (await hoverForCard(plain, 'NVIDIA H20')).attribute('data-entry-id')).toBe('nvidia-h20');
    await plain.close();
  });

  it('cannot be read or rewritten by the page', async () => {
    const { plain, card } = await hoveredWithoutHostileCss();
    const before = await card.text('[data-status]');
    const hostile = await plain.evaluate(() => {
      const h = (window as unknown as { hostile: { host(): Element | null; read(): string | null; rewrite(): boolean } }).hostile;
      return { host: h.host() !== null, read: h.read(), rewrote: h.rewrite() };
    });
    expect(hostile).toEqual({ host: true, read: null, rewrote: false });
    expect(await card.text('[data-status]')).toBe(before);
    expect(before).not.toContain('No licence needed');
    await plain.close();
  });

  it("stays visible and on top whatever the page's CSS says", async () => {
    const card = await hoverForCard(page, 'NVIDIA H20');
    const box = (await card.box())!;
    expect(box.width).toBeGreaterThan(100);
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // Placed below the name, over the page's own full-width cover.
    expect(centre.y).toBeGreaterThan(120);
    const seen = await page.evaluate(({ x, y }) => (window as unknown as { hostile: { seen(x: number, y: number): unknown } }).hostile.seen(x, y), centre);
    expect(seen).toEqual({ onTop: true, display: 'block', visibility: 'visible', opacity: '1' });
  });

  it('opens no tab for scripted clicks, and exactly one per click of the user', async () => {
    const { plain, card } = await hoveredWithoutHostileCss();
    const centre = await card.centre('.more');
    const before = browser.context.pages().length;
    const clicked = await plain.evaluate(
      ({ x, y }) => (window as unknown as { hostile: { clickMore(x: number, y: number, times: number): number } }).hostile.clickMore(x, y, 5),
      centre,
    );
    expect(clicked).toBe(0);
    await plain.waitForTimeout(1_000);
    expect(browser.context.pages().length).toBe(before);
    await plain.mouse.click(centre.x, centre.y);
    await expect.poll(() => browser.context.pages().length).toBe(before + 1);
    await plain.waitForTimeout(1_000);
    expect(browser.context.pages().length).toBe(before + 1);
    await browser.context.pages().at(-1)!.close();
    await plain.close();
  });

  afterAll(async () => {
    await page?.close();
  });
});

describe('silent when off', () => {
  /** Everything a page can see of ChipLens without hovering: its timeline entries, highlight names and styles, sheets and elements. */
  async function traces(page: Page) {
    return page.evaluate(() => {
      const probe = document.querySelector('p')!;
      const style = (name: string) => {
        const s = getComputedStyle(probe, `::highlight(${name})`);
        return `${s.backgroundColor} ${s.textDecorationLine} ${s.color}`;
      };
      const unknown = style('no-such-highlight');
      return {
        timeline: performance
          .getEntries()
          .filter((e) => /chiplens/i.test(e.name))
          .map((e) => e.name),
        highlights: [...CSS.highlights.keys()],
        styledNames: [
          'chiplens-chip',
          'chiplens-company',
          'chiplens-model',
          'chiplens-rule',
          'chiplens-flash',
          'chiplens-chip-background',
          'chiplens-chip-repeat',
        ].filter((n) => style(n) !== unknown),
        sheets: document.adoptedStyleSheets.length + document.styleSheets.length,
        elements: document.querySelectorAll('*').length,
      };
    });
  }

  it.each([
    ['paused everywhere', { paused: true }],
    ['off for the site', { disabledSites: ['127.0.0.1'] }],
  ] satisfies [string, Partial<Settings>][])('leaves no trace a page can see when %s', async (_, settings) => {
    const reference = await open('/pages/each-kind.html');
    const expected = {
      timeline: [],
      highlights: [],
      styledNames: [],
      sheets: 0,
      elements: await reference.evaluate(() => document.querySelectorAll('*').length),
    };
    await reference.close();
    await setSettings(settings);
    const page = await open('/pages/each-kind.html');
    // Time for anything ChipLens would do on load.
    await page.waitForTimeout(1_500);
    expect(await traces(page)).toEqual(expected);
    expect(total(await readHighlights(page))).toBe(0);
    // Nor does it spend the page's thread reading its names there (asked as the popup asks).
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    const info = await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id!, { type: 'page-info' }), tabId);
    expect(info).toMatchObject({ ok: true, value: { active: false, startup: { early: false, warm: false, tableRead: false } } });
    await page.close();
    await setSettings({});
  });

  it("puts no marks on the page's timeline while on either (they exist only in benchmark builds)", async () => {
    await setSettings({});
    const page = await open('/pages/each-kind.html');
    await settledHighlights(page, { atLeast: 4 });
    expect((await traces(page)).timeline).toEqual([]);
    await page.close();
  });
});
