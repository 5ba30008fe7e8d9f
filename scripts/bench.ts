// `npm run bench`: how fast ChipLens feels, measured in real headless
// Chromium with the built extension. For now: the popup's first paint and
// the moment it shows its data (status, this page's mentions), over repeated
// openings, beside the floor of an empty extension page opened the same way.
// Figures are printed as a table and, last, as `BENCH {json}`.
import { existsSync } from 'node:fs';
import { launchWithExtension, DIST } from '../tests/e2e/browser';
import { startFixtureServer } from './fixture-server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), runs: values.length };
}

async function main(): Promise<void> {
  if (!existsSync(`${DIST}/manifest.json`)) throw new Error('No build in dist/: run npm run build first.');
  const server = await startFixtureServer();
  const browser = await launchWithExtension();
  try {
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
    // From the page's own document arriving to its data on screen: the
    // popup's own cost, without the browser's tab and process start-up.
    const work: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.goto(popupUrl);
      await page.waitForFunction(() => performance.getEntriesByName('chiplens:popup-ready').length > 0, undefined, { timeout: 10_000 });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
          ready: performance.getEntriesByName('chiplens:popup-ready')[0]!.startTime,
          received: nav.responseEnd,
        };
      });
      paint.push(t.paint);
      ready.push(t.ready);
      work.push(t.ready - t.received);
      await page.goto(floorUrl);
      floor.push(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd));
      await page.close();
    }
    const result = {
      popup: { firstContentfulPaintMs: stats(paint), dataShownMs: stats(ready), ownWorkMs: stats(work), floorPageLoadMs: stats(floor) },
      targets: { popupOwnWorkMs: 100 },
    };
    const met = result.popup.ownWorkMs.median <= result.targets.popupOwnWorkMs;
    console.table({
      'popup first contentful paint (ms)': result.popup.firstContentfulPaintMs,
      'popup shows its data (ms)': result.popup.dataShownMs,
      'popup own work, document to data shown (ms)': result.popup.ownWorkMs,
      'floor: empty extension page loaded (ms)': result.popup.floorPageLoadMs,
    });
    console.log(
      `popup: data on screen ${result.popup.ownWorkMs.median} ms after its document arrived (median of ${RUNS}); target ≤ ${result.targets.popupOwnWorkMs} ms: ${met ? 'met' : 'NOT met'}`,
    );
    console.log(`BENCH ${JSON.stringify({ ...result, met })}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
