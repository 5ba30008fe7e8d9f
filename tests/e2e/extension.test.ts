// ChipLens as a user meets it: the built extension in headless Chromium,
// on news pages served from 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { labelProblems, loadFixture } from '../labels';
import { launchWithExtension, readHighlights, settledHighlights, total, type ExtensionBrowser } from './browser';
import { hoverForCard, inTooltip, waitForCard, waitForNoCard } from './tooltip-probe';

const RESULTS = join(__dirname, '../../test-results');
const SEED = '01-ru-servernews-seed';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await startFixtureServer();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openArticle(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** The id of the tab the popup should act on: the one the user is looking at. */
async function activeTabId(): Promise<number> {
  const id = await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
  return popup;
}

/** The kinds and counts the popup lists under "On this page" for the active tab, once it shows them. */
async function listedCounts(): Promise<string[]> {
  const popup = await openPopup(await activeTabId());
  const section = popup.locator('.on-page');
  await section.waitFor();
  const counts = await section.locator('h3').allInnerTexts();
  await popup.close();
  return counts;
}

/** What the tab's content script says about its page (undefined until it answers). */
async function pageInfo(page: Page): Promise<unknown> {
  await page.bringToFront();
  const tabId = await activeTabId();
  return browser.worker.evaluate(
    (id) =>
      chrome.tabs.sendMessage(id, { type: 'page-info' }).then(
        (reply: { value?: unknown }) => reply?.value,
        () => undefined,
      ),
    tabId,
  );
}

const tooltipFor = hoverForCard;

describe('seed article', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openArticle(`/fixtures/${SEED}.html`);
  });

  it('highlights every labelled chip, company, model and rule, with a style per kind, and nothing else', async () => {
    const { body, labels } = loadFixture(SEED);
    const highlights = await settledHighlights(page, { atLeast: 20 });
    // In the page only the kind is visible, so labels are checked by kind here
    // (the unit test checks entry ids on the same text).
    const found = Object.entries(highlights).flatMap(([kind, texts]) => texts.map((text) => ({ text, id: kind })));
    const byKind = labels.map((l) => ({ ...l, id: l.kind }));
    expect(labelProblems(body, byKind, found)).toEqual([]);
    for (const kind of ['chip', 'company', 'model', 'rule']) expect(highlights[kind]!.length, kind).toBeGreaterThan(0);
    await page.screenshot({ path: join(RESULTS, 'seed-article.png') });
  });

  it('reads the settings and names, and runs the matcher once, as the page starts loading, so they are ready when it is parsed', async () => {
    // A page of its own, opened once the fresh install has published its
    // names: the first one may open before, and then rightly reads them again.
    await expect.poll(() => browser.worker.evaluate(async () => typeof (await chrome.storage.local.get('aliasTable')).aliasTable)).toBe('string');
    const fresh = await openArticle(`/fixtures/${SEED}.html`);
    await settledHighlights(fresh, { atLeast: 20 });
    // Asked the way the popup asks, not read from the page: ChipLens puts nothing on the page's timeline.
    const tabId = await activeTabId();
    const info = (await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'page-info' }), tabId)) as {
      ok: boolean;
      value: { startup?: unknown };
    };
    await fresh.close();
    expect(info.ok).toBe(true);
    expect(info.value.startup).toEqual({ early: true, warm: true, tableRead: true });
  });

  it('adds nothing to the page DOM until a tooltip opens', async () => {
    const fresh = await openArticle(`/fixtures/${SEED}.html`);
    await settledHighlights(fresh, { atLeast: 20 });
    // The page as served, parsed without running anything, against the page as it is now.
    const elements = await fresh.evaluate(async () => {
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const names = (doc: Document) => [...doc.querySelectorAll('*')].map((el) => el.localName);
      return { served: names(served), now: names(document) };
    });
    await fresh.close();
    expect(elements.now.length).toBeGreaterThan(10);
    expect(elements.now).toEqual(elements.served);
  });

  it('loads the tooltip code only on the first hover, from an address pages cannot guess', async () => {
    const fresh = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(fresh);
    const requested: string[] = [];
    cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => requested.push(event.request.url));
    await cdp.send('Network.enable');
    await fresh.goto(`${server.origin}/fixtures/${SEED}.html`);
    await settledHighlights(fresh, { atLeast: 20 });
    const tooltipCode = () => requested.filter((url) => url.endsWith('/src/content/tooltip.js'));
    expect(tooltipCode()).toEqual([]);
    await tooltipFor(fresh, 'NVIDIA H20');
    // Asked for at a per-session address, not at the extension's id (which
    // Chromium then resolves internally): a page cannot probe for it.
    expect(tooltipCode().length).toBeGreaterThan(0);
    expect(new URL(tooltipCode()[0]!).host).not.toBe(browser.extensionId);
    const probe = await fresh.evaluate(
      (url) =>
        fetch(url).then(
          () => 'fetched',
          () => 'refused',
        ),
      `chrome-extension://${browser.extensionId}/src/content/tooltip.js`,
    );
    expect(probe).toBe('refused');
    await fresh.close();
  });

  it('shows the facts of NVIDIA H20 with its export status on hover, and closes on Escape', async () => {
    const card = await tooltipFor(page, 'NVIDIA H20');
    expect(await card.attribute('data-entry-id')).toBe('nvidia-h20');
    const text = await card.text();
    expect(text).toContain('NVIDIA H20');
    // The page is Russian, so the tooltip is too.
    expect(text).toContain('Экспортный контроль: Китай');
    const status = await card.text('[data-status]');
    // A date as the reader's language writes it: a year, a month or a day.
    expect(status).toMatch(/\d{4}/);
    const links = await card.attributes('.sources a', 'href');
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^https:\/\//);
    await page.screenshot({ path: join(RESULTS, 'tooltip-nvidia-h20.png') });
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
  });

  it('shows a sourced tooltip for every highlighted term', async () => {
    const highlights = await settledHighlights(page, { atLeast: 20 });
    const terms = [...new Set(Object.values(highlights).flat())];
    // Every distinct labelled spelling is among them: none at all is a failure, not a pass.
    const labelled = new Set(
      loadFixture(SEED)
        .labels.filter((l) => !l.optional)
        .map((l) => l.text),
    );
    expect(labelled.size).toBeGreaterThan(5);
    expect(terms.length).toBeGreaterThanOrEqual(labelled.size);
    const report: string[] = [];
    for (const term of terms) {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await waitForNoCard(page);
      const card = await tooltipFor(page, term);
      const id = await card.attribute('data-entry-id');
      expect(id, term).toMatch(/^[a-z0-9-]+$/);
      const title = await card.text('.title');
      const status = (await card.count('[data-status]')) > 0 ? (await card.text('[data-status]')).replace(/\s+/g, ' ') : '—';
      const sources = await card.count('.sources li');
      expect(sources, term).toBeGreaterThan(0);
      report.push(`${term} → ${id} «${title}» · ${status} · ${sources} source(s)`);
    }
    writeFileSync(join(RESULTS, 'seed-hover-report.txt'), `${report.join('\n')}\n`);
  });
});

