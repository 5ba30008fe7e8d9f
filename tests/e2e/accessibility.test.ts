// Popup, options and tooltip as people with different needs meet them: an
// axe-core scan of each (no serious or critical violation), in light and
// dark, and screenshots of each in English and Russian, light and dark,
// saved to test-results/screenshots/.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension, settledHighlights, type ExtensionBrowser } from './browser';
import { hoverForCard, removeTooltipCopy, showTooltipCopy } from './tooltip-probe';

const SHOTS = join(__dirname, '../../test-results/screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTICLES = { en: '/fixtures/03-en-techradar-h200-huawei-ascend-910c.html', ru: '/fixtures/01-ru-servernews-seed.html' };

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Serious and critical axe findings in `page`, or within `include`. */
async function axeProblems(page: Page, include?: string): Promise<string[]> {
  // Evaluated through the DevTools protocol, which extension pages' CSP allows.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const context = selector ? { include: [[selector]] } : document;
    return (await axe.run(context, { resultTypes: ['violations'] })).violations;
  }, include);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/** Scans a copy of the open tooltip: axe runs as page script, and cannot enter the tooltip's closed root. */
async function axeTooltipProblems(page: Page): Promise<string[]> {
  const copy = await showTooltipCopy(page);
  try {
    return await axeProblems(page, copy);
  } finally {
    await removeTooltipCopy(page);
  }
}

const opened: { browser: ExtensionBrowser; server: { close(): Promise<void> } }[] = [];
afterAll(async () => {
  for (const { browser, server } of opened) {
    await browser.close();
    await server.close();
  }
});

describe.each([
  ['en', 'Huawei'],
  ['ru', 'NVIDIA H20'],
] as const)('in %s', (lang, mention) => {
  let browser: ExtensionBrowser;
  let origin: string;
  const report: Record<string, string[]> = {};

  it('scans and photographs the popup, the options page and a tooltip in light and dark', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const server = await startFixtureServer();
    origin = server.origin;
    browser = await launchWithExtension(undefined, { uiLanguage: lang });
    opened.push({ browser, server });
    const ui = await browser.worker.evaluate(() => chrome.i18n.getUILanguage());
    if (!ui.startsWith(lang)) {
      throw new Error(`Chromium's interface came up in ${ui}, not ${lang}: it lacks its translations (Debian: apt-get install -y chromium-l10n).`);
    }
    const article = await browser.context.newPage();
    await article.goto(`${origin}${ARTICLES[lang]}`);
    await settledHighlights(article, { atLeast: 5 });
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);

    for (const scheme of ['light', 'dark'] as const) {
      const popup = await browser.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
      await popup.locator('.on-page').waitFor();
      await popup.screenshot({ path: join(SHOTS, `popup-${lang}-${scheme}.png`) });
      report[`popup ${scheme}`] = await axeProblems(popup);
      await popup.getByRole('searchbox').fill('h20');
      await popup.locator('.result').first().waitFor();
      report[`popup search ${scheme}`] = await axeProblems(popup);
      await popup.locator('.result').first().click();
      await popup.locator('.detail [data-chiplens-state="ready"]').waitFor();
      await popup.screenshot({ path: join(SHOTS, `popup-detail-${lang}-${scheme}.png`) });
      report[`popup detail ${scheme}`] = await axeProblems(popup);
      await popup.close();

      const options = await browser.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
      await options.getByTestId('site-list').waitFor();
      await options.screenshot({ path: join(SHOTS, `options-${lang}-${scheme}.png`), fullPage: true });
      report[`options ${scheme}`] = await axeProblems(options);
      await options.close();

      await article.bringToFront();
      await article.emulateMedia({ colorScheme: scheme });
      await hoverForCard(article, mention);
      await article.screenshot({ path: join(SHOTS, `tooltip-${lang}-${scheme}.png`) });
      report[`tooltip ${scheme}`] = await axeTooltipProblems(article);
      await article.keyboard.press('Escape');
      await article.mouse.move(2, 2);
    }
    // Every scan ran, and none found anything serious.
    expect(Object.keys(report)).toHaveLength(10);
    expect(report).toEqual(Object.fromEntries(Object.keys(report).map((k) => [k, []])));
  });

  it("speaks the browser's language", async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const placeholder = await popup.getByRole('searchbox').getAttribute('placeholder');
    expect(placeholder).toBe(lang === 'ru' ? 'Поиск чипов, компаний, моделей, правил' : 'Search chips, companies, models, rules');
    await popup.close();
  });
});
