// A walk through part of the page, block by block (long blocks piece by
// piece), and where it stands against the viewport.
import { piecesOf, type Piece } from './block-pieces';
import { containerOf, iterateBlocks, type TextBlock, type WalkBounds } from './text-blocks';
import { isAfter } from './viewport';

export interface PageWalk {
  pieces: Iterator<Piece>;
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

export function newWalk(root: Node, ignore: (el: Element) => boolean, bounds: WalkBounds, page: boolean): PageWalk {
  return { pieces: piecesOf(iterateBlocks(root, ignore, bounds)), bounds, page, past: false, catchingUp: false, last: undefined, skipping: undefined };
}

/**
 * Whether a walk at block `container` has come to `frontier`: the block
 * holds it, or it is an element around the block (the caret between
 * paragraphs lands on their parent), which then counts as reached at once.
 */
export function reaches(container: Element, frontier: Node): boolean {
  return container.contains(frontier) || frontier.contains(container);
}

type Ignore = (el: Element) => boolean;

/**
 * Reading starts at the top at once; when the viewport is known (one frame
 * later) and the page is scrolled down, the part on screen (from `first`,
 * its top) is read next, by a walk put first in `walks`, and the walk from
 * the top (`top`, its bounds) stops where that one begins.
 */
export function walkScreenFirst(root: Node, ignore: Ignore, walks: PageWalk[], first: Element | null | undefined, top: WalkBounds | undefined): void {
  if (!first || !top || !walks.length || !root.contains(first)) return;
  const from = containerOf(first) ?? first;
  // Only if the walk from the top has not got there yet: no block is read twice.
  if (from === root || !root.contains(from) || (top.reached && !isAfter(from, top.reached))) return;
  top.until = from;
  walks.unshift(newWalk(root, ignore, { from }, true));
}

/**
 * After a jump past where the walk of the page paused, the screen it
 * landed on (from `first`, its top) is read first, by a walk of its own;
 * the walk catching up stops where that one began, and then places the
 * last of what it found above the screen.
 */
export function walkLandingFirst(root: Node, ignore: Ignore, walks: PageWalk[], first: Element | null): void {
  const behind = walks.find((walk) => walk.page && walk.catchingUp && walk.bounds.until === undefined);
  if (!first || !behind?.last) return;
  const from = containerOf(first) ?? first;
  if (from === root || !root.contains(from) || !isAfter(from, behind.last)) return;
  behind.bounds.until = from;
  // Walks catching up queue what they find; the queue must stay in
  // document order, and this walk's stretch comes after those of any
  // others still catching up (from an earlier jump): it goes last.
  walks.splice(walks.indexOf(behind), 1);
  walks.push(behind);
  walks.unshift(newWalk(root, ignore, { from }, true));
}
