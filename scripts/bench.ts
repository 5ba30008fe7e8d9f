// `npm run bench`: how fast ChipLens is, measured in real headless Chromium
// with the built extension, against peers measured in the same run on the
// same machine: never against fixed times, as the machine is shared.
// - The popup: first paint and data shown, beside the first paint of a
//   scriptless extension page.
// - Pages (the seed article, 1 MB and 10 MB of news, 5,000 mentions, an
//   endless feed): ChipLens's own main-thread time (its `chiplens:work`
//   measures), its longest task, the first screen, heap growth over the same
//   page without ChipLens; beside a TreeWalker that only reads the text (the
//   floor), one RegExp of all names, and mark.js.
// - Busy and hostile pages (an append storm, a live ticker, a comment of
//   combining marks, one 5 MB text node): the longest task with ChipLens
//   beside the page's own longest task with ChipLens paused.
// Figures are printed as a table, a ✓ or ✗ per target, and last as `BENCH {json}`.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchWithExtension, DIST, type ExtensionBrowser } from '../tests/e2e/browser';
import { benchMatcher } from './bench-matcher';
import { feedPage, mentionsPage, newsPage, plainPage } from './bench-pages';
import { renderArticle, startFixtureServer } from './fixture-server.mjs';
import { loadBundledDatasetJson } from '../dataset/index-node';
import { buildAliasTable } from '../src/core/alias-table';
import { readSettings } from '../src/core/settings';
import { validateDataset } from '../src/core/validate-dataset';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), runs: values.length };
}

async function benchPopup(browser: ExtensionBrowser, server: { origin: string }) {
  {
    const article = await browser.context.newPage();
    await article.goto(`${server.origin}/fixtures/01-ru-servernews-seed.html`);
    await article.waitForTimeout(1500);
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    const popupUrl = `chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`;
    // The floor: an extension page with nothing to do (the manifest, as JSON).
    const floorUrl = `chrome-extension://${browser.extensionId}/manifest.json`;
    const paint: number[] = [];
    const ready: number[] = [];
    const floor: number[] = [];

    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.goto(popupUrl);
      // Both marks: the data can be shown before the paint entry is recorded.
      await page.waitForFunction(
        () => performance.getEntriesByName('chiplens:popup-ready').length > 0 && performance.getEntriesByName('first-contentful-paint').length > 0,
        undefined,
        { timeout: 10_000 },
      );
      const t = await page.evaluate(() => {
        return {
          paint: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
          ready: performance.getEntriesByName('chiplens:popup-ready')[0]!.startTime,
        };
      });
      paint.push(t.paint);
      ready.push(t.ready);
      await page.close();
      const blank = await browser.context.newPage();
      await blank.goto(floorUrl);
      await blank.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 10_000 });
      floor.push(await blank.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]!.startTime));
      await blank.close();
    }
    const floorMedian = stats(floor).median;
    const result = {
      popup: {
        firstContentfulPaintMs: stats(paint),
        dataShownMs: stats(ready),
        floorFirstPaintMs: stats(floor),
        // What the popup adds to opening any page: its data on screen minus the floor.
        ownCostMs: +(stats(ready).median - floorMedian).toFixed(1),
        ratioToFloor: +(stats(ready).median / floorMedian).toFixed(2),
      },
      targets: { popupOwnCostMs: 100 },
    };
    console.table({
      'popup first contentful paint (ms)': result.popup.firstContentfulPaintMs,
      'popup shows its data (ms)': result.popup.dataShownMs,
      'floor: first paint of a scriptless extension page (ms)': result.popup.floorFirstPaintMs,
    });
    return result.popup;
  }
}

// ---- Pages -------------------------------------------------------------

const SEED = readFileSync(new URL('../tests/fixtures/01-ru-servernews-seed.txt', import.meta.url), 'utf8');

