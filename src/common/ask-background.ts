// Typed requests to the background worker, for the extension's pages. (The
// content script sends them without the polyfill: content/background-client.)
import browser from 'webextension-polyfill';
import { backgroundAsker } from '../core/messages';

export const ask = backgroundAsker((message) => browser.runtime.sendMessage(message));
