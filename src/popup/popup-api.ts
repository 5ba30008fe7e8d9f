// What the popup needs from the rest of the extension: the background for
// data and settings, and the content script of the tab it was opened on.
import browser from 'webextension-polyfill';
import { contentAsker, type PageInfo, type RevealResult } from '../core/messages';

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

const askTab = (tabId: number) => contentAsker((message) => browser.tabs.sendMessage(tabId, message));

export function pageInfo(tabId: number): Promise<PageInfo | undefined> {
  // Undefined where no content script answers: a browser page, the store, or a PDF.
  return askTab(tabId)({ type: 'page-info' }).catch(() => undefined);
}

/** Asks the tab to scroll to mention `index` of `id` and flash it. */
export function revealMention(tabId: number, id: string, index: number): Promise<RevealResult | undefined> {
  return askTab(tabId)({ type: 'reveal', id, index }).catch(() => undefined);
}