const PAGES: Record<string, () => string> = {
  seed: () => renderArticle(SEED),
  '1mb': () => newsPage(1_000_000, 'A 1 MB news page'),
  '10mb': () => newsPage(10_000_000, 'A 10 MB news page'),
  plain: () => plainPage(1_000_000),
  mentions: mentionsPage,
  feed: feedPage,
};

/**
 * `BENCH_PAGES=busy` measures only the busy and hostile pages (with their
 * checks). `BENCH_PAGES=seed,1mb` measures only ChipLens on those pages (no popup, no
 * peers, no BENCH line): a quick look while working on one figure.
 */
const ONLY = process.env.BENCH_PAGES?.split(',').filter((name) => name in PAGES);

/** How many times each page is loaded per contender (medians are reported). */
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 7);
const runsFor = (name: string) => (name === '10mb' ? Math.min(PAGE_RUNS, 2) : PAGE_RUNS);

async function startBenchServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const cache = new Map<string, string>();
  const markJs = readFileSync(new URL('../node_modules/mark.js/dist/mark.min.js', import.meta.url), 'utf8');
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1).replace(/\.html$/, '');
    if (name === 'mark.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(markJs);
    const make = PAGES[name];
    if (!make) return void res.writeHead(404).end();
    if (!cache.has(name)) cache.set(name, make());
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(cache.get(name));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        // The browser keeps idle connections open; they would hold close() up.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The settings stored, or the defaults on a fresh profile (which stores
// none): a bare `{ paused }` is not valid settings, and would be read as
// the defaults, with ChipLens on.
async function setPaused(browser: ExtensionBrowser, paused: boolean): Promise<void> {
  const stored = await browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  const settings = { ...readSettings(stored), paused };
  await browser.worker.evaluate(async (s) => chrome.storage.local.set({ settings: s }), settings);
}

// Long tasks and heap, recorded by the page itself from its first moment.
// The `longtask` observer sees every task on the page (its own parsing and
// layout included) and cannot say whose it was; ChipLens's own tasks are its
// `chiplens:work` measures, as all its work runs inside them.
const OBSERVE = () => {
  const w = window as unknown as { __longest: number; __heapStart: number };
  w.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  w.__heapStart = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
};

/** ChipLens's highlights on the page, all kinds together. */
// Every mention: each name's first (chiplens-<kind>) and its repeats (chiplens-<kind>-repeat).
const HIGHLIGHT_COUNT = () =>
  ['chip', 'company', 'model', 'rule'].reduce(
    (n, k) => n + (CSS.highlights.get(`chiplens-${k}`)?.size ?? 0) + (CSS.highlights.get(`chiplens-${k}-repeat`)?.size ?? 0),
    0,
  );

/** Heap growth since the page's first moment, after a full collection. */
const HEAP_GROWTH_MB = () => {
  const w = window as unknown as { __heapStart: number; gc?: () => void };
  w.gc?.();
  return ((performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize - w.__heapStart) / 1e6;
};

/** Waits until ChipLens has been quiet for `quietMs` (no new work slices). */
async function settle(page: Page, quietMs = 1500, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = await page.evaluate(() => performance.getEntriesByName('chiplens:work').length);
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (n > 0 && Date.now() - since > quietMs) return;
    if (Date.now() > until) return;
    await page.waitForTimeout(200);
  }
}

interface ChipLensRun {
  totalMs: number;
  /** Deciding whether blocks with a mention are page furniture (part of totalMs). */
  furnitureMs: number;
  slices: number;
  longestSliceMs: number;
  longestPageTaskMs: number;
  firstScreenMs: number;
  firstScreenWorkMs: number;
  /** How long before the content script's start early-read began reading the table at document_start. */
  readAheadMs: number;
  heapGrowthMb: number;
  perBatch: number[];
  highlights: number;
  /**
   * Mentions far below the viewport are placed as the reader scrolls near
   * them: ChipLens's work while the page is then scrolled to its end (at
   * once), and the highlights there are then. NaN on the feed.
   */
  scrollToEndMs: number;
  highlightsAtEnd: number;
  /** The longest of ChipLens's tasks after the scroll (also in longestSliceMs). */
  longestScrolledSliceMs: number;
}

async function chiplensOn(browser: ExtensionBrowser, url: string, feed = false): Promise<ChipLensRun> {
  const page = await browser.context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(url, { timeout: 120_000 });
  if (feed) await page.waitForFunction(() => performance.getEntriesByName('feed:done').length > 0, undefined, { timeout: 60_000 });
  await settle(page);
  const figures = await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    const work = performance.getEntriesByName('chiplens:work');
    const start = performance.getEntriesByName('chiplens:start')[0]?.startTime ?? NaN;
    const first = performance.getEntriesByName('chiplens:first-screen')[0]?.startTime ?? NaN;
    const early = performance.getEntriesByName('chiplens:early-read')[0]?.startTime ?? NaN;
    const batches = performance.getEntriesByName('feed:batch').map((m) => m.startTime);
    // Work done while each feed batch was being taken in (until the next one).
    const perBatch = batches.map((t, i) =>
      work.filter((m) => m.startTime >= t && m.startTime < (batches[i + 1] ?? Infinity)).reduce((n, m) => n + m.duration, 0),
    );
    return {
      totalMs: work.reduce((n, m) => n + m.duration, 0),
      // Deciding whether blocks with a mention are page furniture (part of totalMs).
      furnitureMs: performance.getEntriesByName('chiplens:furniture').reduce((n, m) => n + m.duration, 0),
      slices: work.length,
      longestSliceMs: Math.max(0, ...work.map((m) => m.duration)),
      longestPageTaskMs: w.__longest,
      firstScreenMs: first - start,
      // ChipLens's own work before the first screen was done (the rest of
      // that wait is the page's own loading and rendering, and storage).
      firstScreenWorkMs: work.filter((m) => m.startTime < first).reduce((n, m) => n + m.duration, 0),
      readAheadMs: start - early,
      perBatch,
    };
  });
  const highlights = await page.evaluate(HIGHLIGHT_COUNT);
  let scrollToEndMs = NaN;
  let highlightsAtEnd = NaN;
  let longestScrolledSliceMs = NaN;
  if (!feed) {
    const from = await page.evaluate(() => {
      const now = performance.now();
      window.scrollTo(0, document.documentElement.scrollHeight);
      return now;
    });
    await settle(page);
    const scrolled = await page.evaluate(
      (from) =>
        performance
          .getEntriesByName('chiplens:work')
          .filter((m) => m.startTime >= from)
          .map((m) => m.duration),
      from,
    );
    scrollToEndMs = scrolled.reduce((n, ms) => n + ms, 0);
    highlightsAtEnd = await page.evaluate(HIGHLIGHT_COUNT);
    // Slices while placing count as ChipLens's tasks too.
    longestScrolledSliceMs = Math.max(0, ...scrolled);
    figures.longestSliceMs = Math.max(figures.longestSliceMs, longestScrolledSliceMs);
  }
  // After the jump to the end: the mentions near both ends placed, as a reader who jumps there leaves them.
  const heapGrowthMb = await page.evaluate(HEAP_GROWTH_MB);
  await page.close();
  return { ...figures, highlights, heapGrowthMb, scrollToEndMs, highlightsAtEnd, longestScrolledSliceMs };
}

