// Typed requests to the background worker, for the extension's pages. (The
// content script sends them without the polyfill: content/background-client.)
// A failure comes back as an exception with the worker's words.
import browser from 'webextension-polyfill';
import { replyValue, type BackgroundRequest, type BackgroundResponses, type Reply } from '../core/messages';

export async function ask<T extends BackgroundRequest>(request: T): Promise<BackgroundResponses[T['type']]> {
  return replyValue((await browser.runtime.sendMessage(request)) as Reply<BackgroundResponses[T['type']]> | undefined);
}
