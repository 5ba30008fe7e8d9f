// ChipLens in Firefox as a user meets it: the Firefox build installed in
// headless Firefox, on the seed article served from 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { labelProblems, loadFixture } from '../labels';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from './firefox';
import { waitForReadyCard } from './tooltip-probe';

const RESULTS = join(__dirname, '../../test-results');
const SEED = '01-ru-servernews-seed';
const KINDS = ['chip', 'company', 'model', 'rule'] as const;

let firefox: FirefoxWithExtension;
let server: { origin: string; close(): Promise<void> };
let article: Page;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await startFixtureServer();
  firefox = await launchFirefoxWithExtension();
  console.log(`Firefox: ${firefox.version}`);
  article = await firefox.browser.newPage();
  await article.goto(`${server.origin}/fixtures/${SEED}.html`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

type Highlights = Record<string, string[]>;

/** The text of every range in ChipLens's highlights, per kind, as the page's registry holds them. */
function readHighlights(page: Page): Promise<Highlights> {
  return page.evaluate(
    (kinds) => {
      // No live Range is left behind: the browser keeps each one up to date on every change to the page.
      const range = document.createRange();
      const out: Record<string, string[]> = {};
      for (const kind of kinds) {
        out[kind] = [];
        // An entry's first mention and its quieter repeats: every mention.
        for (const r of [...(CSS.highlights.get(`chiplens-${kind}`) ?? []), ...(CSS.highlights.get(`chiplens-${kind}-repeat`) ?? [])] as AbstractRange[]) {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out[kind]!.push(range.toString());
        }
      }
      range.selectNodeContents(document.createElement('div'));
      return out;
    },
    [...KINDS],
  );
}

/** Waits until at least `atLeast` highlights show and stop changing; fails, saying what it saw, if they do not within 20 s. */
async function settledHighlights(page: Page, atLeast: number): Promise<Highlights> {
  const until = Date.now() + 20_000;
  let last = '';
  let stableSince = Date.now();
  let count = 0;
  while (Date.now() <= until) {
    const now = await readHighlights(page);
    const key = JSON.stringify(now);
    count = Object.values(now).reduce((n, list) => n + list.length, 0);
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    } else if (count >= atLeast && Date.now() - stableSince > 500) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`highlights did not settle at ${atLeast} or more within 20 s: ${count} now`);
}

/** The centre of the first occurrence of `text`, scrolled into view, in viewport pixels. */
async function pointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at === -1) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`"${text}" is not on the page`);
  return point;
}

describe('Firefox: seed article', () => {
  it('highlights every labelled chip, company, model and rule, and nothing else', async () => {
    const { body, labels } = loadFixture(SEED);
    const highlights = await settledHighlights(article, 20);
    const found = Object.entries(highlights).flatMap(([kind, texts]) => texts.map((text) => ({ text, id: kind })));
    expect(
      labelProblems(
        body,
        labels.map((l) => ({ ...l, id: l.kind })),
        found,
      ),
    ).toEqual([]);
    for (const kind of KINDS) expect(highlights[kind]!.length, kind).toBeGreaterThan(0);
    await article.screenshot({ path: join(RESULTS, 'firefox-seed-article.png') });
  });

  it('has the settings and names read, and the matcher run once, as the page starts loading', async () => {
    // Asked the way the popup asks, not read from the page: ChipLens puts nothing on the page's timeline.
    const popup = await openExtensionPage(firefox.browser, 'src/popup/index.html');
    // A page of its own, opened once the fresh install has published its
    // names and left them alone for two seconds: one opened while they
    // change rightly reads them again.
    await popup.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const storage = (globalThis as unknown as { browser: typeof chrome }).browser.storage;
          let last = Date.now();
          storage.onChanged.addListener((changes) => {
            if ('aliasTable' in changes || 'settings' in changes) last = Date.now();
          });
          const check = async () => {
            const published = typeof (await storage.local.get('aliasTable')).aliasTable === 'string';
            if (published && Date.now() - last > 2_000) resolve();
            else setTimeout(check, 200);
          };
          void check();
        }),
    );
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}/fixtures/${SEED}.html`);
    await settledHighlights(page, 20);
    const info = await popup.evaluate(async (url) => {
      const browser = (globalThis as unknown as { browser: typeof chrome }).browser;
      // The newest tab on that address: the first test's article is on it too.
      const tab = (await browser.tabs.query({})).filter((t) => t.url === url).sort((a, b) => b.id! - a.id!)[0];
      return browser.tabs.sendMessage(tab!.id!, { type: 'page-info' });
    }, page.url());
    await popup.close();
    await page.close();
    expect(info).toMatchObject({ ok: true, value: { startup: { early: true, warm: true } } });
  });

  it('adds nothing to the page DOM before the first hover', async () => {
    // The page as served, parsed without running anything, against the page as it is now: any element added shows.
    const elements = await article.evaluate(async () => {
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const names = (doc: Document) => [...doc.querySelectorAll('*')].map((el) => el.localName);
      return { served: names(served), now: names(document) };
    });
    expect(elements.now.length).toBeGreaterThan(10);
    expect(elements.now).toEqual(elements.served);
  });

  it('shows the sourced tooltip of a mention on hover, in a root the page cannot open', async () => {
    const { x, y } = await pointOf(article, 'H20');
    await article.mouse.move(x - 30, y - 40);
    await article.mouse.move(x, y, { steps: 4 });
    const { id, text, sources } = await waitForReadyCard(article);
    expect(id).toBe('nvidia-h20');
    expect(text).toMatch(/H20/);
    // Every fact is sourced: the card ends with numbered source links.
    expect(sources).toBeGreaterThan(0);
    // The page sees the host, not what it says.
    expect(
      await article.evaluate(() => [document.querySelector('chiplens-tooltip') !== null, document.querySelector('chiplens-tooltip')?.shadowRoot ?? null]),
    ).toEqual([true, null]);
    await article.screenshot({ path: join(RESULTS, 'firefox-tooltip.png') });
  });
});

describe('Firefox: popup', () => {
  it('searches the dataset as you type, in three languages', async () => {
    const popup = await openExtensionPage(firefox.browser, 'src/popup/index.html');
    await popup.waitForSelector('input[type="search"]');
    for (const [query, id] of [
      ['Ascend', 'huawei-ascend'],
      ['хуавей', 'huawei'],
      ['英伟达', 'nvidia'],
    ] as const) {
      await popup.$eval('input[type="search"]', (input) => ((input as HTMLInputElement).value = ''));
      await popup.type('input[type="search"]', query);
      await popup.waitForFunction((id) => document.querySelector('.result')?.getAttribute('data-entry-id') === id, { timeout: 10_000 }, id);
    }
    await popup.close();
  });
});
