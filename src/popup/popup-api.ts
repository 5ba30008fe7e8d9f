// What the popup needs from the rest of the extension: the background for
// data and settings, and the content script of the tab it was opened on.
import browser from 'webextension-polyfill';
import type { PageInfo, Reply, RevealResult } from '../core/messages';
import { readSettings, SETTINGS_KEY, type Settings } from '../core/settings';

export { ask } from '../common/ask-background';
export { t, uiLanguage } from '../common/i18n';

/**
 * The tab the popup acts on: the active tab of its window, or the one named
 * by `?tab=` when the popup is opened as a page of its own (pinned in a tab,
 * or driven by the browser tests).
 */
export async function targetTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export async function pageInfo(tabId: number): Promise<PageInfo | undefined> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'page-info' })) as Reply<PageInfo> | undefined;
    return reply?.ok ? reply.value : undefined;
  } catch {
    // No content script there: a browser page, the store, or a PDF.
    return undefined;
  }
}

/** Asks the tab to scroll to mention `index` of `id` and flash it. */
export async function revealMention(tabId: number, id: string, index: number): Promise<RevealResult | undefined> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'reveal', id, index })) as Reply<RevealResult> | undefined;
    return reply?.ok ? reply.value : undefined;
  } catch {
    return undefined;
  }
}

export async function readStoredSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export function onSettingsChange(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

