// Owns the page's mentions: finds them in the text, paints them through the
// painter, follows the page as it changes, and answers "which
// mention is here?" for hover. It never edits the page's DOM.
import type { EntryKind } from '../core/dataset-schema';
import type { Matcher, Mention } from '../core/matcher';
import { PageContext } from '../core/page-context';
import { isFirstPiece, isLastPiece, pieceText, piecesOf, type Piece } from './block-pieces';
import type { Painter } from './painter';
import { blockContainer, containerOf, isConnectedBlock, isInlineElement, iterateBlocks, locate, type TextBlock, type WalkBounds } from './text-blocks';
import * as timeline from './timeline';
import { isAfter, probeViewport, type Viewport } from './viewport';

export interface PageMention {
  id: string;
  kind: EntryKind;
  range: StaticRange;
  block: Element;
}

/** Matching work is split into slices this long so the page stays responsive. */
const SLICE_MS = 8;
/**
 * Until the first screen is read, slices may run this long: yielding every
 * 8 ms there only lets the page's own loading tasks delay what the reader
 * sees first, and it stays well inside the 50 ms of a long task.
 */
const FIRST_SCREEN_SLICE_MS = 20;
/** DOM changes are gathered this long before they are read again. */
const MUTATION_DELAY_MS = 100;
/**
 * Below the first screen, new highlights are painted in batches, at most
 * this often, and less often the more there are: each batch costs the
 * browser time in proportion to all the highlights on the page.
 */
const PAINT_EVERY_MS = 250;
const PAINT_SLOWER_PER = 5000;
/**
 * And only once the waiting ranges are this share of those painted, so
 * that batches grow geometrically and the browser's work over all of them
 * stays within a few times that of the last. In a trace of the 10 MB page
 * (64,000 highlights), painting every 250 ms or so took it 21 frames whose
 * pre-paint step alone came to 7.8 s, the last ones 0.6-0.9 s each.
 */
const PAINT_GROWTH = 1;
/**
 * Mentions further down than the viewport are placed (their text nodes
 * found, ranges made, painted) only this many ahead of it; the others wait
 * until the reader scrolls towards them. Pages with fewer are painted whole.
 * Placing is over half of ChipLens's work on a page dense with names, and
 * every range painted costs the browser something in every frame that
 * changes a highlight.
 */
const PAINT_AHEAD = 1000;
/**
 * After a jump down the page, only the last this many waiting mentions
 * above the viewport's bottom are placed; those further up wait until the
 * reader scrolls back towards them. Jumping to the end of a 10 MB page
 * otherwise placed its 63,000 mentions at once: half a second of work, and
 * collections long enough to make tasks of over 50 ms.
 */
const PAINT_BEHIND = 1000;
/**
 * Below the viewport, the page is read only this far ahead (in characters,
 * or PAINT_AHEAD mentions, whichever comes first); the rest is read as the
 * reader scrolls towards it, or at once when every mention is asked for (the
 * popup's list, stepping through them). Most readers never reach the end of
 * a long page, and reading and matching it all cost a 1 MB page five times
 * what reading its text alone does. About ten screens of dense text.
 */
const READ_AHEAD_CHARS = 30_000;
/** A walk that lost its place (the page removed it) starts again from the top at most this often. */
const MAX_RESTARTS = 5;
/** While the reader scrolls, where the viewport is is asked at most this often. */
const SCROLL_PROBE_MS = 100;
/**
 * ChipLens stops reading a page once it holds this many mentions, and the
 * popup says so. No article comes near it (a 10 MB page of news holds
 * 64,000); one 5 MB paragraph of nothing but names would otherwise keep
 * 200,000 highlights and 70 MB for the page's life.
 */
export const MENTION_LIMIT = 100_000;

/** Mentions found in a block below the viewport, waiting to be placed. */
interface Unplaced {
  block: TextBlock;
  found: Mention[];
  /** Taken: placed, or forgotten (the block changed or left the page) while it waited. */
  dropped: boolean;
}

/** A block read below the viewport: what it counts towards reading ahead. */
interface ReadAhead {
  container: Element;
  mentions: number;
  chars: number;
}

