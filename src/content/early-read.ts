// Runs as the page starts loading (document_start). It only asks storage for
// the settings and the alias table and inflates the table, so that the
// content script, which starts once the page is parsed, finds them ready
// instead of waiting its turn behind the page's own loading (12-40 ms of the
// first screen, then 10-25 ms more for inflating, in a Chromium test).
// Neither holds the page's parsing up: storage answers from another
// process, and inflating is the browser's own stream (a millisecond or two
// of the page's thread). The table is decoded later, by the content script.
// The result is kept on the content scripts' own global, which pages cannot see.
import { inflateStoredTable } from '../core/stored-table-inflate';
import { ALIAS_TABLE_KEY, SETTINGS_KEY } from '../core/storage-keys';
import { leaveEarlyRead } from './early-read-key';
import { extensionApi } from './extension-api';

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
  performance.mark('chiplens:early-read');
  // A change before the content script starts (the table published while
  // the page loads, on a fresh install) would be missed: it reads again.
  let changed = false;
  storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (SETTINGS_KEY in changes || ALIAS_TABLE_KEY in changes)) changed = true;
  });
  leaveEarlyRead({
    read: storage.local.get([SETTINGS_KEY, ALIAS_TABLE_KEY]).then(async (stored) => ({
      stored,
      // Its share of the page's thread goes on the timeline, as all ChipLens's work does.
      packed: await inflateStoredTable(stored[ALIAS_TABLE_KEY], (start, end) => performance.measure('chiplens:work', { start, end })),
    })),
    changed: () => changed,
  });
}
