import { describe, expect, it } from 'vitest';
import { PendingRanges } from './painter';

const ranges = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }) as unknown as AbstractRange);

describe('PendingRanges', () => {
  it('hands over every range in the order added, once', () => {
    const pending = new PendingRanges();
    const all = ranges(5);
    for (const range of all) pending.add('chip', range);
    pending.delete(all[2]!);
    const painted: AbstractRange[] = [];
    expect(pending.drain(Infinity, (range) => painted.push(range))).toBe(true);
    expect(painted).toEqual([all[0], all[1], all[3], all[4]]);
    expect(pending.size).toBe(0);
    expect(pending.drained).toBe(4);
    pending.clear();
    expect(pending.drained).toBe(0);
  });

  it('stops at a deadline and goes on from there next time', () => {
    const pending = new PendingRanges();
    const all = ranges(1000);
    for (const range of all) pending.add('rule', range);
    const painted: AbstractRange[] = [];
    // A deadline already past: it stops at the first look at the clock.
    expect(pending.drain(0, (range) => painted.push(range))).toBe(false);
    expect(painted.length).toBeGreaterThan(0);
    expect(painted.length).toBeLessThan(1000);
    expect(pending.drain(Infinity, (range) => painted.push(range))).toBe(true);
    expect(painted).toEqual(all);
  });
});