// Beyond the seed, one corpus article per language end to end: the page
// shows what the hand labels say (by kind), and nothing else.
const PER_LANGUAGE = {
  en: '03-en-techradar-h200-huawei-ascend-910c',
  ru: '11-ru-vedomosti-nvidia-h200-export-approval',
  zh: '17-zh-gfan-nvidia-h20-export-approval',
};

describe.each(Object.entries(PER_LANGUAGE))('%s corpus article', (lang, name) => {
  it(`highlights the labelled mentions of ${name}`, async () => {
    const { body, labels, lang: fixtureLang } = loadFixture(name);
    expect(fixtureLang).toBe(lang);
    const page = await openArticle(`/fixtures/${name}.html`);
    const required = labels.filter((l) => !l.optional).length;
    const highlights = await settledHighlights(page, { atLeast: required, within: 'article > p:not(.source)' });
    const found = Object.entries(highlights).flatMap(([kind, texts]) => texts.map((text) => ({ text, id: kind })));
    expect(
      labelProblems(
        body,
        labels.map((l) => ({ ...l, id: l.kind })),
        found,
      ),
    ).toEqual([]);
    await page.screenshot({ path: join(RESULTS, `article-${lang}.png`) });
    await page.close();
  });
});

describe('tooltips of every kind', () => {
  it.each([
    ['chip', 'NVIDIA H20'],
    ['company', 'Huawei'],
    ['model', 'Qwen'],
    ['rule', 'AI Diffusion Rule'],
  ])('a %s tooltip shows numbered sources and the as-of date', async (kind, term) => {
    const page = await openArticle('/pages/each-kind.html');
    await settledHighlights(page, { atLeast: 4 });
    const card = await tooltipFor(page, term);
    expect(await card.attribute('class')).toContain(`kind-${kind}`);
    expect(await card.count('.sources li')).toBeGreaterThan(0);
    expect(await card.count('.cite')).toBeGreaterThan(0);
    expect(await card.text('footer')).toMatch(/Facts as of \d{1,2} [A-Z][a-z]+ \d{4}/);
    await page.screenshot({ path: join(RESULTS, `tooltip-${kind}.png`) });
    await page.close();
  });
});

