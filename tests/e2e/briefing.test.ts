// "On this page" exports a short briefing of what the page mentions:
// entries by kind, with statuses, counts and numbered sources, as Markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { launchWithExtension, settledHighlights, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('page briefing', () => {
  it('copies the entries the page mentions, by kind, with statuses, counts and sources, as Markdown', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${server.origin}/fixtures/01-ru-servernews-seed.html`);
    await settledHighlights(article, { atLeast: 20 });
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.getByTestId('copy-briefing').click();
    await expect.poll(() => popup.getByTestId('copy-briefing').innerText()).toBe('Briefing copied');
    const markdown = await popup.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/^# ChipLens briefing: 127\.0\.0\.1\n/);
    expect(markdown).toMatch(/\n## Chip\n\n- \*\*NVIDIA H20\*\* ×\d+: Export controls: China: /);
    expect(markdown).toMatch(/\n## Company\n/);
    expect(markdown).toMatch(/\n- \*\*NVIDIA\*\* ×4: /);
    expect(markdown).toMatch(/\n\[1\]: <https:\/\/[^>]+>/);
    await popup.close();
    await article.close();
  });
});
