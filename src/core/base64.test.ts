import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';

describe('base64', () => {
  it('round-trips bytes, including long runs that a single String.fromCharCode call could not take', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(toBase64(new Uint8Array([0, 255, 1]))).toBe('AP8B');
  });

  it('gives undefined for text that is not base64', () => {
    expect(fromBase64('not base64!')).toBeUndefined();
    expect(fromBase64('AP8B')).toEqual(new Uint8Array([0, 255, 1]));
  });
});
