/** Where early-read leaves what it began, for the content script to take. */
export const EARLY_READ = '__chiplensEarlyRead';

export interface EarlyReadResult {
  /** What storage held for the settings and alias table keys. */
  stored: Record<string, unknown>;
  /** The alias table, inflated (undefined when there was none, or it was damaged). */
  packed: Uint8Array | undefined;
}

export type EarlyRead = { [EARLY_READ]?: Promise<EarlyReadResult> };

/** What early-read began, once: a later start of the content script reads afresh. */
export function takeEarlyRead(): Promise<EarlyReadResult> | undefined {
  const holder = globalThis as EarlyRead;
  const read = holder[EARLY_READ];
  delete holder[EARLY_READ];
  return read;
}
