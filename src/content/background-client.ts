// The content script's only way to the dataset: typed requests to the
// background, which owns IndexedDB (a content script's IndexedDB would be
// the page's, not ours).
import { replyValue, type BackgroundRequest, type BackgroundResponses, type EntryView, type Reply } from '../core/messages';
import { extensionApi } from './extension-api';

/** A typed request to the background; a failure comes back as an exception with the worker's words. */
export async function ask<T extends BackgroundRequest>(request: T): Promise<BackgroundResponses[T['type']]> {
  return replyValue((await extensionApi().runtime.sendMessage(request)) as Reply<BackgroundResponses[T['type']]> | undefined);
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
