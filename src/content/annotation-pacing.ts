// How one run of the annotator paces its work on a page: how long a slice
// may run, how often and how much it paints, how far ahead of the reader it
// places mentions, and where it stops. The figures are chosen against the
// pages in \`npm run bench\` (docs/performance.md).

/** Matching work is split into slices this long so the page stays responsive. */
export const SLICE_MS = 8;
/**
 * Until the first screen is read, slices may run this long: yielding every
 * 8 ms there only lets the page's own loading tasks delay what the reader
 * sees first, and it stays well inside the 50 ms of a long task.
 */
export const FIRST_SCREEN_SLICE_MS = 20;
/**
 * Below the first screen, new highlights are painted in batches, at most
 * this often, and less often the more there are: each batch costs the
 * browser time in proportion to all the highlights on the page.
 */
export const PAINT_EVERY_MS = 250;
export const PAINT_SLOWER_PER = 5000;
/**
 * And only once the waiting ranges are this share of those painted, so
 * that batches grow geometrically and the browser's work over all of them
 * stays within a few times that of the last. In a trace of the 10 MB page
 * (64,000 highlights), painting every 250 ms or so took it 21 frames whose
 * pre-paint step alone came to 7.8 s, the last ones 0.6-0.9 s each.
 */
export const PAINT_GROWTH = 1;
/**
 * Mentions further down than the viewport are placed (their text nodes
 * found, ranges made, painted) only this many ahead of it; the others wait
 * until the reader scrolls towards them. Pages with fewer are painted whole.
 * Placing is over half of ChipLens's work on a page dense with names, and
 * every range painted costs the browser something in every frame that
 * changes a highlight.
 */
export const PAINT_AHEAD = 1000;
/** A walk that lost its place (the page removed it) starts again from the top at most this often. */
export const MAX_RESTARTS = 5;
/** While the reader scrolls, where the viewport is is asked at most this often. */
export const SCROLL_PROBE_MS = 100;
/**
 * A run stops reading a page once it holds this many mentions, and the
 * popup says so. No article comes near it (a 10 MB page of news holds
 * 64,000); one 5 MB paragraph of nothing but names would otherwise keep
 * 200,000 highlights and 70 MB for the page's life.
 */
export const MENTION_LIMIT = 100_000;
