import { describe, expect, it } from 'vitest';
import { toBase64 } from './base64';
import { deflate } from './deflate';
import { inflateStoredTable } from './stored-table-inflate';

describe('inflateStoredTable', () => {
  it('inflates the base64 text storage holds, and refuses anything but a string, even an array holding that text', async () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const stored = toBase64(await deflate(bytes));
    expect(await inflateStoredTable(stored)).toEqual(bytes);
    // An array's text is its element's: read as a string, it would inflate.
    expect(await inflateStoredTable([stored])).toBeUndefined();
    expect(await inflateStoredTable(undefined)).toBeUndefined();
    expect(await inflateStoredTable('not base64!')).toBeUndefined();
  });
});