type Peer = 'floor' | 'regexp' | 'markjs' | 'markjsList';

/**
 * A peer, run once in the page (ChipLens paused): its time, and the page's
 * heap growth with no ChipLens. mark.js's keyword list stops once it has
 * taken `budgetMs`: `namesDone` says how far it got, so its time is then a
 * lower bound for the whole list.
 */
async function peerOn(browser: ExtensionBrowser, origin: string, url: string, peer: Peer, aliases: string[], budgetMs = Infinity) {
  const page = await browser.context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(url, { timeout: 120_000 });
  if (peer === 'markjs' || peer === 'markjsList') await page.addScriptTag({ url: `${origin}/mark.js` });
  const figures = await page.evaluate(
    ({ peer, aliases, budgetMs }) => {
      const source = aliases
        .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .sort((a, b) => b.length - a.length)
        .join('|');
      const started = performance.now();
      if (peer === 'floor') {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let length = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) length += (n as Text).data.length;
        (window as unknown as { __sink: number }).__sink = length;
      } else if (peer === 'regexp') {
        const re = new RegExp(source, 'giu');
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let found = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) for (const _ of (n as Text).data.matchAll(re)) found++;
        (window as unknown as { __sink: number }).__sink = found;
      } else {
        const Mark = (
          window as unknown as { Mark: new (el: Element) => { markRegExp(re: RegExp, opts: object): void; mark(terms: string[], opts: object): void } }
        ).Mark;
        // Its fastest use: one RegExp of every name. Its documented use for a
        // list of terms goes through the page once per term; given all the
        // names at once it overflows the stack (it recurses once per term),
        // so they go in a hundred at a time.
        if (peer === 'markjs') new Mark(document.body).markRegExp(new RegExp(source, 'giu'), {});
        else {
          for (let i = 0; i < aliases.length; i += 100) {
            new Mark(document.body).mark(aliases.slice(i, i + 100), { separateWordSearch: false, diacritics: false });
            if (performance.now() - started >= budgetMs) return { ms: performance.now() - started, namesDone: Math.min(aliases.length, i + 100) };
          }
        }
      }
      return { ms: performance.now() - started, namesDone: aliases.length };
    },
    { peer, aliases, budgetMs },
  );
  const heapGrowthMb = peer === 'floor' ? await page.evaluate(HEAP_GROWTH_MB) : NaN;
  await page.close();
  return { ms: figures.ms, namesDone: figures.namesDone, heapGrowthMb };
}

