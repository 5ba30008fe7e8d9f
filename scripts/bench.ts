// `npm run bench`: how fast ChipLens feels, measured in real headless
// Chromium with the built extension. For now: the popup's first paint and
// the moment it shows its data (status, this page's mentions), over repeated
// openings, beside the floor: the first paint of a scriptless extension page
// (manifest.json) opened the same way, which is what a new tab costs here.
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

    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.goto(popupUrl);
      await page.waitForFunction(() => performance.getEntriesByName('chiplens:popup-ready').length > 0, undefined, { timeout: 10_000 });
      const t = await page.evaluate(() => {
        return {
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
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
    const met = result.popup.ownCostMs <= result.targets.popupOwnCostMs;
    console.table({
      'popup first contentful paint (ms)': result.popup.firstContentfulPaintMs,
      'popup shows its data (ms)': result.popup.dataShownMs,
      'floor: first paint of a scriptless extension page (ms)': result.popup.floorFirstPaintMs,
    });
    console.log(
      `popup: data on screen ${result.popup.ownCostMs} ms after the floor (×${result.popup.ratioToFloor}, medians of ${RUNS}); target ≤ ${result.targets.popupOwnCostMs} ms: ${met ? 'met' : 'NOT met'}`,
    );
    console.log(`BENCH ${JSON.stringify({ ...result, met })}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
