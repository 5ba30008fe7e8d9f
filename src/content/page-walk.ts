// A walk through part of the page, block by block (long blocks piece by
// piece), and where it stands against the viewport.
import { piecesOf, type Piece } from './block-pieces';
import { iterateBlocks, type TextBlock, type WalkBounds } from './text-blocks';

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
