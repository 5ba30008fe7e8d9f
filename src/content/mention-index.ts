// What one run of the annotator knows of the page's mentions: those placed
// (their ranges made and painted), filed by block, and those found below
// the viewport that wait to be placed, in document order; the page's
// context (which entries it confirmed); and how many mentions it holds.
import type { AliasTableEntry } from '../core/alias-table';
import type { EntryKind } from '../core/dataset-schema';
import type { Mention } from '../core/matcher';
import { PageContext } from '../core/page-context';
import type { PaintKey, Painter } from './painter';
import { blockContainer, locate, type TextBlock } from './text-blocks';
import { firstAfter } from './viewport';

export interface PageMention {
  id: string;
  kind: EntryKind;
  /** How it is painted: its kind in full, or as a quiet repeat. */
  paint: PaintKey;
  /** It names a version of the entry ("Qwen3-Max"): the tooltip is about that version. */
  variant?: true;
  range: StaticRange;
  block: Element;
}

/** Mentions found in a block below the viewport, waiting to be placed. */
export interface Unplaced {
  block: TextBlock;
  found: Mention[];
  /** Taken: placed, or forgotten (the block changed or left the page) while it waited. */
  dropped: boolean;
}

/**
 * After a jump down the page, only the last this many waiting mentions
 * above the viewport's bottom are placed; those further up wait until the
 * reader scrolls back towards them. Jumping to the end of a 10 MB page
 * otherwise placed its 63,000 mentions at once: half a second of work, and
 * collections long enough to make tasks of over 50 ms.
 */
export const PAINT_BEHIND = 1000;

export class MentionIndex {
  // Mentions are filed by block only: hover finds a node's block and looks
  // through its few mentions, so a page with 100,000 mentions needs no
  // per-node or per-range index.
  private readonly byBlock = new Map<Element, PageMention[]>();
  private readonly unplaced = new Map<Element, Unplaced>();
  /**
   * Blocks with mentions waiting to be placed, in document order (below
   * where the viewport was when read, or read before it was known); placed
   * and dropped ones stay, marked, while any before them wait.
   */
  private queue: Unplaced[] = [];
  /** Where placing goes on in `queue`: entries before it are placed, dropped, or too far above the viewport. */
  private head = 0;
  /** Entries of `queue` from `head` to this index lie above the frontier: they are placed whatever the count. */
  private aheadFrom = 0;
  /** Mentions held, placed or waiting. */
  held = 0;
  /**
   * Mentions held per entry id, kept as they come and go: the toolbar's
   * count of entries is asked for after every change, and counting it from
   * `found()` walked every mention on the page each time.
   */
  private readonly perEntry = new Map<string, number>();
  readonly context: PageContext<Element>;
  /** Entries with a mention painted in full: their later mentions are repeats. */
  private readonly shownInFull = new Set<number>();

  constructor(
    private readonly entries: readonly AliasTableEntry[],
    private readonly painter: Painter,
    /** Every mention in full, rather than an entry's first in full and the rest quietly. */
    private readonly paintEvery = false,
  ) {
    this.context = new PageContext({ entries: entries as AliasTableEntry[] });
  }

  /** Whether anything found in the block is known (placed or waiting). */
  has(container: Element): boolean {
    return this.byBlock.has(container) || this.unplaced.has(container);
  }

  /** Makes the ranges of `found` in `block` and has them painted. */
  place(block: TextBlock, found: Mention[]): void {
    this.hold(found, 1);
    const mentions = this.byBlock.get(block.container) ?? [];
    for (const m of found) {
      const start = locate(block, m.start, false);
      const end = locate(block, m.end, true);
      const ref = this.entries[m.entry]!;
      const range = new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
      // The first mention of an entry that the reader meets is drawn in full.
      const repeat = !this.paintEvery && this.shownInFull.has(m.entry);
      const paint: PaintKey = repeat ? `${ref.kind}-repeat` : ref.kind;
      this.shownInFull.add(m.entry);
      mentions.push({ id: ref.id, kind: ref.kind, paint, range, block: block.container, ...(m.variant ? { variant: true as const } : {}) });
      this.painter.add(paint, range);
    }
    this.byBlock.set(block.container, mentions);
  }

  /** Queues `found` in `block` to be placed later; `keepText` while more of a long block is still to be read. */
  wait(block: TextBlock, found: Mention[], keepText: boolean): void {
    this.hold(found, 1);
    // Its text is not kept: the block's nodes are listed again when placed.
    if (!keepText) block.text = '';
    const known = this.unplaced.get(block.container);
    if (known) {
      known.found.push(...found);
      return;
    }
    const waiting: Unplaced = { block, found, dropped: false };
    this.queue.push(waiting);
    this.unplaced.set(block.container, waiting);
  }

  /** Takes `waiting` out of the queue to be placed; false if it was dropped meanwhile. */
  take(waiting: Unplaced): boolean {
    if (waiting.dropped) return false;
    // Not dropped, it is still the block's entry in `unplaced`.
    this.dropWaiting(waiting.block.container);
    return true;
  }

  dropWaiting(container: Element): void {
    const waiting = this.unplaced.get(container);
    if (!waiting) return;
    waiting.dropped = true;
    this.hold(waiting.found, -1);
    this.unplaced.delete(container);
  }

