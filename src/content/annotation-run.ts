// One run of the annotator over a page, from `start` to `stop`: it reads the
// page in short slices (what is on screen first, then ahead of the reader),
// places what it finds through the mention index and the painter, and
// follows the page's changes and the reader's scrolling. Everything it
// knows is its own: a new run (a dataset update, other kinds) starts afresh.
import type { EntryKind } from '../core/dataset-schema';
import type { Matcher, Mention } from '../core/matcher';
import { isFirstPiece, isLastPiece, matchPiece, type Piece } from './block-pieces';
import { MentionIndex, type Unplaced } from './mention-index';
import { MutationWatcher, type PageChanges } from './mutation-watcher';
import { newWalk, reaches, type PageWalk } from './page-walk';
import type { Painter } from './painter';
import { READ_AHEAD_CHARS, ReadAheadWindow } from './read-ahead';
import { containerOf, isConnectedBlock, type TextBlock, type WalkBounds } from './text-blocks';
import * as timeline from './timeline';
import { isAfter, probeViewport, type Viewport, type ViewportProbe } from './viewport';

/** Matching work is split into slices this long so the page stays responsive. */
const SLICE_MS = 8;
/**
 * Until the first screen is read, slices may run this long: yielding every
 * 8 ms there only lets the page's own loading tasks delay what the reader
 * sees first, and it stays well inside the 50 ms of a long task.
 */
const FIRST_SCREEN_SLICE_MS = 20;
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
/** A walk that lost its place (the page removed it) starts again from the top at most this often. */
const MAX_RESTARTS = 5;
/** While the reader scrolls, where the viewport is is asked at most this often. */
const SCROLL_PROBE_MS = 100;
/**
 * A run stops reading a page once it holds this many mentions, and the
 * popup says so. No article comes near it (a 10 MB page of news holds
 * 64,000); one 5 MB paragraph of nothing but names would otherwise keep
 * 200,000 highlights and 70 MB for the page's life.
 */
const MENTION_LIMIT = 100_000;

export class AnnotationRun {
  readonly index: MentionIndex;
  private readonly ahead = new ReadAheadWindow({ chars: READ_AHEAD_CHARS, mentions: PAINT_AHEAD });
  private readonly watcher: MutationWatcher;
  private stopped = false;
  /** Walks under way, and roots still to walk. */
  private walks: PageWalk[] = [];
  private pendingRoots = new Set<Node>();
  /** Queued roots that changed: what is known inside them is forgotten when they are read again, in a slice. */
  private stale = new Set<Element>();
  private walkRestarts = 0;
  /** Set once the blocks on the first screen have been read; once their highlights are painted too, it is on the timeline (for the benchmark). */
  private firstScreenDone = false;
  private firstScreenPainted = false;
  private lastPaint = 0;
  /** A walk came to the bottom of the viewport after the reader scrolled: what it placed on screen is painted now, not with the next batch. */
  private screenRead = false;
  /** A batch of highlights is being painted, over as many slices as it takes. */
  private painting = false;
  /** The viewport when the page was first read, once probed: the walk from the top may not have begun yet. */
  private viewport: Viewport | undefined;
  /** The bounds of the first walk of the page, which the viewport may cut short. */
  private topBounds: WalkBounds | undefined;
  /** The node at the bottom of the viewport as last probed; undefined: place everything. */
  private frontier: Node | undefined;
  /** Mentions placed past the frontier since it was last probed. */
  private placedAhead = 0;
  /** Every mention was asked for: the page is read to its end, not only ahead of the viewport. */
  private readingAll = false;
  private readWaiters: (() => void)[] = [];
  /** MENTION_LIMIT stopped the reading. */
  private limited = false;
  private sliceTimer: ReturnType<typeof setTimeout> | undefined;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private cancelProbe: () => void;
  private cancelScrollProbe: (() => void) | undefined;
  private readonly onScroll = () => this.followScroll();

  /**
   * Starts reading `root`. `probe` finds the viewport; the content script
   * passes one it began before the alias table was loaded, so that the
   * frame it waits for overlaps the loading.
   */
  constructor(
    private readonly root: Node,
    private readonly matcher: Matcher,
    private readonly painter: Painter,
    private readonly ignore: (el: Element) => boolean,
    /** Kinds the user chose to see; the others are matched (they still give context) but not painted. */
    private readonly visible: (kind: EntryKind) => boolean,
    probe: ViewportProbe = probeViewport,
  ) {
    this.index = new MentionIndex(matcher.table.entries, painter);
    this.watcher = new MutationWatcher(ignore, (changes) => this.onChanges(changes));
    this.watcher.start(root);
    this.enqueue(root);
    // Capturing, so that scrolled containers inside the page count too.
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.cancelProbe = probe((viewport) => {
      this.viewport = viewport;
      // What was placed while the viewport was unknown counts as placed ahead of it.
      this.moveFrontier(viewport.last, true);
      timeline.mark('chiplens:viewport');
      this.readViewportFirst();
      // The page may be read already, with mentions queued until now.
      this.schedule();
    });
  }

