// The content script's only way to the dataset: typed requests to the
// background, which owns IndexedDB (a content script's IndexedDB would be
// the page's, not ours).
import { backgroundAsker, type EntryView } from '../core/messages';
import { extensionApi } from './extension-api';

export const ask = backgroundAsker((message) => extensionApi().runtime.sendMessage(message));

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