/** A walk through part of the page, block by block. */
interface Reader {
  blocks: Iterator<Piece>;
  bounds: WalkBounds;
  /** A walk of the page from the top or from the viewport (not a block read again): its blocks come in document order. */
  page: boolean;
  /** Whether the walk has passed the frontier, so that what it finds now is further down. */
  past: boolean;
  /**
   * The viewport moved past where the walk had paused below it: until the
   * walk reaches its new bottom, what it finds is above the viewport, and
   * waits (only the last PAINT_BEHIND mentions are placed when it gets there).
   */
  catchingUp: boolean;
  /** The last block it gave. */
  last: Element | undefined;
  /** A block the walk passes over (its mentions are known): its later pieces too. */
  skipping: TextBlock | undefined;
}

export class Annotator {
  // Mentions are filed by block only: hover finds a node's block and looks
  // through its few mentions, so a page with 100,000 mentions needs no
  // per-node or per-range index.
  private readonly byBlock = new Map<Element, PageMention[]>();
  private observer: MutationObserver | undefined;
  /** Blocks still to read, root by root, pulled a few at a time. */
  private reading: Reader[] = [];
  private pendingRoots = new Set<Node>();
  /** Set once the blocks on the first screen have been read; once their highlights are painted too, it is on the timeline (for the benchmark). */
  private firstScreenDone = false;
  /** Whether the highlights of the first screen have been painted, and when highlights were last painted. */
  private firstScreenPainted = false;
  private lastPaint = 0;
  /** A walk came to the bottom of the viewport after the reader scrolled: what it placed on screen is painted now, not with the next batch. */
  private screenRead = false;
  /** A batch of highlights is being painted, over as many slices as it takes. */
  private painting = false;
  private cancelProbe: (() => void) | undefined;
  /** The viewport when the page was first read, once probed: the walk from the top may not have begun yet. */
  private viewport: Viewport | undefined;
  /** The bounds of the first walk of the page, which the viewport may cut short. */
  private topBounds: WalkBounds | undefined;
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
  private readonly unplaced = new Map<Element, Unplaced>();
  /** The node at the bottom of the viewport as last probed; undefined: place everything. */
  private frontier: Node | undefined;
  /** Mentions placed past the frontier since it was last probed. */
  private placedAhead = 0;
  private cancelScrollProbe: (() => void) | undefined;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onScroll = () => this.followScroll();
  private dirty = new Set<Element>();
  private addedRoots = new Set<Element>();
  /** Elements the page removed since the last flush: what ChipLens knew inside them is forgotten. */
  private removed: Element[] = [];
  /** Queued roots that changed: what is known inside them is forgotten when they are read again, in a slice. */
  private stale = new Set<Element>();
  /** Mentions held (placed or waiting), and whether MENTION_LIMIT stopped the reading. */
  private held = 0;
  private limited = false;
  private mutationTimer: ReturnType<typeof setTimeout> | undefined;
  private sliceTimer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private root: Node | undefined;
  private restarts = 0;
  /** Blocks read below the viewport, in document order, and their sums: how far the walk has read ahead. */
  private aheadLog: ReadAhead[] = [];
  private aheadMentions = 0;
  private aheadChars = 0;
  /** Every mention was asked for: the page is read to its end, not only ahead of the viewport. */
  private readingAll = false;
  private readWaiters: (() => void)[] = [];
  private page: PageContext<Element>;

  constructor(
    private matcher: Matcher,
    /** What the mentions are painted with. */
    readonly painter: Painter,
    private readonly ignore: (el: Element) => boolean,
    /** Kinds the user chose to see; the others are matched (they still give context) but not painted. */
    private readonly visible: (kind: EntryKind) => boolean = () => true,
  ) {
    this.page = new PageContext(matcher.table);
  }

  /**
   * Starts reading `root`. `probe` finds the viewport; the content script
   * passes one it began before the alias table was loaded, so that the
   * frame it waits for overlaps the loading.
   */
  start(root: Node, probe: (found: (viewport: Viewport) => void) => () => void = probeViewport): void {
    if (this.running) return;
    this.running = true;
    this.root = root;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.enqueue(root);
    // Capturing, so that scrolled containers inside the page count too.
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.cancelProbe = probe((viewport) => {
      this.viewport = viewport;
      // What was placed while the viewport was unknown counts as placed ahead of it.
      this.moveFrontier(viewport.last, true);
      timeline.mark('chiplens:viewport');
      this.readViewportFirst(root);
      // The page may be read already, with mentions queued until now.
      this.schedule();
    });
  }