const median = (xs: number[]) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted.length ? sorted[(sorted.length - 1) >> 1]! : NaN;
};

/** The median of each figure over runs (per-batch costs batch by batch). */
function medianRun(runs: ChipLensRun[]): ChipLensRun {
  const pick = (key: Exclude<keyof ChipLensRun, 'perBatch'>) => median(runs.map((r) => r[key]));
  return {
    totalMs: pick('totalMs'),
    furnitureMs: pick('furnitureMs'),
    slices: pick('slices'),
    longestSliceMs: Math.max(...runs.map((r) => r.longestSliceMs)),
    longestPageTaskMs: Math.max(...runs.map((r) => r.longestPageTaskMs)),
    firstScreenMs: pick('firstScreenMs'),
    firstScreenWorkMs: pick('firstScreenWorkMs'),
    readAheadMs: pick('readAheadMs'),
    heapGrowthMb: pick('heapGrowthMb'),
    perBatch: runs[0]!.perBatch.map((_, i) => median(runs.map((r) => r.perBatch[i] ?? NaN))),
    highlights: pick('highlights'),
    scrollToEndMs: pick('scrollToEndMs'),
    highlightsAtEnd: pick('highlightsAtEnd'),
    longestScrolledSliceMs: Math.max(...runs.map((r) => r.longestScrolledSliceMs).filter((x) => !Number.isNaN(x)), 0),
  };
}

type PageResult = {
  chiplens: ChipLensRun;
  heapGrowthOwnMb: number;
  peers: Partial<Record<Peer, number>>;
  runs: number;
  /** How far mark.js's keyword list got before its time budget ran out. */
  markjsList?: { namesDone: number; names: number };
};

/** mark.js's keyword list on the 1 MB page stops after this long (the whole list takes minutes). */
const MARKJS_LIST_BUDGET_MS = 20_000;

