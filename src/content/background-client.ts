// The content script's only way to the dataset: typed requests to the
// background, which owns IndexedDB (a content script's IndexedDB would be
// the page's, not ours).
import browser from 'webextension-polyfill';
import type { BackgroundRequest, BackgroundResponses, EntryView, Reply } from '../core/messages';

export async function ask<T extends BackgroundRequest>(request: T): Promise<BackgroundResponses[T['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<BackgroundResponses[T['type']]> | undefined;
  if (!reply) throw new Error('ChipLens background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

const views = new Map<string, Promise<EntryView | null>>();

/** Entry details, fetched once per page and entry. */
export function entryView(id: string): Promise<EntryView | null> {
  let view = views.get(id);
  if (!view) {
    view = ask({ type: 'get-entry', id });
    views.set(id, view);
    view.catch(() => views.delete(id));
  }
  return view;
}

export function forgetEntryViews(): void {
  views.clear();
}