  /** Stops following the page and removes every highlight. */
  stop(): void {
    this.stopped = true;
    this.watcher.stop();
    clearTimeout(this.sliceTimer);
    clearTimeout(this.scrollTimer);
    this.cancelProbe();
    this.cancelScrollProbe?.();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    this.resolveReadWaiters();
    this.painter.clear();
  }

  /** The number of mentions at which the run stopped reading the page, if it did. */
  limitReached(): number | undefined {
    return this.limited ? MENTION_LIMIT : undefined;
  }

  /**
   * Reads the rest of the page, however far below the viewport; resolves
   * once it is read (at once if the run stops). Every mention found is then
   * in the index, and `placeAll` can place any of them.
   */
  readAll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.readingAll = true;
    const done = new Promise<void>((resolve) => this.readWaiters.push(resolve));
    this.schedule();
    return done;
  }

  /** Places at once the waiting mentions (of entry `id`, if given), for stepping through them. */
  placeAll(id?: string): void {
    for (const waiting of this.index.waiting(id)) this.placeWaiting(waiting, 'now');
    // Painted in the next slice, with the rest.
    this.schedule();
  }

  private resolveReadWaiters(): void {
    for (const resolve of this.readWaiters.splice(0)) resolve();
  }

  // Reading starts at the top at once; when the viewport is known (one frame
  // later) and the page is scrolled down, the part on screen is read next,
  // and the top is read only up to where that begins.
  private readViewportFirst(): void {
    const root = this.root;
    const first = this.viewport?.first;
    const top = this.topBounds;
    if (!first || !top || !this.walks.length || !root.contains(first)) return;
    const from = containerOf(first) ?? first;
    // Only if the walk from the top has not got there yet: no block is read twice.
    if (from === root || !root.contains(from) || (top.reached && !isAfter(from, top.reached))) return;
    top.until = from;
    this.walks.unshift(newWalk(root, this.ignore, { from }, true));
  }

  private enqueue(root: Node): void {
    if (this.limited) return;
    this.pendingRoots.add(root);
    this.schedule();
  }

  /** Stops reading: the page holds MENTION_LIMIT mentions. What is placed stays. */
  private reachLimit(): void {
    this.limited = true;
    this.walks = [];
    this.pendingRoots.clear();
    this.stale.clear();
    this.resolveReadWaiters();
  }

  private schedule(): void {
    if (this.sliceTimer === undefined && !this.stopped) this.sliceTimer = setTimeout(() => this.work(), 0);
  }

  // Works through queued roots in short slices, yielding between them so
  // that a long page never blocks input. Blocks come in document order, so
  // the top of the page (what the reader sees first) is read first.
  private work(): void {
    this.sliceTimer = undefined;
    if (this.stopped) return;
    const started = performance.now();
    const deadline = started + (this.firstScreenDone ? SLICE_MS : FIRST_SCREEN_SLICE_MS);
    // A batch under way is finished before more of the page is read.
    if (this.painting) this.painting = !this.painter.flush(deadline);
    while (!this.painting && performance.now() < deadline) {
      // What comes into view is placed before more of the page is read.
      const next = this.nextToPlace();
      if (next) {
        this.placeWaiting(next, this.index.advance() ? 'ahead' : 'now');
        continue;
      }
      const walk = this.nextWalk();
      if (walk) {
        const next = walk.pieces.next();
        if (next.done) this.finishWalk(walk);
        else {
          this.annotate(next.value, walk);
          if (this.index.held >= MENTION_LIMIT) {
            this.reachLimit();
            break;
          }
          this.noteFirstScreen(next.value.block);
          // The first screen is painted now, not when the slice runs out.
          if (this.firstScreenDone && !this.firstScreenPainted) break;
        }
        continue;
      }
      if (!this.startNextRoot()) break;
    }
    // Walks paused ahead of the viewport wait for the reader to scroll.
    const reading = this.nextWalk() !== undefined || this.pendingRoots.size > 0;
    // A walk paused before the viewport was known may not have reached its bottom.
    if (!reading && (this.viewport !== undefined || this.walks.length === 0)) this.noteFirstScreen(undefined);
    if (!reading) this.resolveReadWaiters();
    this.paintDue(started, reading);
    if (this.firstScreenDone && !this.firstScreenPainted) {
      this.firstScreenPainted = true;
      timeline.mark('chiplens:first-screen');
    }
    const more = reading || this.painting || this.nextToPlace() !== undefined;
    // Each slice is on the page's performance timeline, for `npm run bench`.
    timeline.work(started, performance.now());
    if (more) this.schedule();
  }

  /** Turns the next queued root into a walk; false when none is left. */
  private startNextRoot(): boolean {
    const next = this.pendingRoots.values().next();
    if (next.done) return false;
    const root = next.value;
    this.pendingRoots.delete(root);
    if (root.nodeType === Node.ELEMENT_NODE && this.stale.delete(root as Element)) this.index.forgetWithin(root as Element);
    if (root.isConnected) {
      const bounds: WalkBounds = {};
      const top = this.walks.length === 0 && !this.firstScreenDone;
      if (top) this.topBounds = bounds;
      this.walks.push(newWalk(root, this.ignore, bounds, top));
      if (top) this.readViewportFirst();
    }
    return true;
  }

  // The first screen is painted at once; the rest in batches, each given
  // a slice's time per task so that no task runs long.
  private paintDue(started: number, reading: boolean): void {
    const paintEvery = PAINT_EVERY_MS * (1 + this.painter.painted / PAINT_SLOWER_PER);
    const batchDue = started - this.lastPaint >= paintEvery && this.painter.waiting >= this.painter.painted * PAINT_GROWTH;
    if (!this.painting && this.painter.waiting > 0 && (!reading || !this.firstScreenPainted || batchDue || this.screenRead)) {
      this.painting = !this.painter.flush(this.firstScreenPainted ? performance.now() + SLICE_MS : Infinity);
      this.lastPaint = started;
      this.screenRead = false;
    }
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
  private nextWalk(): PageWalk | undefined {
    return this.walks.find((walk) => !this.pausedAhead(walk));
  }

  private pausedAhead(walk: PageWalk): boolean {
    if (!walk.page || this.readingAll || walk.catchingUp) return false;
    // Until the viewport is known (its frame can come late on a busy page), as if below it.
    if (!walk.past && this.viewport !== undefined) return false;
    return this.ahead.full;
  }

  private finishWalk(walk: PageWalk): void {
    this.walks.splice(this.walks.indexOf(walk), 1);
    // The page removed the place where the walk waited: it starts again from
    // the top, passing over the blocks whose mentions are known.
    if (walk.page && walk.bounds.lost && this.root.isConnected && this.walkRestarts++ < MAX_RESTARTS) {
      const again = newWalk(this.root, this.ignore, {}, true);
      again.catchingUp = walk.catchingUp;
      this.walks.push(again);
      return;
    }
    if (walk.catchingUp) this.caughtUp(walk);
  }

  /** A walk catching up came to the viewport's bottom (or the page's end): the last of what it queued is placed. */
  private caughtUp(walk: PageWalk): void {
    walk.catchingUp = false;
    if (this.walks.some((other) => other.catchingUp)) return;
    this.index.placeFromEnd();
    this.placedAhead = 0;
  }

  private annotate(piece: Piece, walk: PageWalk): void {
    const block = piece.block;
    if (!isConnectedBlock(block) || walk.skipping === block) return;
    walk.last = block.container;
    // At the frontier's block, what the walk finds from then on is below the viewport.
    if (walk.page && !walk.past && this.frontier && reaches(block.container, this.frontier)) {
      walk.past = true;
      if (walk.catchingUp) this.caughtUp(walk);
      this.screenRead = this.firstScreenPainted;
    }
    // While a walk waited, a change may have been read on its own (a block
    // appended further down, or a walk started again after losing its place).
    if (walk.page && isFirstPiece(piece) && this.index.has(block.container)) {
      walk.skipping = block;
      return;
    }
    const result = matchPiece(piece, (text) => this.matcher.match(text, this.index.context.confirmed));
    const shown = result.mentions.filter((m) => this.visible(this.matcher.table.entries[m.entry]!.kind));
    let where: 'now' | 'below' | 'behind' = 'now';
    if (walk.page && walk.catchingUp) where = 'behind';
    // Until the viewport is known (its frame can come late on a busy page),
    // a walk of the page places only so many ahead, as if below it.
    else if (walk.page && (walk.past || this.viewport === undefined)) {
      where = 'below';
      if (!this.readingAll) this.ahead.note({ container: block.container, mentions: shown.length, chars: piece.to - piece.from });
    }
    this.paint(block, shown, where, !isLastPiece(piece));
    // A mention here may support a context-dependent alias read earlier
    // elsewhere ("H20" above, "NVIDIA" here): those blocks are read again.
    for (const container of this.index.context.record(block.container, result)) {
      this.index.forgetWithin(container);
      this.enqueue(container);
    }
  }

  /**
   * Places the mentions of a block, or, for a block `below` the frontier
   * once enough are placed ahead of it, or one `behind` it read while
   * catching up, queues them. `ahead`: a block below the frontier that is
   * placed (counted). `morePieces`: more of a long block is to be read.
   */
  private paint(block: TextBlock, found: Mention[], where: 'now' | 'below' | 'ahead' | 'behind', morePieces = false): void {
    if (found.length === 0) return;
    if (where === 'behind' || (where === 'below' && this.placedAhead >= PAINT_AHEAD)) {
      this.index.wait(block, found, morePieces);
      return;
    }
    if (where !== 'now') this.placedAhead += found.length;
    this.index.place(block, found);
  }

  /** The first waiting block that is due: above the frontier, or within what may be placed ahead of it. */
  private nextToPlace(): Unplaced | undefined {
    const next = this.index.nextWaiting();
    // Until the viewport is known, nothing waiting is due: where it lies is not.
    if (!next || !this.viewport) return undefined;
    // While a walk catches up, what it queues lies above the frontier: only
    // the last of it is placed, once it gets there.
    const ahead = this.placedAhead < PAINT_AHEAD && !this.walks.some((walk) => walk.catchingUp);
    const due = !this.frontier || this.index.nextIsAboveFrontier || ahead;
    return due ? next : undefined;
  }

  private placeWaiting(waiting: Unplaced, where: 'now' | 'ahead'): void {
    if (!this.index.take(waiting)) return;
    // A block the page changed or removed meanwhile is read again, or gone.
    if (!isConnectedBlock(waiting.block)) return;
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
      this.index.placeFromTop();
      for (const walk of this.walks) walk.past = walk.catchingUp = false;
      this.ahead.clear();
      return;
    }
    // The walks under way: have they passed the new bottom? One that had
    // passed the old bottom and not the new one catches up.
    for (const walk of this.walks) {
      if (!walk.page || !walk.last) continue;
      const wasBelow = walk.past || walk.catchingUp;
      walk.past = reaches(walk.last, node) || isAfter(walk.last, node);
      walk.catchingUp = wasBelow && !walk.past;
    }
    this.ahead.keepAfter(node);
    this.index.placeFromNode(node);
  }

  /**
   * After a jump past where the walk of the page paused, the screen it
   * landed on (from `first`, its top) is read first, by a walk of its own;
   * the walk catching up stops where that one began, and then places the
   * last of what it found above the screen.
   */
  private readLandingFirst(first: Element | null): void {
    const root = this.root;
    const behind = this.walks.find((walk) => walk.page && walk.catchingUp && walk.bounds.until === undefined);
    if (!first || !behind?.last || this.readingAll) return;
    const from = containerOf(first) ?? first;
    if (from === root || !root.contains(from) || !isAfter(from, behind.last)) return;
    behind.bounds.until = from;
    // Walks catching up queue what they find; the queue must stay in
    // document order, and this walk's stretch comes after those of any
    // others still catching up (from an earlier jump): it goes last.
    this.walks.splice(this.walks.indexOf(behind), 1);
    this.walks.push(behind);
    this.walks.unshift(newWalk(root, this.ignore, { from }, true));
  }

  // The reader scrolled: once the frame is laid out, the frontier moves to
  // the new bottom of the viewport and what is near it gets placed.
  private followScroll(): void {
    // While the page is still being read, a new bottom also decides what is queued next.
    if ((this.index.waitingCount === 0 && this.walks.length === 0) || this.scrollTimer !== undefined || this.cancelScrollProbe) return;
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

  // What the page changed: removed subtrees are forgotten at once (a walk
  // of what was removed, not of the page's mentions), a changed block's
  // waiting mentions are dropped (not to be placed on its new text), and the
  // outermost changed elements are read again, in slices, which first
  // forget what was known inside them.
  private onChanges({ removed, changedBlocks, roots }: PageChanges): void {
    if (this.stopped) return;
    for (const element of removed) this.index.forgetWithin(element);
    for (const element of changedBlocks) this.index.dropWaiting(element);
    for (const root of roots) {
      this.stale.add(root);
      this.enqueue(root);
    }
  }
}
