// Starts the system Chromium with the built extension loaded, as a user
// would have it, for the browser tests. No test is skipped for want of a
// browser: without one, this fails and says how to get one.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The build under test: `dist/`, or another (an older build, to see a new test fail on it) named by CHIPLENS_DIST. */
export const DIST = process.env.CHIPLENS_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error("No Chromium found for the browser tests. Install Debian's (apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.");
  }
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The welcome page the install opened (closed at once unless `keepWelcome`), if it did. */
  welcome: Page | undefined;
  close(): Promise<void>;
}

/**
 * The welcome page a fresh install opens, once it shows (within `timeout`).
 * Tests close it, so that it never becomes the tab they act on.
 */
async function welcomePage(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<Page | undefined> {
  const url = `chrome-extension://${extensionId}/src/welcome/index.html`;
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const page = context.pages().find((p) => p.url() === url);
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

export async function launchWithExtension(
  dist = DIST,
  { uiLanguage, extraArgs = [], keepWelcome = false }: { uiLanguage?: string; extraArgs?: string[]; keepWelcome?: boolean } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No build in ${dist}: run npm run build first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'chiplens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1100, height: 900 },
    // Chromium on Linux takes its interface language from LANGUAGE.
    ...(uiLanguage ? { env: { ...process.env, LANGUAGE: uiLanguage } } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const welcome = await welcomePage(context, extensionId);
  // Closed only once it has loaded: closing an extension page mid-load left
  // the next extension page opened at once without its interface strings.
  await welcome?.waitForLoadState('load').catch(() => undefined);
  if (welcome && !keepWelcome) await welcome.close();
  return {
    context,
    worker,
    extensionId,
    welcome: keepWelcome ? welcome : undefined,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type HighlightTexts = Record<string, string[]>;

/**
 * What the page shows highlighted, per highlight name, read from the page
 * itself; with `within`, only highlights inside elements matching it.
 */
export function readHighlights(page: Page, within?: string): Promise<HighlightTexts> {
  return page.evaluate((within) => {
    // Live Range objects would slow every later change to the page (the
    // browser keeps each one up to date): a range's text is read straight
    // from its nodes, and the one range used for text across nodes is moved
    // off the page afterwards.
    const range = document.createRange();
    const out: Record<string, string[]> = {};
    for (const kind of ['chip', 'company', 'model', 'rule']) {
      out[kind] = [];
      // An entry's first mention and its quieter repeats: every mention.
      const ranges = [...(CSS.highlights.get(`chiplens-${kind}`) ?? []), ...(CSS.highlights.get(`chiplens-${kind}-repeat`) ?? [])] as AbstractRange[];
      for (const r of ranges) {
        if (within && !r.startContainer.parentElement?.closest(within)) continue;
        if (r.startContainer === r.endContainer && r.startContainer.nodeType === Node.TEXT_NODE) {
          out[kind]!.push((r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
        } else {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out[kind]!.push(range.toString());
        }
      }
    }
    range.selectNodeContents(document.createElement('div'));
    return out;
  }, within);
}

export function total(highlights: HighlightTexts): number {
  return Object.values(highlights).reduce((n, list) => n + list.length, 0);
}

/**
 * Waits until the page shows at least `atLeast` highlights (inside `within`,
 * if given) and they have stopped changing (the annotator works in slices),
 * and returns them; fails, saying what it saw, if that does not happen
 * within `timeout`.
 */
export async function settledHighlights(
  page: Page,
  { atLeast = 1, timeout = 15_000, within }: { atLeast?: number; timeout?: number; within?: string } = {},
): Promise<HighlightTexts> {
  const until = Date.now() + timeout;
  let last = '';
  let stableSince = Date.now();
  let now: HighlightTexts = {};
  while (Date.now() <= until) {
    now = await readHighlights(page, within);
    const key = JSON.stringify(now);
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    } else if (total(now) >= atLeast && Date.now() - stableSince > 400) {
      return now;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`highlights did not settle at ${atLeast} or more within ${timeout} ms: ${total(now)} now${within ? ` within ${within}` : ''}`);
}

/** The centre of the first occurrence of `text` in the page, in viewport pixels. */
export async function pointOf(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ text, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        let at = data.indexOf(text);
        while (at !== -1) {
          if (seen++ === nth) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const rect = range.getClientRects()[0]!;
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          at = data.indexOf(text, at + 1);
        }
      }
      return null;
    },
    { text, nth },
  );
  if (!point) throw new Error(`"${text}" is not on the page`);
  return point;
}
