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
import { newWalk, reaches, walkLandingFirst, walkScreenFirst, type PageWalk } from './page-walk';
import type { Painter } from './painter';
import { READ_AHEAD_CHARS, ReadAheadWindow } from './read-ahead';
import { isConnectedBlock, type TextBlock, type WalkBounds } from './text-blocks';
import * as timeline from './timeline';
import { isAfter, probeViewport, type Viewport, type ViewportProbe } from './viewport';
import { FIRST_SCREEN_SLICE_MS, MAX_RESTARTS, MENTION_LIMIT, PAINT_AHEAD, SLICE_MS } from './annotation-pacing';
import { ScrollFollower } from './scroll-follower';
import { PaintPacer } from './paint-pacer';
import { PageFurniture } from './page-furniture';

export class AnnotationRun {
  readonly index: MentionIndex;
  private readonly ahead = new ReadAheadWindow({ chars: READ_AHEAD_CHARS, mentions: PAINT_AHEAD });
  private readonly watcher: MutationWatcher;
  private readonly furniture = new PageFurniture();
  /** Hears that mentions were found (for the toolbar's count). */
  onFound: (() => void) | undefined;
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
  private cancelProbe: () => void;
  private readonly pacer: PaintPacer;
  private readonly scrolls = new ScrollFollower(
    // While the page is still being read, a new bottom also decides what is queued next.
    () => this.index.waitingCount > 0 || this.walks.length > 0,
    (viewport) => {
      this.moveFrontier(viewport.last);
      this.readLandingFirst(viewport.first);
      this.schedule();
    },
  );

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
    /** Every mention painted in full, not only each entry's first. */
    paintEvery = false,
  ) {
    this.index = new MentionIndex(matcher.table.entries, painter, paintEvery);
    this.pacer = new PaintPacer(painter);
    this.watcher = new MutationWatcher(ignore, (changes) => this.onChanges(changes));
    this.watcher.start(root);
    this.enqueue(root);
    this.scrolls.start();
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
    this.cancelProbe();
    this.scrolls.stop();
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

  private readViewportFirst(): void {
    walkScreenFirst(this.root, this.ignore, this.walks, this.viewport?.first, this.topBounds);
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
    this.pacer.continueBatch(deadline);
    while (!this.pacer.busy && performance.now() < deadline) {
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
    this.pacer.paintDue(started, { reading, firstScreenPainted: this.firstScreenPainted });
    if (this.firstScreenDone && !this.firstScreenPainted) {
      this.firstScreenPainted = true;
      timeline.mark('chiplens:first-screen');
    }
    const more = reading || this.pacer.busy || this.nextToPlace() !== undefined;
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
      this.pacer.screenRead = this.firstScreenPainted;
    }
    // While a walk waited, a change may have been read on its own (a block
    // appended further down, or a walk started again after losing its place).
    if (walk.page && isFirstPiece(piece) && this.index.has(block.container)) {
      walk.skipping = block;
      return;
    }
    const result = matchPiece(piece, (text) => this.matcher.match(text, this.index.context));
    // Names in navigation, footers, buttons and banners are not what the
    // reader reads about: they are neither shown nor count for the page.
    if (result.mentions.length > 0 || result.deferred.length > 0) {
      if (timeline.measured('chiplens:furniture', () => this.furniture.isFurniture(block.container, block.text))) return;
    }
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
    this.onFound?.();
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

  private readLandingFirst(first: Element | null): void {
    if (!this.readingAll) walkLandingFirst(this.root, this.ignore, this.walks, first);
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
