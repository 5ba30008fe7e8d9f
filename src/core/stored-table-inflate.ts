// The first half of reading a stored alias table (see stored-table): from
// the base64 string storage holds to the inflated bytes. Apart, so that the
// early read at document_start carries only this.
import { fromBase64 } from './base64';
import { inflate } from './deflate';

/** The inflated bytes, or undefined when `value` is not a whole compressed table. */
export async function inflateStoredTable(value: unknown, busy: (start: number, end: number) => void = () => {}): Promise<Uint8Array | undefined> {
  if (typeof value !== 'string') return undefined;
  try {
    const started = performance.now();
    const compressed = fromBase64(value);
    busy(started, performance.now());
    // Stryker disable BlockStatement: the catch below, emptied, returns undefined too (a comment on its own line cannot lead it; nothing follows it in this file)
    return compressed && (await inflate(compressed));
  } catch {
    return undefined;
  }
}
