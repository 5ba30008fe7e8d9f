// Limits a signed, schema-valid dataset must still meet before it replaces
// the one in use. A signature proves who published a copy, not that the copy
// is sane: a publishing mistake (or a stolen key) could ship one entry,
// one-letter names that light up every page, or so many names that every
// page slows down. Each limit is checked before anything is written.
import type { Dataset } from './dataset-schema';

/** A new copy may not have fewer entries than this share of the installed one, unless its notice allows it. */
const MIN_ENTRY_SHARE = 0.8;
/** Shorter names would match inside ordinary words on every page. */
const MIN_NAME_LENGTH = 2;
/** Names across all entries and languages (the bundled dataset has about 2,700). */
export const MAX_NAMES = 20_000;
/** The compiled name table as stored for pages (the bundled one is about 0.23 MB). */
const MAX_TABLE_CHARS = 2_000_000;

/** A refused update: the message is for the user, and nothing was written. */
export class UpdateRefused extends Error {
  override name = 'UpdateRefused';
}

function aliasText(alias: string | { text: string }): string {
  return typeof alias === 'string' ? alias : alias.text;
}

/** Why `next` may not replace a dataset of `installedEntries` entries; undefined when it may. */
export function datasetRefusal(
  next: Dataset,
  { installedEntries, allowFewerEntries }: { installedEntries: number; allowFewerEntries: boolean },
): string | undefined {
  const floor = Math.ceil(installedEntries * MIN_ENTRY_SHARE);
  if (!allowFewerEntries && next.entries.length < floor) {
    return `it has ${next.entries.length} entries, far fewer than the ${installedEntries} in use`;
  }
  let names = 0;
  for (const entry of next.entries) {
    for (const list of Object.values(entry.aliases)) {
      for (const alias of list ?? []) {
        names++;
        const text = aliasText(alias);
        if ([...text.trim()].length < MIN_NAME_LENGTH) return `${entry.id} has the name "${text}", shorter than ${MIN_NAME_LENGTH} characters`;
      }
    }
  }
  if (names > MAX_NAMES) return `it has ${names.toLocaleString('en')} names, more than the ${MAX_NAMES.toLocaleString('en')} allowed`;
  return undefined;
}

/** Why a stored table of `chars` characters cannot be kept, given the storage area's room; undefined when it can. */
export function tableRefusal(chars: number, room?: { quota: number; used: number; replaced: number }): string | undefined {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  if (chars > MAX_TABLE_CHARS) return `its name table (${mb(chars)}) is larger than the ${mb(MAX_TABLE_CHARS)} allowed`;
  if (room && room.used - room.replaced + chars > room.quota) {
    return `its name table (${mb(chars)}) does not fit in the browser's extension storage (${mb(room.quota - room.used + room.replaced)} free)`;
  }
  return undefined;
}
