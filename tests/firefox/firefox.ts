// Starts Firefox (Debian's firefox-esr, or FIREFOX_PATH) headless over
// WebDriver BiDi with the Firefox build installed as a temporary add-on, the
// way a developer loads it from about:debugging.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../scripts/firefox.mjs';

const DIST_FIREFOX = fileURLToPath(new URL('../../dist-firefox', import.meta.url));
/** The id in the Firefox manifest (vite.config.ts). */
const ADDON_ID = 'chiplens@chiplens.github.io';
/** Fixed for the tests, so that they can open the extension's own pages. */
const EXTENSION_UUID = '3f0c5a52-6c1d-4b8e-9a57-2f1d0c9e7a11';
const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxWithExtension {
  browser: Browser;
  version: string;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(dist = DIST_FIREFOX): Promise<FirefoxWithExtension> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No build in ${dist}: run npm run build:firefox first.`);
  const executablePath = findFirefox();
  if (!executablePath) throw new Error("No Firefox found: install Debian's (apt-get install -y firefox-esr) or set FIREFOX_PATH.");
  const userDataDir = mkdtempSync(join(tmpdir(), 'chiplens-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir,
    defaultViewport: { width: 1100, height: 900 },
    // Installing an add-on over BiDi is a privileged command.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // Nothing but the test's own pages: no update checks, no telemetry.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(dist);
  // The install opens the welcome page: closed, so that it never becomes
  // the tab a test acts on. Its tests are the Chromium ones.
  const welcome = `${EXTENSION_ORIGIN}/src/welcome/index.html`;
  for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const page = (await browser.pages()).find((p) => p.url() === welcome);
    if (!page) continue;
    await page.close();
    break;
  }
  const version = await browser.version();
  return {
    browser,
    version,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens one of the extension's pages (Firefox answers a BiDi navigation to it late, so the load is awaited by URL). */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  await page.goto(url, { timeout: 2_000 }).catch(() => undefined);
  await page.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', { timeout: 15_000 }, url);
  return page;
}
