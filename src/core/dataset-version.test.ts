import { describe, expect, it } from 'vitest';
import { maxVersionAt, versionRefusal } from './dataset-version';

const at = (iso: string) => Date.parse(iso);

describe('dataset versions', () => {
  it('tops a day at its 99th copy', () => {
    expect(maxVersionAt(at('2026-12-07T23:59:59Z'))).toBe(2026120799);
    expect(maxVersionAt(at('2027-01-01T00:00:00Z'))).toBe(2027010199);
  });

  it('takes a version of the day it was published, or the next (time zones)', () => {
    const publishedAt = at('2026-12-07T05:00:00Z');
    const now = at('2026-12-07T06:00:00Z');
    expect(versionRefusal(2026120701, { publishedAt, now })).toBeUndefined();
    expect(versionRefusal(2026120899, { publishedAt, now })).toBeUndefined();
    expect(versionRefusal(2026120901, { publishedAt, now })).toMatch(/dated after the notice that announces it \(published 2026-12-07\)/);
  });

  it('refuses a version beyond the local clock plus two days, whatever the notice says', () => {
    const now = at('2026-12-07T06:00:00Z');
    expect(versionRefusal(2026120999, { now })).toBeUndefined();
    expect(versionRefusal(2026121001, { now })).toBe('version 2026121001 is dated in the future');
    expect(versionRefusal(2030010101, { publishedAt: at('2030-01-01T00:00:00Z'), now })).toBe('version 2030010101 is dated in the future');
    expect(versionRefusal(Number.MAX_SAFE_INTEGER, { now })).toMatch(/in the future/);
  });
});