async function benchPages(browser: ExtensionBrowser): Promise<Record<string, PageResult>> {
  const server = await startBenchServer();
  // The peers get every spelling ChipLens looks for (the bundled dataset's, as in the build).
  const bundled = validateDataset(loadBundledDatasetJson());
  if (!bundled.ok) throw new Error(`the bundled dataset is not valid: ${bundled.errors.join('; ')}`);
  const table = buildAliasTable(bundled.dataset);
  const aliases = [...new Set(table.patterns.map((p) => p.text))];
  const out: Record<string, PageResult> = {};
  try {
    for (const name of ONLY ?? Object.keys(PAGES)) {
      const url = `${server.origin}/${name}.html`;
      const runs = runsFor(name);
      await setPaused(browser, false);
      const chiplensRuns: ChipLensRun[] = [];
      for (let i = 0; i < runs; i++) chiplensRuns.push(await chiplensOn(browser, url, name === 'feed'));
      const chiplens = medianRun(chiplensRuns);
      const peers: PageResult['peers'] = {};
      let heapWithout = NaN;
      let markjsListNames: number | undefined;
      if (name !== 'feed' && !ONLY) {
        await setPaused(browser, true);
        const floors = [];
        for (let i = 0; i < runs; i++) floors.push(await peerOn(browser, server.origin, url, 'floor', aliases));
        peers.floor = median(floors.map((f) => f.ms));
        heapWithout = median(floors.map((f) => f.heapGrowthMb));
        const regexps = [];
        for (let i = 0; i < runs; i++) regexps.push((await peerOn(browser, server.origin, url, 'regexp', aliases)).ms);
        peers.regexp = median(regexps);
        if (name === '1mb' || name === 'seed') {
          const marks = [];
          for (let i = 0; i < runs; i++) marks.push((await peerOn(browser, server.origin, url, 'markjs', aliases)).ms);
          peers.markjs = median(marks);
        }
        // The keyword list takes a pass over the page per name: on the seed
        // article it runs through; on 1 MB the whole list takes minutes, so
        // it runs once and stops after MARKJS_LIST_BUDGET_MS, and what it
        // took for the names it got through is a lower bound.
        if (name === 'seed') {
          const lists = [];
          for (let i = 0; i < runs; i++) lists.push((await peerOn(browser, server.origin, url, 'markjsList', aliases)).ms);
          peers.markjsList = median(lists);
        } else if (name === '1mb') {
          const list = await peerOn(browser, server.origin, url, 'markjsList', aliases, MARKJS_LIST_BUDGET_MS);
          peers.markjsList = list.ms;
          markjsListNames = list.namesDone;
        }
        await setPaused(browser, false);
      }
      // What ChipLens adds to the heap: growth with it, minus the same page's growth without it.
      out[name] = {
        chiplens,
        heapGrowthOwnMb: chiplens.heapGrowthMb - (Number.isNaN(heapWithout) ? 0 : heapWithout),
        peers,
        runs,
        ...(markjsListNames === undefined ? {} : { markjsList: { namesDone: markjsListNames, names: aliases.length } }),
      };
      console.log(`  ${name}: ${runs} runs, ChipLens ${chiplens.totalMs.toFixed(1)} ms (median)`);
    }
  } finally {
    await server.close();
  }
  return out;
}

// ---- Busy and hostile pages ---------------------------------------------

/** What each busy page does once loaded (tests/pages/*.html, also used by the browser tests). */
const BUSY: Record<string, { path: string; act?: (page: Page) => Promise<void>; endless?: boolean }> = {
  'append storm (20,000 blocks)': {
    path: '/pages/append-storm.html',
    act: async (page) => void (await page.evaluate(() => (window as unknown as { storm: () => Promise<number> }).storm())),
  },
  'live ticker (3,000 cells/s, 5 s)': {
    path: '/pages/live-ticker.html',
    // ChipLens is never quiet for long there: the five seconds are what counts.
    endless: true,
    act: async (page) => {
      const start = await page.evaluate(() => (window as unknown as { ticks: () => number }).ticks());
      await page.waitForFunction((start) => (window as unknown as { ticks: () => number }).ticks() >= start + 5, start, { timeout: 30_000 });
    },
  },
  'combining marks (64,000)': { path: '/pages/combining-marks.html' },
  'huge text node (5 MB)': { path: '/pages/huge-node.html' },
};

