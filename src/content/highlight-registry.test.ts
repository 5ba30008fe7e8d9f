import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HighlightRegistry, highlightName } from './highlight-registry';

// The Highlight API's shape, enough to watch what the page would render.
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}
const registered = new Map<string, FakeHighlight>();
const ranges = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }) as unknown as AbstractRange);
/** Whether the highlights' stylesheet is on the page, as the registry last left it. */
let sheetOn = false;
const sheet = { adopt: () => (sheetOn = true), drop: () => (sheetOn = false) };

beforeEach(() => {
  registered.clear();
  sheetOn = false;
  Object.assign(globalThis, { Highlight: FakeHighlight, CSS: { highlights: registered } });
});

afterEach(() => {
  delete (globalThis as { Highlight?: unknown }).Highlight;
  delete (globalThis as { CSS?: unknown }).CSS;
});

describe('HighlightRegistry', () => {
  it('puts its stylesheet on the page only once it paints, and takes it off when cleared', () => {
    const registry = new HighlightRegistry('underline', sheet);
    registry.add('chip', ranges(1)[0]!);
    expect(sheetOn).toBe(false);
    registry.flush(Infinity);
    expect(sheetOn).toBe(true);
    registry.clear();
    expect(sheetOn).toBe(false);
    // Flushing nothing does not put it back.
    registry.flush(Infinity);
    expect(sheetOn).toBe(false);
  });

  it('paints a batch that fits in one slice straight into the rendered highlights', () => {
    const registry = new HighlightRegistry('underline', sheet);
    const batch = ranges(100);
    for (const range of batch) registry.add('chip', range);
    expect(registry.flush(Infinity)).toBe(true);
    expect([...registered.get(highlightName('chip'))!]).toEqual(batch);
  });

  it('builds a batch that takes several slices aside, and shows it all at once', () => {
    const registry = new HighlightRegistry('underline', sheet);
    const first = ranges(300);
    for (const range of first) registry.add('chip', range);
    expect(registry.flush(Infinity)).toBe(true);
    const shown = registered.get(highlightName('chip'))!;
    const more = ranges(5000);
    for (const [i, range] of more.entries()) registry.add(i % 2 ? 'chip' : 'rule', range);
    // A deadline already past: each flush is a slice that stops at its first look at the clock.
    let slices = 1;
    let done = registry.flush(0);
    // The first slice paints what it can straight away; after that nothing
    // the page renders changes until the batch is complete.
    const afterFirst = shown.size;
    expect(done).toBe(false);
    while (!done) {
      expect(registered.get(highlightName('chip'))).toBe(shown);
      expect(shown.size).toBe(afterFirst);
      done = registry.flush(0);
      slices++;
    }
    expect(slices).toBeGreaterThan(5);
    const chips = registered.get(highlightName('chip'))!;
    expect(chips).not.toBe(shown);
    expect(new Set(chips)).toEqual(new Set([...first, ...more.filter((_, i) => i % 2)]));
    expect(new Set(registered.get(highlightName('rule')))).toEqual(new Set(more.filter((_, i) => i % 2 === 0)));
    expect(registry.painted).toBe(5300);
  });

  it('forgets a range removed while a batch is being built, and drops the batch on clear', () => {
    const registry = new HighlightRegistry('underline', sheet);
    const all = ranges(3000);
    for (const range of all) registry.add('model', range);
    expect(registry.flush(0)).toBe(false);
    registry.delete('model', all[0]!);
    registry.delete('model', all[2999]!);
    while (!registry.flush(0));
    const shown = registered.get(highlightName('model'))!;
    expect(shown.size).toBe(2998);
    expect(shown.has(all[0]!) || shown.has(all[2999]!)).toBe(false);
    for (const range of ranges(3000)) registry.add('model', range);
    registry.flush(0);
    registry.clear();
    expect(registered.size).toBe(0);
    expect(registry.flush(Infinity)).toBe(true);
    expect(registered.size).toBe(0);
  });
});