describe('Traditional Chinese', () => {
  it.each([
    // A page in Taiwan's Chinese gets Taiwan's terms, Hong Kong's its own;
    // an undeclared page whose text is Traditional gets Traditional.
    ['zh-TW', '晶片', /通訊裝置/],
    ['zh-HK', '芯片', /通信設備/],
    ['undeclared', '晶片', /通訊裝置/],
  ])('finds names written in Traditional characters and shows the tooltip in Traditional on a %s page', async (variant, kindLabel, traditional) => {
    const page = await openArticle(`/pages/traditional-${variant}.html`);
    const found = await settledHighlights(page, { atLeast: 3 });
    expect(found.company).toEqual(expect.arrayContaining(['華為', '臺積電']));
    const card = await tooltipFor(page, '華為');
    expect(await card.attribute('class')).toContain('kind-company');
    expect(await card.text('.summary')).toMatch(traditional);
    // No Simplified character where the scripts differ.
    expect(await card.text('.summary')).not.toMatch(/[华为这个们发过进设据网请选择显数语]/);
    await page.keyboard.press('Escape');
    const chip = await tooltipFor(page, 'H20');
    expect(await chip.text('.kind')).toBe(kindLabel);
    await page.screenshot({ path: join(RESULTS, `tooltip-traditional-${variant}.png`) });
    await page.close();
  });
});

describe('then and now', () => {
  it("shows NVIDIA H20's status when a 2023 page was written beside today's", async () => {
    const page = await openArticle('/pages/dated-2023.html');
    await settledHighlights(page, { atLeast: 2 });
    const card = await tooltipFor(page, 'NVIDIA H20');
    const then = await card.text('[data-then]');
    expect(then).toContain('When this was written (5 December 2023)');
    expect(then).toContain('No licence needed');
    expect(await card.text('[data-now]')).toMatch(/^Now: /);
    await page.screenshot({ path: join(RESULTS, 'tooltip-then-and-now.png') });
    await page.close();
  });

  it("shows only today's status on a page that gives no date", async () => {
    const page = await openArticle(`/fixtures/${SEED}.html`);
    await settledHighlights(page, { atLeast: 20 });
    const card = await tooltipFor(page, 'NVIDIA H20');
    expect(await card.count('[data-then]')).toBe(0);
    await page.close();
  });
});

describe('tooltip controls', () => {
  it('pins a tooltip open, opens the entry in ChipLens with "more", and steps through highlights from the keyboard', async () => {
    const page = await openArticle(`/fixtures/${SEED}.html`);
    await settledHighlights(page, { atLeast: 20 });
    // Unpinned, the tooltip closes once the pointer leaves (within a second).
    await tooltipFor(page, 'NVIDIA H20');
    const left = Date.now();
    await page.mouse.move(5, 5, { steps: 3 });
    await waitForNoCard(page, 2_000);
    const closedAfter = Date.now() - left;
    const card = await tooltipFor(page, 'NVIDIA H20');
    // The seed page is Russian, so is its tooltip.
    await card.clickButton('Закрепить');
    await expect.poll(() => card.buttonAttribute('Закрепить', 'aria-pressed')).toBe('true');
    // Pinned: moving away does not close it, well past the time the unpinned one took.
    await page.mouse.move(5, 5, { steps: 3 });
    await page.waitForTimeout(Math.max(800, 3 * closedAfter));
    expect(await card.isVisible()).toBe(true);
    const opened = browser.context.waitForEvent('page');
    await card.clickButton('Подробнее в ChipLens');
    const entryPage = await opened;
    await entryPage.locator('.detail [data-entry-id="nvidia-h20"]').waitFor();
    await entryPage.close();
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    // The "next highlight" command, as the background sends it to the tab.
    const tabId = await activeTabId();
    const step = (by: 1 | -1) => browser.worker.evaluate(({ id, by }) => chrome.tabs.sendMessage(id, { type: 'step', by }), { id: tabId, by });
    const shown = async () => (await waitForCard(page)).attribute('data-entry-id');
    expect(await step(1)).toMatchObject({ ok: true, value: { index: 0 } });
    const first = await waitForCard(page);
    expect(
      await inTooltip(page, function (this: ShadowRoot) {
        return this.querySelector('[role="tooltip"]')?.getAttribute('aria-live');
      }),
    ).toBe('polite');
    const firstId = await shown();
    // Next goes to the second highlight, previous back to the first, and previous again wraps round to the last.
    const second = await step(1);
    expect(second).toMatchObject({ ok: true, value: { index: 1 } });
    await expect.poll(shown).not.toBe(firstId);
    expect(await step(-1)).toMatchObject({ ok: true, value: { index: 0 } });
    await expect.poll(shown).toBe(firstId);
    const count = (second as { value: { total: number } }).value.total;
    expect(await step(-1)).toMatchObject({ ok: true, value: { index: count - 1, total: count } });
    expect(await first.isVisible()).toBe(true);
    await page.close();
  });

  it("declares its keyboard commands, described in the browser's shortcut settings", async () => {
    // The browser assigns the suggested keys (Alt+Shift+N/P) when they are free;
    // this automated profile leaves them for the user to set.
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.filter((c) => c.name !== '_execute_action').map((c) => [c.name, c.description])).toEqual([
      ['next-mention', 'Go to the next highlight and open its tooltip'],
      ['previous-mention', 'Go to the previous highlight and open its tooltip'],
    ]);
  });
});

