// Runs as the page starts loading (document_start). It asks storage for the
// settings and the alias table, inflates the table and reads it (the
// automaton too), so that the content script, which starts once the page is
// parsed, finds them ready instead of waiting its turn behind the page's own
// loading (12-40 ms of the first screen, then 10-25 ms more for inflating,
// in a Chromium test), and then reading the table (5-10 ms).
// Storage answers from another process, and inflating is the browser's own
// stream (a millisecond or two of the page's thread). Reading the table and
// preparing the matcher (below) are one task of 5-23 ms on the page's
// thread, between two of its parser's.
// The result is kept on the content scripts' own global, which pages cannot see.
import { Matcher } from '../core/matcher';
import { decodeStoredTable, type LoadedTable } from '../core/stored-table';
import { isActiveOn, readSettings } from '../core/settings';
import { ALIAS_TABLE_KEY, SETTINGS_KEY } from '../core/storage-keys';
import { leaveEarlyRead } from './early-read-key';
import { extensionApi } from './extension-api';
import * as timeline from './timeline';

// Without an extension API (not a content script) nothing is read early:
// the content script then reads for itself.
const storage = (() => {
  try {
    return extensionApi().storage;
  } catch {
    return undefined;
  }
})();

if (storage) {
  timeline.mark('chiplens:early-read');
  // The first use of the document in the content scripts' world sets up its
  // bindings there (1-2 ms, measured in Chromium): done now, it is not
  // done again after the page has loaded, when the reader is waiting.
  void document.documentElement;
  // A change before the content script starts (the table published while
  // the page loads, on a fresh install) would be missed: it reads again.
  let changed = false;
  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (SETTINGS_KEY in changes || ALIAS_TABLE_KEY in changes)) changed = true;
  });
  // Its share of the page's thread goes on the timeline, as all ChipLens's work does.
  const busy = timeline.work;
  leaveEarlyRead({
    read: storage.local.get([SETTINGS_KEY, ALIAS_TABLE_KEY]).then(async (stored) => {
      const settings = readSettings(stored[SETTINGS_KEY]);
      // Where ChipLens is paused or off, the table is not read: nothing a page could time.
      if (!isActiveOn(settings, location.hostname.toLowerCase())) return { stored, settings, loaded: undefined, matcher: undefined };
      const loaded = await decodeStoredTable(stored[ALIAS_TABLE_KEY], busy);
      return { stored, settings, loaded, matcher: loaded && warmMatcher(loaded, busy) };
    }),
    changed: () => changed,
  });
}

/**
 * A sentence with one of each thing the matcher handles differently: names
 * in three scripts, a Russian inflection, quotes and dashes, a model's
 * version, a company's legal form, a name that needs context.
 */
const WARM_UP = 'Huawei Ascend 910B и NVIDIA H20 — «Qwen 2.5-Max», Alibaba Group Ltd; Хуавэй, ИИ-чипами; 华为昇腾910B、英伟达H20 “Entity List”.';

/**
 * The matcher, run once on WARM_UP: the first text a page's matcher reads
 * costs several times what the next does (its code and expressions are
 * compiled then), and this way that is paid now, while the page loads,
 * not after it, while the reader waits for the first screen (the seed
 * article's text: 9-16 ms cold in Node, 6.5-7 after this, which took 4).
 */
function warmMatcher({ table, automaton }: LoadedTable, busy: (start: number, end: number) => void): Matcher {
  const started = performance.now();
  const matcher = new Matcher(table, automaton);
  matcher.match(WARM_UP);
  busy(started, performance.now());
  return matcher;
}