  // Reading starts at the top at once; when the viewport is known (one frame
  // later) and the page is scrolled down, the part on screen is read next,
  // and the top is read only up to where that begins.
  private readViewportFirst(root: Node): void {
    const first = this.viewport?.first;
    const top = this.topBounds;
    if (!first || !top || !this.reading.length || !root.contains(first)) return;
    const from = containerOf(first) ?? first;
    // Only if the walk from the top has not got there yet: no block is read twice.
    if (from === root || !root.contains(from) || (top.reached && !isAfter(from, top.reached))) return;
    top.until = from;
    this.reading.unshift(newReader(root, this.ignore, { from }, true));
  }

  /** Removes every highlight and stops following the page. */
  stop(): void {
    this.running = false;
    this.root = undefined;
    this.restarts = 0;
    this.readingAll = false;
    this.setReadAhead([]);
    this.resolveReadWaiters();
    this.observer?.disconnect();
    this.observer = undefined;
    clearTimeout(this.mutationTimer);
    clearTimeout(this.sliceTimer);
    this.reading = [];
    this.pendingRoots.clear();
    this.stale.clear();
    this.removed = [];
    this.held = 0;
    this.limited = false;
    this.firstScreenDone = false;
    this.firstScreenPainted = false;
    this.lastPaint = 0;
    this.screenRead = false;
    this.painting = false;
    this.viewport = undefined;
    this.topBounds = undefined;
    this.cancelProbe?.();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    clearTimeout(this.scrollTimer);
    this.scrollTimer = undefined;
    this.cancelScrollProbe?.();
    this.cancelScrollProbe = undefined;
    this.unplaced.clear();
    this.queue = [];
    this.head = 0;
    this.aheadFrom = 0;
    this.frontier = undefined;
    this.placedAhead = 0;
    this.dirty.clear();
    this.addedRoots.clear();
    this.byBlock.clear();
    this.page.clear();
    this.painter.clear();
  }

  /** Switches to a new alias table (a dataset update) and reads the page again. */
  restart(matcher: Matcher, root: Node): void {
    this.stop();
    this.matcher = matcher;
    this.page = new PageContext(matcher.table);
    this.start(root);
  }

  /** The mentions placed on the page (with ranges). */
  mentions(): PageMention[] {
    return [...this.byBlock.values()].flat();
  }

  /**
   * Reads the rest of the page, however far below the viewport; resolves
   * once it is read (at once if ChipLens stops). Every mention found is then
   * in `found()`, and `placeAll` can place any of them.
   */
  readAll(): Promise<void> {
    if (!this.running) return Promise.resolve();
    this.readingAll = true;
    const done = new Promise<void>((resolve) => this.readWaiters.push(resolve));
    this.schedule();
    return done;
  }

  private resolveReadWaiters(): void {
    for (const resolve of this.readWaiters.splice(0)) resolve();
  }

  /** Every mention found, placed or not, by entry and kind (call `readAll` first for the whole page). */
  found(): Pick<PageMention, 'id' | 'kind'>[] {
    const entries = this.matcher.table.entries;
    const waiting = [...this.unplaced.values()].flatMap(({ found }) => found.map((m) => ({ id: entries[m.entry]!.id, kind: entries[m.entry]!.kind })));
    return [...this.mentions(), ...waiting];
  }

  /** Places at once the waiting mentions (of entry `id`, if given), for stepping through them. */
  placeAll(id?: string): void {
    const entries = this.matcher.table.entries;
    for (const waiting of this.unplaced.values()) {
      if (id === undefined || waiting.found.some((m) => entries[m.entry]!.id === id)) this.placeWaiting(waiting, 'now');
    }
    // Painted in the next slice, with the rest.
    this.schedule();
  }

  mentionForRange(range: AbstractRange): PageMention | undefined {
    return this.mentionsAround(range.startContainer).find((m) => m.range === range);
  }

