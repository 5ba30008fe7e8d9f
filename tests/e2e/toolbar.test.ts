// The toolbar icon as a user sees it: the badge counts the entries the page
// mentions, and the icon greys out (its title says so) where ChipLens is
// paused or off for the site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { defaultSettings } from '../../src/core/settings';
import { launchWithExtension, settledHighlights, type ExtensionBrowser } from './browser';

const SEED = '/fixtures/01-ru-servernews-seed.html';

let browser: ExtensionBrowser;
let server: { origin: string; close(): Promise<void> };
let page: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(`${server.origin}${SEED}`);
  await settledHighlights(page, { atLeast: 20 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function tabId(): Promise<number> {
  await page.bringToFront();
  const id = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (id === undefined) throw new Error('no active tab');
  return id;
}

const badge = async () => browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), await tabId());
const title = async () => browser.worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), await tabId());
const setSettings = (settings: object) => browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), settings);

/** The entries the page's content script says it mentions (the popup's list). */
async function entriesOnPage(): Promise<number> {
  const id = await tabId();
  const info = (await browser.worker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'page-info' }).then((reply: { value?: { mentions: unknown[] } }) => reply?.value),
    id,
  )) as { mentions: unknown[] };
  return info.mentions.length;
}

describe('toolbar icon', () => {
  it('counts the entries the page mentions on the badge', async () => {
    const entries = await entriesOnPage();
    expect(entries).toBeGreaterThan(5);
    await expect.poll(badge).toBe(String(entries));
    await expect.poll(title).toBe(`ChipLens: ${entries} names on this page`);
  });

  it('greys out with no count when ChipLens is paused, and comes back', async () => {
    await setSettings({ ...defaultSettings(), paused: true });
    await expect.poll(badge).toBe('');
    await expect.poll(title).toBe('ChipLens: off on this page');
    await setSettings(defaultSettings());
    await expect.poll(badge).toMatch(/^[1-9]\d*$/);
  });

  it('greys out where ChipLens is off for the site', async () => {
    await setSettings({ ...defaultSettings(), disabledSites: ['127.0.0.1'] });
    await expect.poll(title).toBe('ChipLens: off on this page');
    expect(await badge()).toBe('');
    await setSettings(defaultSettings());
    await expect.poll(title).toMatch(/names on this page$/);
  });
});
