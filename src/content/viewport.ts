// Where the reader is looking, in document terms: the element at the top of
// the viewport and the one at its bottom. Read once per page, in an
// animation frame, where the browser lays the page out anyway; reading
// positions while scanning would force extra layouts of the whole page.

export interface Viewport {
  /** The element at the top of the viewport, when the page is scrolled down. */
  first: Element | null;
  /** The node at the bottom of the viewport: reading past it finishes the first screen. */
  last: Node | null;
}

// The caret position, unlike elementFromPoint, lands in the nearest text
// even between paragraphs, rather than on the column that holds them.
function nodeAt(x: number, y: number): Node | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null };
  if (typeof doc.caretPositionFromPoint === 'function') return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  return document.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
}

/** How long a visible tab's first frame is waited for before the viewport is taken as unknown. */
const VISIBLE_WAIT_MS = 2000;

/** Calls `found` once, in the next frame (or soon, if the tab is hidden and has no frames). Returns a cancel function. */
export function probeViewport(found: (viewport: Viewport) => void): () => void {
  let done = false;
  const finish = (viewport?: () => Viewport) => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    if (viewport) found(viewport());
  };
  const frame = requestAnimationFrame(() =>
    finish(() => {
      const x = innerWidth / 2;
      // Near the top, reading from the top is already reading what is seen.
      const scrolled = scrollY > innerHeight / 2;
      const first = scrolled ? nodeAt(x, Math.min(40, innerHeight / 4)) : null;
      return {
        first: first && (first.nodeType === Node.ELEMENT_NODE ? (first as Element) : first.parentElement),
        last: nodeAt(x, innerHeight - 2),
      };
    }),
  );
  // A hidden tab gets no frames; nothing is on its screen, so order is moot.
  // A visible one whose frame is late (a busy page, a busy machine) waits
  // for it a while longer: taking it for hidden places the whole page at once.
  const started = performance.now();
  const giveUp = () => {
    if (document.visibilityState === 'visible' && performance.now() - started < VISIBLE_WAIT_MS) fallback = setTimeout(giveUp, 100);
    else finish(() => ({ first: null, last: null }));
  };
  let fallback = setTimeout(giveUp, 200);
  return () => finish();
}

/** Whether `node` comes after `reference` in the document and is not inside it. */
export function isAfter(node: Node, reference: Node): boolean {
  const position = reference.compareDocumentPosition(node);
  return (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && (position & Node.DOCUMENT_POSITION_CONTAINED_BY) === 0;
}

/** The index of the first of `items` (in document order) whose block comes after `node`: a binary search. */
export function firstAfter<T>(items: readonly T[], node: Node, blockOf: (item: T) => Element): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfter(blockOf(items[mid]!), node)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Waits for the viewport (see probeViewport); returns a cancel function. */
export type ViewportProbe = (found: (viewport: Viewport) => void) => () => void;

/**
 * Probes the viewport now, for a reader that starts later: the frame it
 * would wait for then passes while storage and decompression work.
 */
export function probeViewportEarly(): ViewportProbe {
  let seen: Viewport | undefined;
  let waiting: ((viewport: Viewport) => void) | undefined;
  probeViewport((viewport) => {
    seen = viewport;
    waiting?.(viewport);
  });
  return (found) => {
    if (seen) found(seen);
    else waiting = found;
    return () => (waiting = undefined);
  };
}