  /** The mention covering character `offset` of `node`, if any. */
  mentionAt(node: Text, offset: number): PageMention | undefined {
    return this.mentionsAround(node).find(({ range }) => {
      const afterStart =
        range.startContainer === node ? offset >= range.startOffset : (range.startContainer.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      const beforeEnd =
        range.endContainer === node ? offset < range.endOffset : (range.endContainer.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
      return afterStart && beforeEnd;
    });
  }

  private mentionsAround(node: Node): PageMention[] {
    const block = blockContainer(node);
    return (block && this.byBlock.get(block)) || [];
  }

  /** The number of mentions at which ChipLens stopped reading the page, if it did. */
  limitReached(): number | undefined {
    return this.limited ? MENTION_LIMIT : undefined;
  }

  private enqueue(root: Node): void {
    if (this.limited) return;
    this.pendingRoots.add(root);
    this.schedule();
  }

  /** Stops reading: the page holds MENTION_LIMIT mentions. What is placed stays. */
  private reachLimit(): void {
    this.limited = true;
    this.reading = [];
    this.pendingRoots.clear();
    this.stale.clear();
    this.resolveReadWaiters();
  }

  private schedule(): void {
    if (this.sliceTimer === undefined && this.running) this.sliceTimer = setTimeout(() => this.work(), 0);
  }

  // Works through queued roots in short slices, yielding between them so
  // that a long page never blocks input. Blocks come in document order, so
  // the top of the page (what the reader sees first) is read first.
  private work(): void {
    this.sliceTimer = undefined;
    if (!this.running) return;
    const started = performance.now();
    const deadline = started + (this.firstScreenDone ? SLICE_MS : FIRST_SCREEN_SLICE_MS);
    // A batch under way is finished before more of the page is read.
    if (this.painting) this.painting = !this.painter.flush(deadline);
    while (!this.painting && performance.now() < deadline) {
      // What comes into view is placed before more of the page is read.
      const next = this.nextToPlace();
      if (next) {
        this.head++;
        this.placeWaiting(next, this.head > this.aheadFrom ? 'ahead' : 'now');
        continue;
      }
      const reader = this.nextReader();
      if (reader) {
        const next = reader.blocks.next();
        if (next.done) this.finishReader(reader);
        else {
          this.annotate(next.value, reader);
          if (this.held >= MENTION_LIMIT) {
            this.reachLimit();
            break;
          }
          this.noteFirstScreen(next.value.block);
          // The first screen is painted now, not when the slice runs out.
          if (this.firstScreenDone && !this.firstScreenPainted) break;
        }
        continue;
      }
      const root = this.pendingRoots.values().next();
      if (root.done) break;
      this.pendingRoots.delete(root.value);
      if (root.value.nodeType === Node.ELEMENT_NODE && this.stale.delete(root.value as Element)) this.forgetWithin(root.value as Element);
      if (root.value.isConnected) {
        const bounds: WalkBounds = {};
        const top = this.reading.length === 0 && !this.firstScreenDone;
        if (top) this.topBounds = bounds;
        this.reading.push(newReader(root.value, this.ignore, bounds, top));
        if (top) this.readViewportFirst(root.value);
      }
    }
    // Walks paused ahead of the viewport wait for the reader to scroll.
    const reading = this.nextReader() !== undefined || this.pendingRoots.size > 0;
    // A walk paused before the viewport was known may not have reached its bottom.
    if (!reading && (this.viewport !== undefined || this.reading.length === 0)) this.noteFirstScreen(undefined);
    if (!reading) this.resolveReadWaiters();
    // The first screen is painted at once; the rest in batches, each given
    // a slice's time per task so that no task runs long.
    const paintEvery = PAINT_EVERY_MS * (1 + this.painter.painted / PAINT_SLOWER_PER);
    const batchDue = started - this.lastPaint >= paintEvery && this.painter.waiting >= this.painter.painted * PAINT_GROWTH;
    if (!this.painting && this.painter.waiting > 0 && (!reading || !this.firstScreenPainted || batchDue || this.screenRead)) {
      this.painting = !this.painter.flush(this.firstScreenPainted ? performance.now() + SLICE_MS : Infinity);
      this.lastPaint = started;
      this.screenRead = false;
    }
    if (this.firstScreenDone && !this.firstScreenPainted) {
      this.firstScreenPainted = true;
      timeline.mark('chiplens:first-screen');
    }
    const more = reading || this.painting || this.nextToPlace() !== undefined;
    // Each slice is on the page's performance timeline, for `npm run bench`.
    timeline.work(started, performance.now());
    if (more) this.schedule();
  }

  // The first screen is done when a block below it comes up, or the page
  // ends. Positions in the document are compared, not on screen: no layout.
  private noteFirstScreen(block: TextBlock | undefined): void {
    if (this.firstScreenDone) return;
    // Until the viewport is known, or when nothing sits at its bottom (a
    // short page), the first screen is done when the whole page is.
    const lastVisible = this.viewport?.last;
    if (block && (!lastVisible || !isAfter(block.container, lastVisible))) return;
    this.firstScreenDone = true;
  }

  /** The first walk that may go on: one paused ahead of the viewport waits for the reader to scroll. */
  private nextReader(): Reader | undefined {
    return this.reading.find((reader) => !this.pausedAhead(reader));
  }

  private pausedAhead(reader: Reader): boolean {
    if (!reader.page || this.readingAll || reader.catchingUp) return false;
    // Until the viewport is known (its frame can come late on a busy page), as if below it.
    if (!reader.past && this.viewport !== undefined) return false;
    return this.aheadMentions >= PAINT_AHEAD || this.aheadChars >= READ_AHEAD_CHARS;
  }

  private finishReader(reader: Reader): void {
    this.reading.splice(this.reading.indexOf(reader), 1);
    // The page removed the place where the walk waited: it starts again from
    // the top, passing over the blocks whose mentions are known.
    if (reader.page && reader.bounds.lost && this.root?.isConnected && this.restarts++ < MAX_RESTARTS) {
      const again = newReader(this.root, this.ignore, {}, true);
      again.catchingUp = reader.catchingUp;
      this.reading.push(again);
      return;
    }
    if (reader.catchingUp) this.caughtUp(reader);
  }

  /** A walk catching up came to the viewport's bottom (or the page's end): the last of what it queued is placed. */
  private caughtUp(reader: Reader): void {
    reader.catchingUp = false;
    if (this.reading.some((other) => other.catchingUp)) return;
    this.placeFromBottom(this.queue.length);
    this.placedAhead = 0;
  }

  private annotate(piece: Piece, reader?: Reader): void {
    const block = piece.block;
    if (!isConnectedBlock(block)) return;
    if (reader) {
      if (reader.skipping === block) return;
      reader.last = block.container;
      // At the frontier's block, what the walk finds from then on is below the viewport.
      if (reader.page && !reader.past && this.frontier && reaches(block.container, this.frontier)) {
        reader.past = true;
        if (reader.catchingUp) this.caughtUp(reader);
        this.screenRead = this.firstScreenPainted;
      }
      // While a walk waited, a change may have been read on its own (a block
      // appended further down, or a walk started again after losing its place).
      if (reader.page && isFirstPiece(piece) && (this.byBlock.has(block.container) || this.unplaced.has(block.container))) {
        reader.skipping = block;
        return;
      }
    }
    const result = this.match(piece);
    const shown = result.mentions.filter((m) => this.visible(this.matcher.table.entries[m.entry]!.kind));
    let where: 'now' | 'below' | 'behind' = 'now';
    if (reader?.page && reader.catchingUp) where = 'behind';
    // Until the viewport is known (its frame can come late on a busy page),
    // a walk of the page places only so many ahead, as if below it.
    else if (reader?.page && (reader.past || this.viewport === undefined)) {
      where = 'below';
      if (!this.readingAll) this.noteReadAhead({ container: block.container, mentions: shown.length, chars: piece.to - piece.from });
    }
    this.paint(block, shown, where, !isLastPiece(piece));
    // A mention here may support a context-dependent alias read earlier
    // elsewhere ("H20" above, "NVIDIA" here): those blocks are read again.
    for (const container of this.page.record(block.container, result)) {
      this.forgetWithin(container);
      this.enqueue(container);
    }
  }

  /** The mentions that start in `piece`, at offsets in its block's text. */
  private match(piece: Piece): { mentions: Mention[]; deferred: number[] } {
    const { text, offset } = pieceText(piece);
    const result = this.matcher.match(text, this.page.confirmed);
    if (offset === 0 && text.length === piece.block.text.length) return result;
    const mentions: Mention[] = [];
    for (const m of result.mentions) {
      const start = m.start + offset;
      if (start >= piece.from && start < piece.to) mentions.push({ entry: m.entry, start, end: m.end + offset });
    }
    return { mentions, deferred: result.deferred };
  }

  private noteReadAhead(read: ReadAhead): void {
    this.aheadLog.push(read);
    this.aheadMentions += read.mentions;
    this.aheadChars += read.chars;
  }

  /**
   * Places the mentions of a block, or, for a block `below` the frontier
   * once enough are placed ahead of it, or one `behind` it read while
   * catching up, queues them. `ahead`: a block below the frontier that is
   * placed (counted).
   */
  private paint(block: TextBlock, found: Mention[], where: 'now' | 'below' | 'ahead' | 'behind', morePieces = false): void {
    if (found.length === 0) return;
    this.held += found.length;
    if (where === 'behind' || (where === 'below' && this.placedAhead >= PAINT_AHEAD)) {
      // Its text is not kept (once all its pieces are read): the block's nodes are listed again when placed.
      if (!morePieces) block.text = '';
      const known = this.unplaced.get(block.container);
      if (known) {
        known.found.push(...found);
        return;
      }
      const waiting: Unplaced = { block, found, dropped: false };
      this.queue.push(waiting);
      this.unplaced.set(block.container, waiting);
      return;
    }
    if (where !== 'now') this.placedAhead += found.length;
    const mentions = this.byBlock.get(block.container) ?? [];
    for (const m of found) {
      const start = locate(block, m.start, false);
      const end = locate(block, m.end, true);
      const ref = this.matcher.table.entries[m.entry]!;
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      mentions.push({ id: ref.id, kind: ref.kind, range, block: block.container });
      this.painter.add(ref.kind, range);
    }
    this.byBlock.set(block.container, mentions);
  }

  /** The first waiting block that is due: above the frontier, or within what may be placed ahead of it. */
  private nextToPlace(): Unplaced | undefined {
    while (this.head < this.queue.length && this.queue[this.head]!.dropped) this.head++;
    if (this.head >= this.queue.length) {
      // Emptied once nothing in it waits (blocks far above may).
      if (this.head > 0 && this.unplaced.size === 0) {
        this.queue = [];
        this.head = this.aheadFrom = 0;
      }
      return undefined;
    }
    // Until the viewport is known, nothing waiting is due: where it lies is not.
    if (!this.viewport) return undefined;
    // While a walk catches up, what it queues lies above the frontier: only
    // the last of it is placed, once it gets there.
    const ahead = this.placedAhead < PAINT_AHEAD && !this.reading.some((reader) => reader.catchingUp);
    const due = !this.frontier || this.head < this.aheadFrom || ahead;
    return due ? this.queue[this.head] : undefined;
  }

  private placeWaiting(waiting: Unplaced, where: 'now' | 'ahead'): void {
    if (waiting.dropped) return;
    // Not dropped, it is still the block's entry in `unplaced`.
    this.dropWaiting(waiting.block.container);
    // A block changed since it was read is read again when its change is
    // handled; placing it now could put ranges on the wrong text.
    if (this.dirty.has(waiting.block.container) || !isConnectedBlock(waiting.block)) return;
    this.paint(waiting.block, waiting.found, where, waiting.block.text !== '');
  }

  /**
   * The viewport's bottom is now `node` (null: nothing there; then all is
   * placed). Positions are compared a few times here rather than for every
   * block: comparing two paragraphs far apart costs the browser a step per
   * paragraph between them. With `keepCount` (the first probe), what was
   * placed before counts as placed ahead of the new bottom.
   */
  private moveFrontier(node: Node | null, keepCount = false): void {
    this.frontier = node ?? undefined;
    if (!keepCount) this.placedAhead = 0;
    if (!node) {
      // Nothing at the bottom: everything is placed, from the top.
      this.head = 0;
      for (const reader of this.reading) reader.past = reader.catchingUp = false;
      this.setReadAhead([]);
      return;
    }
    // The walks under way: have they passed the new bottom? One that had
    // passed the old bottom and not the new one catches up.
    for (const reader of this.reading) {
      if (!reader.page || !reader.last) continue;
      const wasBelow = reader.past || reader.catchingUp;
      reader.past = reaches(reader.last, node) || isAfter(reader.last, node);
      reader.catchingUp = wasBelow && !reader.past;
    }
    // What was read ahead of the old bottom and is above the new one no longer counts as read ahead.
    this.setReadAhead(this.aheadLog.slice(firstAfter(this.aheadLog, node, (read) => read.container)));
    // Blocks gone from the page have no place in it to compare against.
    const gone = (waiting: Unplaced) => !waiting.block.container.isConnected;
    if (this.queue.some(gone)) this.queue = this.queue.filter((waiting) => !gone(waiting));
    // The queue is in document order: find where it passes the new bottom.
    this.placeFromBottom(firstAfter(this.queue, node, (waiting) => waiting.block.container));
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

  /**
   * After a jump past where the walk of the page paused, the screen it
   * landed on (from `first`, its top) is read first, by a walk of its own;
   * the walk catching up stops where that one began, and then places the
   * last of what it found above the screen.
   */
  private readLandingFirst(first: Element | null): void {
    const root = this.root;
    const behind = this.reading.find((reader) => reader.page && reader.catchingUp && reader.bounds.until === undefined);
    if (!first || !root || !behind?.last || this.readingAll) return;
    const from = containerOf(first) ?? first;
    if (from === root || !root.contains(from) || !isAfter(from, behind.last)) return;
    behind.bounds.until = from;
    // Walks catching up queue what they find; the queue must stay in
    // document order, and this walk's stretch comes after those of any
    // others still catching up (from an earlier jump): it goes last.
    this.reading.splice(this.reading.indexOf(behind), 1);
    this.reading.push(behind);
    this.reading.unshift(newReader(root, this.ignore, { from }, true));
  }

  /** The blocks read below the viewport are now `log`; their sums are kept beside it, as the walk asks for them before every block. */
  private setReadAhead(log: ReadAhead[]): void {
    this.aheadLog = log;
    this.aheadMentions = this.aheadChars = 0;
    for (const read of log) {
      this.aheadMentions += read.mentions;
      this.aheadChars += read.chars;
    }
  }

  // The reader scrolled: once the frame is laid out, the frontier moves to
  // the new bottom of the viewport and what is near it gets placed.
  private followScroll(): void {
    // While the page is still being read, a new bottom also decides what is queued next.
    if ((this.unplaced.size === 0 && this.reading.length === 0) || this.scrollTimer !== undefined || this.cancelScrollProbe) return;
    // At most every SCROLL_PROBE_MS: with a thousand placed ahead, nothing
    // unplaced comes into view that soon.
    this.scrollTimer = setTimeout(() => {
      this.scrollTimer = undefined;
      this.cancelScrollProbe = probeViewport((viewport) => {
        this.cancelScrollProbe = undefined;
        this.moveFrontier(viewport.last);
        this.readLandingFirst(viewport.first);
        this.schedule();
      });
    }, SCROLL_PROBE_MS);
  }

  // Mutations are sorted into three kinds of work: blocks whose text changed
  // (read again whole), new blocks (read alone, so an endless feed costs
  // only what it appends), and removals (mentions of detached nodes dropped).
  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      const element = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      if (!element || this.ignore(element)) continue;
      if (record.type === 'characterData') {
        this.markDirty(target);
        continue;
      }
      for (const added of record.addedNodes) {
        if (added.nodeType === Node.ELEMENT_NODE) {
          const el = added as Element;
          if (this.ignore(el)) continue;
          if (!isInlineElement(el)) {
            this.addedRoots.add(el);
            continue;
          }
        } else if (added.nodeType !== Node.TEXT_NODE) continue;
        // New text or inline markup may join words already in the block.
        this.markDirty(element);
      }
      for (const removed of record.removedNodes) {
        if (removed.nodeType === Node.TEXT_NODE || (removed.nodeType === Node.ELEMENT_NODE && isInlineElement(removed as Element))) {
          this.markDirty(element);
        } else if (removed.nodeType === Node.ELEMENT_NODE) this.removed.push(removed as Element);
      }
    }
    const work = this.dirty.size > 0 || this.addedRoots.size > 0 || this.removed.length > 0;
    if (work && this.mutationTimer === undefined) {
      this.mutationTimer = setTimeout(() => this.flushMutations(), MUTATION_DELAY_MS);
    }
  }

  private markDirty(node: Node): void {
    const container = containerOf(node);
    if (container) this.dirty.add(container);
  }

  // The work here is in proportion to what changed, never to the page: a
  // ticker or a log viewer changes thousands of blocks a second on a page
  // of tens of thousands. Forgetting what changed blocks held is left to
  // the slices that read them again.
  private flushMutations(): void {
    this.mutationTimer = undefined;
    if (!this.running) return;
    // Removed subtrees are walked, not the page's mentions; one moved
    // elsewhere is also among the added, and read again there.
    for (const element of this.removed.splice(0)) if (!element.isConnected) this.forgetWithin(element);
    // A changed block's waiting mentions must not be placed on its new text.
    for (const element of this.dirty) this.dropWaiting(element);
    const changed = new Set<Element>();
    for (const element of this.dirty) if (element.isConnected) changed.add(element);
    for (const element of this.addedRoots) if (element.isConnected) changed.add(element);
    this.dirty.clear();
    this.addedRoots.clear();
    // Only the outermost changed elements are read; inner ones come with them.
    for (const root of changed) {
      if (hasAncestorIn(root, changed)) continue;
      this.stale.add(root);
      this.enqueue(root);
    }
  }

  private forgetWithin(root: Element): void {
    // Usually `root` is one paragraph read again, and the page has tens of
    // thousands of blocks: its own few elements are looked up instead of
    // testing every block on the page against it.
    const known = this.byBlock.size + this.unplaced.size + this.page.waitingCount;
    const within: Element[] = [root];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (within.length > known) {
        this.forgetWhere((block) => root === block || root.contains(block));
        return;
      }
      within.push(node as Element);
    }
    for (const element of within) {
      this.page.forget(element);
      this.dropWaiting(element);
      const mentions = this.byBlock.get(element);
      if (mentions) this.forget(element, mentions);
    }
  }