describe('tooltip placement', () => {
  it('keeps the tooltip inside the viewport near its edges and inside scrolled containers', async () => {
    const page = await openArticle('/pages/edges.html');
    await settledHighlights(page, { atLeast: 2 });
    const viewport = page.viewportSize()!;
    const inside = async () => {
      const box = (await (await waitForCard(page)).box())!;
      return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
    };
    for (const text of ['NVIDIA', 'Alibaba']) {
      await tooltipFor(page, text);
      expect(await inside(), text).toBe(true);
      await page.keyboard.press('Escape');
    }
    await page.locator('#box').evaluate((el) => (el.scrollTop = 330));
    await page.waitForTimeout(150);
    await tooltipFor(page, 'Huawei');
    expect(await inside()).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'tooltip-edges.png') });
    await page.close();
  });

  it('fits a long card inside the viewport when the name sits in the middle of the screen, down to 360 px wide', async () => {
    const page = await openArticle('/pages/mid-screen.html');
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1280, height: 600 },
      { width: 360, height: 640 },
    ]) {
      await page.setViewportSize(size);
      await settledHighlights(page, { atLeast: 2 });
      for (const nth of [0, 1]) {
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
        await waitForNoCard(page);
        const card = await tooltipFor(page, 'H20', nth);
        const box = (await card.box())!;
        const where = `${size.width}×${size.height}, mention ${nth}: card at ${JSON.stringify(box)}`;
        expect(box.y, where).toBeGreaterThanOrEqual(0);
        expect(box.x, where).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, where).toBeLessThanOrEqual(size.height);
        expect(box.x + box.width, where).toBeLessThanOrEqual(size.width);
        // Room for the first lines at least: not squeezed to nothing.
        expect(box.height, where).toBeGreaterThan(120);
      }
      await page.screenshot({ path: join(RESULTS, `tooltip-mid-screen-${size.width}x${size.height}.png`) });
    }
    await page.close();
  });
});

describe('page structure', () => {
  it('finds names split by inline markup, skips form fields and editors, keeps word boundaries, and follows new content', async () => {
    const page = await openArticle('/pages/inline-markup.html');
    await page.waitForSelector('#late');
    const before = await settledHighlights(page, { atLeast: 9 });
    // "Kimi" needs its maker or a context word on the page: not yet.
    expect(before.model).toEqual([]);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Moonshot AI shipped an update.';
      document.body.append(p);
    });
    const highlights = await settledHighlights(page, { atLeast: 11 });
    // Not Tencent: it is written in an inline editor and in a script.
    expect(highlights.company!.sort()).toEqual(['Alibaba', 'Baidu', 'DeepSeek', 'Huawei', 'Moonshot AI', 'NVIDIA']);
    expect(highlights.chip!.sort()).toEqual(['H20', 'H200', 'NVIDIA H800']);
    expect(highlights.rule).toEqual(['EAR']);
    // Added content that names Moonshot AI makes the earlier "Kimi" count.
    expect(highlights.model).toEqual(['Kimi']);
  });
});

