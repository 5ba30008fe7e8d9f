import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';
import type { Entry } from './dataset-schema';

describe('contentHash', () => {
  it("is the 32-bit FNV-1a hash of the entries' JSON, as eight hex digits, leading zeros kept", () => {
    // Expected values from another FNV-1a implementation: the stored
    // fingerprint must not change for the same entries.
    expect(contentHash([])).toBe('741638a5');
    // JSON ["14"], whose hash starts with a zero nibble.
    expect(contentHash(['14'] as unknown as Entry[])).toBe('044c5c10');
  });
});