  /** Forgets everything known within `root` (removed, or about to be read again). */
  forgetWithin(root: Element): void {
    // Usually `root` is one paragraph, and the page has tens of thousands of
    // blocks: its own few elements are looked up instead of testing every
    // block on the page against it.
    const known = this.byBlock.size + this.unplaced.size + this.context.waitingCount;
    const within: Element[] = [root];
    const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (within.length > known) {
        this.forgetWhere((block) => root === block || root.contains(block));
        return;
      }
      within.push(node as Element);
    }
    for (const element of within) {
      this.context.forget(element);
      this.dropWaiting(element);
      const mentions = this.byBlock.get(element);
      if (mentions) this.forget(element, mentions);
    }
  }

  private forgetWhere(test: (block: Element) => boolean): void {
    this.context.forgetWhere(test);
    for (const block of this.unplaced.keys()) if (test(block)) this.dropWaiting(block);
    for (const [block, mentions] of this.byBlock) if (test(block)) this.forget(block, mentions);
  }

  private forget(block: Element, mentions: PageMention[]): void {
    this.byBlock.delete(block);
    for (const mention of mentions) {
      this.count(mention.id, -1);
      this.painter.delete(mention.paint, mention.range);
    }
  }

  /** Counts `found` in (`delta` 1) or out (-1) of what is held. */
  private hold(found: readonly Mention[], delta: 1 | -1): void {
    for (const m of found) this.count(this.entries[m.entry]!.id, delta);
  }

  private count(id: string, delta: 1 | -1): void {
    this.held += delta;
    const left = (this.perEntry.get(id) ?? 0) + delta;
    if (left > 0) this.perEntry.set(id, left);
    else this.perEntry.delete(id);
  }

  /** How many entries the mentions held (placed or waiting) name. */
  get entryCount(): number {
    return this.perEntry.size;
  }

  /** The mentions placed on the page (with ranges). */
  mentions(): PageMention[] {
    return [...this.byBlock.values()].flat();
  }

  /** Every mention known, placed or not, by entry and kind. */
  found(): Pick<PageMention, 'id' | 'kind'>[] {
    const waiting = [...this.unplaced.values()].flatMap(({ found }) =>
      found.map((m) => ({ id: this.entries[m.entry]!.id, kind: this.entries[m.entry]!.kind })),
    );
    return [...this.mentions(), ...waiting];
  }

  /** The blocks waiting to be placed (those with a mention of entry `id`, if given). */
  waiting(id?: string): Unplaced[] {
    return [...this.unplaced.values()].filter((w) => id === undefined || w.found.some((m) => this.entries[m.entry]!.id === id));
  }

  get waitingCount(): number {
    return this.unplaced.size;
  }

  mentionForRange(range: AbstractRange): PageMention | undefined {
    return this.mentionsAround(range.startContainer).find((m) => m.range === range);
  }

  /** The mention covering character `offset` of `node`, if any. */
  mentionAt(node: Text, offset: number): PageMention | undefined {
    return this.mentionsAround(node).find(({ range }) => {
      const afterStart =
        range.startContainer === node
          ? offset >= range.startOffset
          : (range.startContainer.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const beforeEnd =
        range.endContainer === node ? offset < range.endOffset : (range.endContainer.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      return afterStart && beforeEnd;
    });
  }

  private mentionsAround(node: Node): PageMention[] {
    const block = blockContainer(node);
    return (block && this.byBlock.get(block)) || [];
  }

  // ---- The queue, read from `head` as the viewport allows -------------------

  /** The first waiting block not yet taken, if any (the queue is emptied once nothing in it waits). */
  nextWaiting(): Unplaced | undefined {
    while (this.head < this.queue.length && this.queue[this.head]!.dropped) this.head++;
    if (this.head < this.queue.length) return this.queue[this.head];
    // Emptied once nothing in it waits (blocks far above may).
    if (this.head > 0 && this.unplaced.size === 0) {
      this.queue = [];
      this.head = this.aheadFrom = 0;
    }
    return undefined;
  }

  /** Whether the next waiting block lies above the frontier (placed whatever the count). */
  get nextIsAboveFrontier(): boolean {
    return this.head < this.aheadFrom;
  }

  /** Moves past the next waiting block; true when it lay below the frontier (it counts as placed ahead). */
  advance(): boolean {
    this.head++;
    return this.head > this.aheadFrom;
  }

  /** Nothing at the viewport's bottom: everything waiting is placed, from the top. */
  placeFromTop(): void {
    this.head = 0;
  }

  /** The viewport's bottom is now `node`: placing goes back from there. */
  placeFromNode(node: Node): void {
    // Blocks gone from the page have no place in it to compare against.
    const gone = (waiting: Unplaced) => !waiting.block.container.isConnected;
    if (this.queue.some(gone)) this.queue = this.queue.filter((waiting) => !gone(waiting));
    // The queue is in document order: find where it passes the new bottom.
    this.placeFromBottom(firstAfter(this.queue, node, (waiting) => waiting.block.container));
  }

  /** A walk catching up came to the viewport's bottom: placing goes back from the end of the queue. */
  placeFromEnd(): void {
    this.placeFromBottom(this.queue.length);
  }

  /**
   * The viewport's bottom falls before queue entry `bottom`: placing goes
   * back from there by PAINT_BEHIND mentions, placed or not, so that the
   * work stays bounded however far the reader jumped, and however often
   * they scroll; what lies before that waits.
   */
  private placeFromBottom(bottom: number): void {
    this.aheadFrom = bottom;
    let from = bottom;
    for (let count = 0; from > 0 && count < PAINT_BEHIND; ) count += this.queue[--from]!.found.length;
    this.head = from;
  }
}