  private forgetWhere(test: (block: Element) => boolean): void {
    this.page.forgetWhere(test);
    for (const block of this.unplaced.keys()) if (test(block)) this.dropWaiting(block);
    for (const [block, mentions] of this.byBlock) if (test(block)) this.forget(block, mentions);
  }

  private dropWaiting(block: Element): void {
    const waiting = this.unplaced.get(block);
    if (!waiting) return;
    waiting.dropped = true;
    this.held -= waiting.found.length;
    this.unplaced.delete(block);
  }

  private forget(block: Element, mentions: PageMention[]): void {
    this.held -= mentions.length;
    this.byBlock.delete(block);
    for (const mention of mentions) this.painter.delete(mention.kind, mention.range);
  }
}

/** The index of the first of `items` (in document order) whose block comes after `node`: a binary search. */
function firstAfter<T>(items: readonly T[], node: Node, blockOf: (item: T) => Element): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfter(blockOf(items[mid]!), node)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function newReader(root: Node, ignore: (el: Element) => boolean, bounds: WalkBounds, page: boolean): Reader {
  return { blocks: piecesOf(iterateBlocks(root, ignore, bounds)), bounds, page, past: false, catchingUp: false, last: undefined, skipping: undefined };
}

/** Whether an ancestor of `element` is in `set`: a walk up the tree, not a test against every member. */
function hasAncestorIn(element: Element, set: ReadonlySet<Element>): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (set.has(parent)) return true;
  return false;
}

/**
 * Whether a walk at block `container` has come to `frontier`: the block
 * holds it, or it is an element around the block (the caret between
 * paragraphs lands on their parent), which then counts as reached at once.
 */
function reaches(container: Element, frontier: Node): boolean {
  return container.contains(frontier) || frontier.contains(container);
}
