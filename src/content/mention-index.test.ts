// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { AliasTableEntry } from '../core/alias-table';
import type { EntryKind } from '../core/dataset-schema';
import type { Mention } from '../core/matcher';
import { MentionIndex, PAINT_BEHIND } from './mention-index';
import type { Painter } from './painter';
import { iterateBlocks, type TextBlock } from './text-blocks';

const ENTRIES: AliasTableEntry[] = [
  { id: 'huawei', kind: 'company' },
  { id: 'nvidia-h20', kind: 'chip' },
];

/** A painter that only keeps what it was given. */
function fakePainter() {
  const painted = new Set<AbstractRange>();
  const painter = {
    add: (_kind: EntryKind, range: AbstractRange) => void painted.add(range),
    delete: (_kind: EntryKind, range: AbstractRange) => void painted.delete(range),
  } as unknown as Painter;
  return { painter, painted };
}

/** The page's blocks, read as the annotator reads them. */
function blocks(html: string): TextBlock[] {
  document.body.innerHTML = html;
  return [...iterateBlocks(document.body)];
}

/** Where each name occurs in the block's text. */
function found(block: TextBlock, names: [string, number][]): Mention[] {
  return names.map(([name, entry]) => {
    const start = block.text.indexOf(name);
    return { entry, start, end: start + name.length };
  });
}

// happy-dom has no StaticRange: a stand-in with its fields, which is all the index reads.
(globalThis as { StaticRange?: unknown }).StaticRange ??= class {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MentionIndex', () => {
  it('places mentions on the right text, finds them by position, and counts what it holds', () => {
    const [first] = blocks('<p>Orders for <b>Hua</b>wei and the NVIDIA H20 rose.</p>');
    const { painter, painted } = fakePainter();
    const index = new MentionIndex(ENTRIES, painter);
    index.place(
      first!,
      found(first!, [
        ['Huawei', 0],
        ['NVIDIA H20', 1],
      ]),
    );
    expect(index.held).toBe(2);
    expect(painted.size).toBe(2);
    const [huawei, h20] = index.mentions();
    const text = (r: AbstractRange) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    };
    expect([text(huawei!.range), huawei!.id, text(h20!.range), h20!.kind]).toEqual(['Huawei', 'huawei', 'NVIDIA H20', 'chip']);
    const wei = document.querySelector('b')!.nextSibling as Text;
    expect(index.mentionAt(wei, 1)?.id).toBe('huawei');
    expect(index.mentionForRange(h20!.range)).toBe(h20);
    expect(index.mentionAt(wei, 10)).toBeUndefined();
  });

  it("paints each entry's first mention in full and its repeats quietly, or every one in full when asked", () => {
    const [one, two] = blocks('<p>Huawei and NVIDIA H20.</p><p>Huawei again, and Huawei.</p>');
    const keys = (paintEvery: boolean) => {
      const seen: string[] = [];
      const painter = { add: (key: string) => void seen.push(key), delete: () => undefined } as unknown as Painter;
      const index = new MentionIndex(ENTRIES, painter, paintEvery);
      index.place(
        one!,
        found(one!, [
          ['Huawei', 0],
          ['NVIDIA H20', 1],
        ]),
      );
      index.place(two!, [
        { entry: 0, start: 0, end: 6 },
        { entry: 0, start: 18, end: 24 },
      ]);
      // Hover and the popup see every mention, whatever its paint.
      expect(index.mentions().map((m) => m.id)).toEqual(['huawei', 'nvidia-h20', 'huawei', 'huawei']);
      // Four mentions of two entries: the toolbar counts entries.
      expect([index.held, index.entryCount]).toEqual([4, 2]);
      return seen;
    };
    expect(keys(false)).toEqual(['company', 'chip', 'company-repeat', 'company-repeat']);
    expect(keys(true)).toEqual(['company', 'chip', 'company', 'company']);
  });

  it('forgets what a removed or changed element held, its waiting mentions too, and unpaints them', () => {
    const [a, b] = blocks('<div id="d"><p>Huawei</p><p>NVIDIA H20</p></div>');
    const { painter, painted } = fakePainter();
    const index = new MentionIndex(ENTRIES, painter);
    index.place(a!, found(a!, [['Huawei', 0]]));
    index.wait(b!, found(b!, [['NVIDIA H20', 1]]), false);
    expect(index.held).toBe(2);
    expect(index.entryCount).toBe(2);
    expect(
      index
        .found()
        .map((m) => m.id)
        .sort(),
    ).toEqual(['huawei', 'nvidia-h20']);
    index.forgetWithin(document.getElementById('d')!);
    expect(index.held).toBe(0);
    expect(index.entryCount).toBe(0);
    expect(painted.size).toBe(0);
    expect(index.found()).toEqual([]);
    expect(index.nextWaiting()).toBeUndefined();
  });

  it('adds the later pieces of a long block to the same waiting entry, and keeps its text until the last', () => {
    const [block] = blocks('<p>Huawei … Huawei</p>');
    const index = new MentionIndex(ENTRIES, fakePainter().painter);
    index.wait(block!, [{ entry: 0, start: 0, end: 6 }], true);
    expect(block!.text).not.toBe('');
    index.wait(block!, [{ entry: 0, start: 9, end: 15 }], false);
    expect(block!.text).toBe('');
    const waiting = index.nextWaiting()!;
    expect(waiting.found).toHaveLength(2);
    expect(index.waiting('huawei')).toEqual([waiting]);
    expect(index.waiting('nvidia-h20')).toEqual([]);
    expect([index.held, index.entryCount]).toEqual([2, 1]);
    expect(index.take(waiting)).toBe(true);
    // Taken to be placed, it is no longer held until placed.
    expect([index.held, index.entryCount]).toEqual([0, 0]);
    expect(index.take(waiting)).toBe(false);
    expect([index.held, index.entryCount]).toEqual([0, 0]);
  });

  it("places back from the viewport's bottom by PAINT_BEHIND mentions: what lies further up waits", () => {
    const list = blocks(Array.from({ length: 30 }, (_, i) => `<p>Huawei ${i}</p>`).join(''));
    const index = new MentionIndex(ENTRIES, fakePainter().painter);
    const perBlock = PAINT_BEHIND / 10;
    for (const block of list)
      index.wait(
        block,
        Array.from({ length: perBlock }, () => ({ entry: 0, start: 0, end: 6 })),
        false,
      );
    // The bottom is in block 20: it and the nine above it (PAINT_BEHIND mentions) come next, above the frontier.
    index.placeFromNode(list[20]!.container.firstChild!);
    expect(index.nextWaiting()).toBe(index.waiting()[11]);
    expect(index.nextIsAboveFrontier).toBe(true);
    for (let i = 11; i <= 20; i++) expect(index.advance()).toBe(false);
    // Past the bottom: what comes next lies below the frontier.
    expect(index.nextIsAboveFrontier).toBe(false);
    index.placeFromTop();
    expect(index.nextWaiting()).toBe(index.waiting()[0]);
  });
});
