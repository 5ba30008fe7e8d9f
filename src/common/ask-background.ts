// Typed requests to the background worker, for the content script and the
// popup alike. A failure comes back as an exception with the worker's words.
import browser from 'webextension-polyfill';
import type { BackgroundRequest, BackgroundResponses, Reply } from '../core/messages';

export async function ask<T extends BackgroundRequest>(request: T): Promise<BackgroundResponses[T['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<BackgroundResponses[T['type']]> | undefined;
  if (!reply) throw new Error('ChipLens background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