interface BusyRun {
  /** The longest task on the page's thread while it was busy (long-task entries; 0: none over 50 ms). */
  longestPageTaskMs: number;
  /** ChipLens's own work then, and its longest task (0 with ChipLens paused). */
  chiplensMs: number;
  longestChipLensTaskMs: number;
}

async function busyRun(browser: ExtensionBrowser, origin: string, { path, act, endless }: (typeof BUSY)[string], on: boolean): Promise<BusyRun> {
  const page = await browser.context.newPage();
  await page.goto(`${origin}${path}`, { timeout: 120_000 });
  // The page's loading, and ChipLens's reading of it, come first: only the busy part counts.
  if (on && !endless) await settle(page, 500, 30_000);
  else await page.waitForTimeout(1500);
  const from = act
    ? await page.evaluate(() => {
        const w = window as unknown as { longestTask: number; longTaskTotal: number };
        w.longestTask = w.longTaskTotal = 0;
        return performance.now();
      })
    : 0;
  if (act) await act(page);
  if (on && !endless) await settle(page, 500, 30_000);
  else await page.waitForTimeout(500);
  const figures = await page.evaluate((from) => {
    const work = performance.getEntriesByName('chiplens:work').filter((m) => m.startTime >= from);
    return {
      longestPageTaskMs: (window as unknown as { longestTask: number }).longestTask,
      chiplensMs: work.reduce((n, m) => n + m.duration, 0),
      longestChipLensTaskMs: Math.max(0, ...work.map((m) => m.duration)),
    };
  }, from);
  await page.close();
  return figures;
}

/** Each busy page with ChipLens, then paused: medians of `runs` loads each. */
async function benchBusyPages(browser: ExtensionBrowser, origin: string, runs = 3) {
  const out: Record<string, { own: BusyRun; chiplens: BusyRun }> = {};
  for (const [name, busy] of Object.entries(BUSY)) {
    const measure = async (on: boolean) => {
      await setPaused(browser, !on);
      const all: BusyRun[] = [];
      for (let i = 0; i < runs; i++) all.push(await busyRun(browser, origin, busy, on));
      return {
        longestPageTaskMs: median(all.map((r) => r.longestPageTaskMs)),
        chiplensMs: median(all.map((r) => r.chiplensMs)),
        longestChipLensTaskMs: median(all.map((r) => r.longestChipLensTaskMs)),
      };
    };
    const own = await measure(false);
    const chiplens = await measure(true);
    out[name] = { own, chiplens };
    console.log(`  ${name}: longest task ${chiplens.longestPageTaskMs.toFixed(0)} ms with ChipLens, ${own.longestPageTaskMs.toFixed(0)} ms without`);
  }
  await setPaused(browser, false);
  const fixed = (x: number) => +x.toFixed(1);
  console.table(
    Object.fromEntries(
      Object.entries(out).map(([name, { own, chiplens }]) => [
        name,
        {
          'longest page task, paused ms': fixed(own.longestPageTaskMs),
          'longest page task, with ChipLens ms': fixed(chiplens.longestPageTaskMs),
          'ChipLens work ms': fixed(chiplens.chiplensMs),
          'longest ChipLens task ms': fixed(chiplens.longestChipLensTaskMs),
        },
      ]),
    ),
  );
  return out;
}

/**
 * ChipLens's long tasks no worse than the page's own: its longest measured
 * task at most the page's longest without it (or 50 ms, a long task's
 * threshold), and the page's longest task with ChipLens (which also holds
 * work ChipLens might fail to measure) within half again of that.
 */
function busyChecks(busy: Awaited<ReturnType<typeof benchBusyPages>>): Record<string, boolean> {
  return Object.fromEntries(
    Object.entries(busy).map(([name, { own, chiplens }]) => {
      const limit = Math.max(50, own.longestPageTaskMs);
      const ok = chiplens.longestChipLensTaskMs <= limit && chiplens.longestPageTaskMs <= 1.5 * limit;
      const figures = `ChipLens ${chiplens.longestChipLensTaskMs.toFixed(0)} ms, page ${chiplens.longestPageTaskMs.toFixed(0)} ms; page alone ${own.longestPageTaskMs.toFixed(0)} ms`;
      return [`${name}: longest tasks no worse than the page's own (${figures})`, ok];
    }),
  );
}

