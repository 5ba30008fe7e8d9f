import { describe, expect, it } from 'vitest';
import type { AliasTableEntry } from './alias-table';
import type { MatchResult } from './matcher';
import { PageContext } from './page-context';

// 0 NVIDIA, 1 H20 (supported by NVIDIA), 2 Google (broad), 3 Huawei, 4 Kimi (no supporters).
const entries: AliasTableEntry[] = [
  { id: 'nvidia', kind: 'company' },
  { id: 'nvidia-h20', kind: 'chip', supporters: [0] },
  { id: 'google', kind: 'company', broad: true },
  { id: 'huawei', kind: 'company' },
  { id: 'kimi', kind: 'model' },
];
const found = (mentioned: number[], deferred: number[] = []): MatchResult => ({
  mentions: mentioned.map((entry) => ({ entry, start: 0, end: 1 })),
  deferred,
});

describe("a page's context", () => {
  it('reads again the blocks whose doubtful names a later block confirms, itself or through a supporter, once', () => {
    const page = new PageContext<string>({ entries });
    expect(page.record('a', found([], [1]))).toEqual([]);
    expect(page.record('b', found([], [4]))).toEqual([]);
    expect(page.waitingCount).toBe(2);
    // NVIDIA supports the H20: block a is read again; b (Kimi) still waits.
    expect(page.record('c', found([0]))).toEqual(['a']);
    expect(page.waitingCount).toBe(1);
    // Nothing new confirmed: nothing to read again.
    expect(page.record('d', found([0]))).toEqual([]);
    expect(page.record('e', found([4]))).toEqual(['b']);
    expect(page.has(4) && page.has(0) && !page.has(1)).toBe(true);
  });

  it('does not read a block again for what it confirmed itself, and keeps every part of a block read in parts', () => {
    const page = new PageContext<string>({ entries });
    expect(page.record('a', found([0], [1]))).toEqual([]);
    expect(page.waitingCount).toBe(1);
    page.record('b', found([], [1]));
    page.record('b', found([], [4]));
    expect(page.record('c', found([4]))).toEqual(['b']);
  });

  it('is on topic after two names that are not broad, however often each is named, and then reads again the blocks waiting for a broad name; broad names do not count', () => {
    const page = new PageContext<string>({ entries });
    page.record('x', found([], [2]));
    // NVIDIA twice is one name.
    page.record('a', found([0, 0]));
    expect(page.onTopic).toBe(false);
    expect(page.record('b', found([3]))).toEqual(['x']);
    expect(page.onTopic).toBe(true);
    const broadOnly = new PageContext<string>({ entries });
    broadOnly.record('a', found([2]));
    broadOnly.record('b', found([0]));
    expect(broadOnly.onTopic).toBe(false);
  });

  it('forgets blocks one by one or by a test, and everything when cleared', () => {
    const page = new PageContext<string>({ entries });
    for (const block of ['a', 'b', 'c']) page.record(block, found([], [1]));
    page.forget('a');
    page.forgetWhere((block) => block === 'b');
    expect(page.waitingCount).toBe(1);
    expect(page.record('d', found([0]))).toEqual(['c']);
    page.record('e', found([3]));
    expect(page.onTopic).toBe(true);
    page.record('f', found([], [4]));
    page.clear();
    expect([page.waitingCount, page.onTopic, page.has(0)]).toEqual([0, false, false]);
    // Cleared, NVIDIA counts as fresh again.
    page.record('g', found([], [1]));
    expect(page.record('h', found([0]))).toEqual(['g']);
  });
});
