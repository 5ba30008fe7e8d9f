import type { Matcher } from '../core/matcher';
import type { Settings } from '../core/settings';
import type { LoadedTable } from '../core/stored-table';

/** Where early-read leaves what it began, for the content script to take. */
const EARLY_READ = '__chiplensEarlyRead';

interface EarlyReadResult {
  /** What storage held for the settings and alias table keys. */
  stored: Record<string, unknown>;
  /** The settings among them, read (the content script need not read them again). */
  settings: Settings;
  /** The alias table and its automaton, read (undefined when there was none, or it was damaged). */
  loaded: LoadedTable | undefined;
  /** A matcher on that table, already run once (see early-read). */
  matcher: Matcher | undefined;
}

export interface EarlyRead {
  read: Promise<EarlyReadResult>;
  /** Whether either key changed since the read began (say, the table was first published while the page loaded). */
  changed(): boolean;
}

type Holder = { [EARLY_READ]?: EarlyRead };

export function leaveEarlyRead(early: EarlyRead): void {
  (globalThis as Holder)[EARLY_READ] = early;
}

/** What early-read began, once: a later start of the content script reads afresh. */
export function takeEarlyRead(): EarlyRead | undefined {
  const holder = globalThis as Holder;
  const early = holder[EARLY_READ];
  delete holder[EARLY_READ];
  return early;
}