async function main(): Promise<void> {
  if (!existsSync(`${DIST}/manifest.json`)) throw new Error(`No build in ${DIST}: run npm run bench, which builds one.`);
  const server = await startFixtureServer();
  const browser = await launchWithExtension(undefined, { extraArgs: ['--js-flags=--expose-gc', '--enable-precise-memory-info'] });
  try {
    if (process.env.BENCH_PAGES === 'busy') {
      const busy = await benchBusyPages(browser, server.origin);
      for (const [check, ok] of Object.entries(busyChecks(busy))) console.log(`${ok ? '✓' : '✗'} ${check}`);
      console.log(`BENCH ${JSON.stringify({ busy })}`);
      return;
    }
    if (ONLY) {
      const pages = await benchPages(browser);
      const round = (x: number) => +x.toFixed(1);
      const rows = Object.fromEntries(
        Object.entries(pages).map(([name, { chiplens: c }]) => [
          name,
          {
            'ChipLens ms': round(c.totalMs),
            'first screen ms': round(c.firstScreenMs),
            '(own work)': round(c.firstScreenWorkMs),
            'table read ahead ms': round(c.readAheadMs),
            'longest ChipLens task ms': round(c.longestSliceMs),
            highlights: c.highlights,
            'scroll to end ms': round(c.scrollToEndMs),
            'longest task then': round(c.longestScrolledSliceMs),
            'highlights at end': c.highlightsAtEnd,
          },
        ]),
      );
      console.table(rows);
      console.log('BENCH_PAGES was set: ChipLens only, on those pages; no peers, no targets.');
      return;
    }
    const popup = await benchPopup(browser, server);
    const pages = await benchPages(browser);
    const busy = await benchBusyPages(browser, server.origin);
    const contentScriptGzipKb = +(gzipSync(readFileSync(`${DIST}/src/content/index.js`)).length / 1024).toFixed(1);
    // Loaded on the first hover only.
    const tooltipModuleGzipKb = +(gzipSync(readFileSync(`${DIST}/src/content/tooltip.js`)).length / 1024).toFixed(1);
    console.log(`content script ${contentScriptGzipKb} KB gzipped; tooltip module (first hover) ${tooltipModuleGzipKb} KB`);
    const bundled = validateDataset(loadBundledDatasetJson());
    if (!bundled.ok) throw new Error(`the bundled dataset is not valid: ${bundled.errors.join('; ')}`);
    const matcher = benchMatcher(bundled.dataset);
    console.log(
      `matcher over the corpus (${matcher.chars} characters): ${matcher.shippedMs} ms as shipped, ${matcher.noFoldMs} ms without the Traditional fold (×${matcher.foldRatio}), ${matcher.noGateMs} ms without the topic gate (×${matcher.gateRatio}); the fold's pairs add ${matcher.foldTableGzipKb} KB gzipped to the stored table`,
    );
    const one = pages['1mb']!;
    const feed = pages.feed!.chiplens.perBatch;
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const feedGrowth = +(avg(feed.slice(-5)) / Math.max(0.01, avg(feed.slice(0, 5)))).toFixed(2);
    const ratios = {
      chiplensToFloor1mb: +(one.chiplens.totalMs / one.peers.floor!).toFixed(2),
      // With the work of the jump to the end added.
      chiplensScrolledToFloor1mb: +((one.chiplens.totalMs + one.chiplens.scrollToEndMs) / one.peers.floor!).toFixed(2),
      markjsToChiplens1mb: +(one.peers.markjs! / one.chiplens.totalMs).toFixed(2),
      regexpToChiplens1mb: +(one.peers.regexp! / one.chiplens.totalMs).toFixed(2),
      markjsListToChiplensSeed: +(pages.seed!.peers.markjsList! / pages.seed!.chiplens.totalMs).toFixed(2),
      // A lower bound when the list did not run through (see one.markjsList).
      markjsListToChiplens1mb: +(one.peers.markjsList! / one.chiplens.totalMs).toFixed(2),
      feedLastToFirstBatches: feedGrowth,
    };
    const rows: Record<string, Record<string, number | string>> = {};
    const fixed = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : +x.toFixed(1));
    for (const [name, r] of Object.entries(pages)) {
      rows[name] = {
        'ChipLens ms': fixed(r.chiplens.totalMs),
        '(furniture)': fixed(r.chiplens.furnitureMs),
        'first screen ms': fixed(r.chiplens.firstScreenMs),
        '(own work)': fixed(r.chiplens.firstScreenWorkMs),
        'table read ahead ms': fixed(r.chiplens.readAheadMs),
        'longest ChipLens task ms': fixed(r.chiplens.longestSliceMs),
        'longest page task ms': fixed(r.chiplens.longestPageTaskMs),
        'heap MB': +r.heapGrowthOwnMb.toFixed(2),
        highlights: r.chiplens.highlights,
        'scroll to end ms': fixed(r.chiplens.scrollToEndMs),
        'highlights at end': Number.isNaN(r.chiplens.highlightsAtEnd) ? '—' : r.chiplens.highlightsAtEnd,
        'floor ms': fixed(r.peers.floor),
        'RegExp ms': fixed(r.peers.regexp),
        'mark.js RegExp ms': fixed(r.peers.markjs),
        'mark.js list ms': r.markjsList && r.markjsList.namesDone < r.markjsList.names ? `≥ ${fixed(r.peers.markjsList)}` : fixed(r.peers.markjsList),
      };
    }
    console.table(rows);
    if (one.markjsList && one.markjsList.namesDone < one.markjsList.names) {
      console.log(
        `mark.js keyword list on 1 MB: stopped after ${one.markjsList.namesDone} of ${one.markjsList.names} names (${fixed(one.peers.markjsList)} ms); the ratio is a lower bound.`,
      );
    }
    const longestOwn = Math.max(...Object.values(pages).map((p) => p.chiplens.longestSliceMs));
    const checks = {
      'ChipLens ≤ 3× floor on 1 MB': ratios.chiplensToFloor1mb <= 3,
      'mark.js (keyword list) ≥ 20× ChipLens on 1 MB': ratios.markjsListToChiplens1mb >= 20,
      'first screen ≤ 50 ms (seed article)': pages.seed!.chiplens.firstScreenMs <= 50,
      'first screen ≤ 50 ms (1 MB)': one.chiplens.firstScreenMs <= 50,
      'no ChipLens task over 50 ms': longestOwn <= 50,
      'feed batches flat (last 5 ≤ 1.5× first 5)': feedGrowth <= 1.5,
      'heap growth < 10 MB on 10 MB page': pages['10mb']!.heapGrowthOwnMb < 10,
      'content script < 40 KB gzipped': contentScriptGzipKb < 40,
      'Traditional fold ≤ 1.3× the matcher without it': matcher.foldRatio <= 1.3,
      'topic gate ≤ 1.1× the matcher without it': matcher.gateRatio <= 1.1,
      'furniture decisions ≤ 5% of ChipLens on the seed article': pages.seed!.chiplens.furnitureMs <= 0.05 * pages.seed!.chiplens.totalMs,
      'popup ≤ 100 ms over the floor': popup.ownCostMs <= 100,
      ...busyChecks(busy),
    };
    for (const [check, ok] of Object.entries(checks)) console.log(`${ok ? '✓' : '✗'} ${check}`);
    console.log(`BENCH ${JSON.stringify({ popup, pages, busy, contentScriptGzipKb, tooltipModuleGzipKb, matcher, ratios, checks })}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