describe('long pages', () => {
  it('places the names far below the viewport as the reader scrolls near them, and still counts them all', async () => {
    const page = await openArticle('/pages/many-mentions.html');
    // A thousand ahead of the viewport, not all 1,500.
    const before = total(await settledHighlights(page, { atLeast: 1000 }));
    expect(before).toBeGreaterThanOrEqual(1000);
    expect(before).toBeLessThan(1500);
    expect(await listedCounts()).toEqual(['CHIP 300', 'COMPANY 750', 'AI MODEL 150', 'EXPORT RULE 300']);
    // Scrolled to a paragraph past the first thousand: it is highlighted, the last ones not yet.
    const last = '#list p:last-child';
    expect(total(await readHighlights(page, last))).toBe(0);
    await page.evaluate(() => document.querySelector('#list p:nth-child(130)')!.scrollIntoView());
    expect(total(await settledHighlights(page, { atLeast: 10, within: '#list p:nth-child(130)' }))).toBe(10);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(total(await settledHighlights(page, { atLeast: 10, within: last }))).toBe(10);
    expect(total(await settledHighlights(page, { atLeast: 1500 }))).toBe(1500);
    await page.close();
  });

  it('after a jump to the end, places only the names near the viewport, and those further up as the reader scrolls back', async () => {
    // 4,000 mentions: a thousand ahead of the first screen, a thousand behind the last.
    const page = await openArticle('/pages/many-mentions.html?paragraphs=400');
    expect(total(await settledHighlights(page, { atLeast: 1000 }))).toBeLessThan(1500);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(total(await settledHighlights(page, { atLeast: 10, within: '#list p:last-child' }))).toBe(10);
    const atEnd = total(await settledHighlights(page, { atLeast: 2000 }));
    expect(atEnd).toBeLessThan(2500);
    // The middle of the page was neither near the first screen nor near the end.
    const middle = '#list p:nth-child(200)';
    expect(total(await readHighlights(page, middle))).toBe(0);
    await page.evaluate((middle) => document.querySelector(middle)!.scrollIntoView(), middle);
    expect(total(await settledHighlights(page, { atLeast: 10, within: middle }))).toBe(10);
    expect(total(await readHighlights(page))).toBeGreaterThan(atEnd);
    // The popup still counts every mention.
    expect(await listedCounts()).toEqual(['CHIP 800', 'COMPANY 2000', 'AI MODEL 400', 'EXPORT RULE 800']);
    await page.close();
  });

  it('forgets waiting paragraphs that leave the page, and still places the end after a jump', async () => {
    const page = await openArticle('/pages/many-mentions.html?paragraphs=400');
    expect(total(await settledHighlights(page, { atLeast: 1000 }))).toBeLessThan(1500);
    // Paragraphs 150 to 300 wait to be placed; the page drops them, and the reader jumps to the end.
    await page.evaluate(() => {
      for (const p of [...document.querySelectorAll('#list p')].slice(149, 300)) p.remove();
      window.scrollTo(0, document.documentElement.scrollHeight);
    });
    expect(total(await settledHighlights(page, { atLeast: 10, within: '#list p:last-child' }))).toBe(10);
    const popup = await openPopup(await activeTabId());
    const section = popup.locator('.on-page');
    await section.waitFor();
    await expect.poll(() => section.locator('h3').allInnerTexts()).toEqual(['CHIP 498', 'COMPANY 1245', 'AI MODEL 249', 'EXPORT RULE 498']);
    await popup.close();
    await page.close();
  });

  it('reads a long page only so far below the viewport, the rest when the popup lists it or the reader scrolls there', async () => {
    const page = await openArticle('/pages/far-names.html');
    expect(total(await settledHighlights(page, { atLeast: 1 }))).toBe(1);
    // 100,000 characters down: not read yet, so not highlighted (the page has far fewer than a thousand names).
    expect(total(await readHighlights(page, '#far'))).toBe(0);
    // The popup's list needs every name on the page: it has the rest read first.
    expect(await listedCounts()).toEqual(['CHIP 2', 'COMPANY 1']);
    await page.close();
    const again = await openArticle('/pages/far-names.html');
    expect(total(await settledHighlights(again, { atLeast: 1 }))).toBe(1);
    await again.evaluate(() => document.getElementById('far')!.scrollIntoView());
    expect((await settledHighlights(again, { atLeast: 2, within: '#far' })).chip!.sort()).toEqual(['Ascend 910B', 'NVIDIA H20']);
    await again.close();
  });

  it('says it is reading a very long page before the popup lists what it mentions', async () => {
    // 17 MB of text: the popup waits about a second for the page to be read to its end.
    const page = await openArticle('/pages/far-names.html?paragraphs=30000');
    expect(total(await settledHighlights(page, { atLeast: 1 }))).toBe(1);
    const popup = await openPopup(await activeTabId());
    await popup.getByText('Reading the page…').waitFor();
    const section = popup.locator('.on-page');
    await section.waitFor({ timeout: 30_000 });
    expect(await section.locator('h3').allInnerTexts()).toEqual(['CHIP 2', 'COMPANY 1']);
    expect(await popup.getByText('Reading the page…').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('goes on reading below the viewport after the page removes the place where reading paused', async () => {
    const page = await openArticle('/pages/far-names.html');
    expect(total(await settledHighlights(page, { atLeast: 1 }))).toBe(1);
    // Reading paused about 30,000 characters down, some fifty paragraphs into the filler.
    await page.evaluate(() => {
      for (const p of [...document.querySelectorAll('#filler p')].slice(20)) p.remove();
      document.getElementById('far')!.scrollIntoView();
    });
    expect((await settledHighlights(page, { atLeast: 2, within: '#far' })).chip!.sort()).toEqual(['Ascend 910B', 'NVIDIA H20']);
    // Started again from the top, it did not paint the first name twice.
    expect(total(await readHighlights(page))).toBe(3);
    await page.close();
  });

  it('after a jump far down, reads and paints the screen it lands on before the page above it', async () => {
    // 20,000 mentions: reading the 19,000 between the first screen and the end takes dozens of slices.
    const page = await openArticle('/pages/many-mentions.html?paragraphs=2000');
    const before = total(await settledHighlights(page, { atLeast: 1000 }));
    expect(before).toBeLessThan(1500);
    const atLanding = await page.evaluate(async () => {
      const last = document.querySelector('#list p:last-child')!;
      const count = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
      const shown = () =>
        [...(CSS.highlights.get('chiplens-company') ?? []), ...(CSS.highlights.get('chiplens-company-repeat') ?? [])].some((r) =>
          last.contains((r as AbstractRange).startContainer),
        );
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise<void>((resolve) => {
        const look = () => (shown() ? resolve() : requestAnimationFrame(look));
        look();
      });
      return count();
    });
    // The screen first: when it shows, what was added is about a screen's
    // names (a few hundred), not the thousand above the screen that are
    // placed once the page above it is read.
    expect(atLanding - before).toBeLessThan(600);
    // Then the page above is read, and the last thousand names above the screen placed.
    expect(total(await settledHighlights(page, { atLeast: 2000 }))).toBeLessThan(2500);
    await page.close();
  });

  it('after a second jump while the page above the first is still being read, places the names just above the second', async () => {
    // 40,000 mentions: the first jump, nine tenths down, leaves 36,000 above it to read.
    const page = await openArticle('/pages/many-mentions.html?paragraphs=4000');
    expect(total(await settledHighlights(page, { atLeast: 1000 }))).toBeLessThan(1500);
    await page.evaluate(async () => {
      window.scrollTo(0, document.documentElement.scrollHeight * 0.9);
      // Past the scroll probe (100 ms and a frame), not past the reading of the 3,600 paragraphs above.
      await new Promise((resolve) => setTimeout(resolve, 160));
      window.scrollTo(0, document.documentElement.scrollHeight);
    });
    expect(total(await settledHighlights(page, { atLeast: 10, within: '#list p:nth-last-child(30)' }))).toBe(10);
    await page.close();
  });

  it('walks through the mentions of one name down to those not placed yet', async () => {
    const page = await openArticle('/pages/many-mentions.html');
    expect(total(await settledHighlights(page, { atLeast: 1000 }))).toBeLessThan(1500);
    const popup = await openPopup(await activeTabId());
    const alibaba = popup.locator('.on-page [data-entry-id="alibaba"]');
    await alibaba.waitFor();
    await alibaba.click();
    await expect.poll(() => alibaba.innerText()).toContain('1 of 150');
    await popup.close();
    // Every Alibaba was placed for the walk, and the paragraphs they sit in with it.
    expect(total(await settledHighlights(page, { atLeast: 1500 }))).toBe(1500);
    await page.close();
  });
});

describe('popup', () => {
  it('searches as you type, forgiving typos in three languages, filters by kind, and works by keyboard', async () => {
    const popup = await openPopup(await activeTabId());
    const search = popup.getByRole('searchbox');
    const first = () => popup.locator('.result').first().getAttribute('data-entry-id');
    for (const [query, id] of [
      ['nvdia', 'nvidia'],
      ['хуавей', 'huawei'],
      ['昇腾', 'huawei-ascend'],
    ] as const) {
      await search.fill(query);
      await expect.poll(first).toBe(id);
    }
    await search.fill('nvidia');
    await popup.getByRole('button', { name: 'Chip', exact: true }).click();
    await expect.poll(async () => (await popup.locator('.result .kind').allInnerTexts()).every((k) => /chip/i.test(k))).toBe(true);
    await popup.getByRole('button', { name: 'All', exact: true }).click();
    await search.fill('h20');
    await expect.poll(first).toBe('nvidia-h20');
    await search.press('ArrowDown');
    const second = await popup.locator('.result').nth(1).getAttribute('data-entry-id');
    expect(await search.getAttribute('aria-activedescendant')).toBe(`result-${second}`);
    await search.press('ArrowUp');
    await search.press('Enter');
    const detail = popup.locator('.detail [data-entry-id="nvidia-h20"]');
    await detail.waitFor();
    // Related entries can be followed, and Back returns step by step.
    await popup.locator('.detail .related-entry[data-entry-id="nvidia"]').click();
    await popup.locator('.detail [data-chiplens-state="ready"][data-entry-id="nvidia"]').waitFor();
    await popup.locator('.detail .back').click();
    expect(await popup.locator('.detail .back').count()).toBe(1);
    await detail.waitFor();
    await popup.close();
  });

  it('lists what the page mentions by kind, and walks through the mentions of one', async () => {
    const article = await openArticle(`/fixtures/${SEED}.html`);
    await settledHighlights(article, { atLeast: 20 });
    const tabId = await activeTabId();
    const popup = await openPopup(tabId);
    const section = popup.locator('.on-page');
    await section.waitFor();
    const groups = await section.locator('h3').allInnerTexts();
    // innerText shows the CSS upper case; the counts are the seed's labels.
    expect(groups).toEqual(['CHIP 1', 'COMPANY 15', 'AI MODEL 3', 'EXPORT RULE 2']);
    // It leads the popup, above the search box.
    expect(
      await popup.evaluate(
        () => document.querySelector('.on-page')!.compareDocumentPosition(document.getElementById('search')!) === Node.DOCUMENT_POSITION_FOLLOWING,
      ),
    ).toBe(true);
    // Each name shows its latest status, in words, and its kind's colour and underline style.
    await expect.poll(() => section.locator('[data-entry-id="nvidia-h20"] [data-status]').innerText()).toMatch(/^\S/);
    expect(await section.locator('[data-entry-id="nvidia-h20"] .kind-mark').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('double');
    expect(await section.locator('[data-entry-id="nvidia"] .kind-mark').evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('solid');
    const nvidia = section.locator('[data-entry-id="nvidia"]');
    // Seen: the name and ×4; heard: the name and "4 mentions".
    await expect.poll(() => nvidia.innerText()).toMatch(/^NVIDIA\s+×4\s+4 mentions$/);
    expect(await popup.getByRole('button', { name: 'NVIDIA 4 mentions', exact: true }).count()).toBe(1);
    const flashed = () =>
      article.evaluate(() => {
        const h = CSS.highlights.get('chiplens-flash');
        const r = h ? ([...h][0] as AbstractRange) : undefined;
        if (!r) return null;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return { text: range.toString(), top: range.getBoundingClientRect().top };
      });
    await nvidia.click();
    await expect.poll(() => nvidia.innerText()).toContain('1 of 4');
    expect((await flashed())?.text).toBe('NVIDIA');
    await nvidia.click();
    await expect.poll(() => nvidia.innerText()).toContain('2 of 4');
    await popup.screenshot({ path: join(RESULTS, 'popup-on-this-page.png') });
    await popup.close();
    await article.close();
  });

  it('finds NVIDIA H20 for "h20" and NVIDIA for "нвидиа"', async () => {
    await openArticle(`/fixtures/${SEED}.html`);
    const popup = await openPopup(await activeTabId());
    const search = popup.getByRole('searchbox');
    await search.fill('h20');
    await expect.poll(() => popup.locator('.result').first().getAttribute('data-entry-id')).toBe('nvidia-h20');
    await popup.screenshot({ path: join(RESULTS, 'popup-search-h20.png') });
    await search.fill('нвидиа');
    await expect.poll(() => popup.locator('.result').first().getAttribute('data-entry-id')).toBe('nvidia');
    await popup.locator('.result').first().click();
    await expect(popup.locator('.detail [data-entry-id="nvidia"]').innerText()).resolves.toContain('NVIDIA');
    await popup.close();
  });

  it('turns ChipLens off for the site, clearing the open page at once, and on again', async () => {
    const page = await openArticle(`/fixtures/${SEED}.html`);
    expect(total(await settledHighlights(page, { atLeast: 20 }))).toBeGreaterThanOrEqual(20);
    const popup = await openPopup(await activeTabId());
    const siteSwitch = popup.getByTestId('site-switch');
    await expect(siteSwitch.isChecked()).resolves.toBe(true);
    await expect(popup.locator('.site').innerText()).resolves.toContain('127.0.0.1');
    await siteSwitch.uncheck();
    await expect.poll(async () => total(await readHighlights(page)), { timeout: 3_000 }).toBe(0);
    // Remembered: a new page on the same host stays plain, as its content script says once it has run.
    const again = await openArticle(`/fixtures/${SEED}.html`);
    await expect.poll(() => pageInfo(again), { timeout: 5_000 }).toMatchObject({ active: false, host: '127.0.0.1' });
    expect(total(await readHighlights(again))).toBe(0);
    await siteSwitch.check();
    await expect.poll(async () => total(await readHighlights(page)), { timeout: 5_000 }).toBeGreaterThanOrEqual(20);
    await popup.close();
  });

  it('pauses ChipLens everywhere with one switch, and resumes it', async () => {
    const page = await openArticle(`/fixtures/${SEED}.html`);
    expect(total(await settledHighlights(page, { atLeast: 20 }))).toBeGreaterThanOrEqual(20);
    const popup = await openPopup(await activeTabId());
    const pause = popup.getByTestId('pause-switch');
    expect(await pause.isChecked()).toBe(false);
    await pause.check();
    await expect.poll(async () => total(await readHighlights(page)), { timeout: 3_000 }).toBe(0);
    expect(await popup.locator('.site').innerText()).toMatch(/paused/i);
    // The site switch agrees: off while paused, and not to be turned on.
    const siteSwitch = popup.getByTestId('site-switch');
    await expect.poll(() => siteSwitch.isChecked()).toBe(false);
    expect(await siteSwitch.isDisabled()).toBe(true);
    // Paused everywhere: a page on another host stays plain too.
    const other = await browser.context.newPage();
    await other.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/fixtures/${SEED}.html`);
    await expect.poll(() => pageInfo(other), { timeout: 5_000 }).toMatchObject({ active: false, host: 'localhost' });
    expect(total(await readHighlights(other))).toBe(0);
    await pause.uncheck();
    await expect.poll(() => siteSwitch.isChecked()).toBe(true);
    expect(await siteSwitch.isDisabled()).toBe(false);
    await expect.poll(async () => total(await readHighlights(page)), { timeout: 5_000 }).toBeGreaterThanOrEqual(20);
    await expect.poll(async () => total(await readHighlights(other)), { timeout: 5_000 }).toBeGreaterThanOrEqual(20);
    await other.close();
    await popup.close();
    await page.close();
  });
});

describe('first moments of a page', () => {
  it('highlights a page whose names were stored only while it loaded, as on a fresh install', async () => {
    // A page held up by a slow script: the early read at document_start finds
    // no names; they are stored before the page is parsed.
    let release!: () => void;
    const scriptRequested = new Promise<void>((resolve) => (release = resolve));
    const slow = createServer((req, res) => {
      if (req.url === '/slow.js') {
        release();
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/javascript' }).end('void 0;'), 1500);
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html lang="en"><body><script src="/slow.js"></script><p>NVIDIA H20 sales to China were restricted in April.</p></body></html>');
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const saved = await browser.worker.evaluate(async () => {
      const { aliasTable } = await chrome.storage.local.get('aliasTable');
      await chrome.storage.local.remove('aliasTable');
      return aliasTable as string;
    });
    try {
      const page = await browser.context.newPage();
      const loading = page.goto(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/`);
      await scriptRequested;
      await browser.worker.evaluate((table) => chrome.storage.local.set({ aliasTable: table }), saved);
      await loading;
      await expect.poll(async () => (await readHighlights(page)).chip ?? [], { timeout: 5_000 }).toContain('NVIDIA H20');
      await page.close();
    } finally {
      await browser.worker.evaluate((table) => chrome.storage.local.set({ aliasTable: table }), saved);
      // The browser keeps idle connections open; they would hold close() up.
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});
