// A block is matched in one go, unless it is long: a page can put megabytes
// in one paragraph (a log dump, data shown as text), and matching 5 MB at
// once froze the tab for over a second. Long blocks are matched a window
// at a time, one window per slice of work, like a long page.
import type { MatchResult } from '../core/matcher';
import type { TextBlock } from './text-blocks';

/**
 * Blocks longer than this are matched in windows this long: a few
 * milliseconds of ordinary text, and still well within a slice for text
 * that takes the slow path (combining marks) while its code is cold.
 */
export const WINDOW_CHARS = 8_000;
/**
 * Each window also reads this much of the text on either side, so that a
 * name across a window's edge is found, in the window where it starts, and
 * the word boundaries around every name are seen. Longer than any name.
 */
const WINDOW_MARGIN = 256;

/** Part of a block: the mentions that start in `[from, to)` of its text. */
export interface Piece {
  block: TextBlock;
  from: number;
  to: number;
}

export const isFirstPiece = (piece: Piece) => piece.from === 0;
export const isLastPiece = (piece: Piece) => piece.to >= piece.block.text.length;

/** The blocks of `blocks` as pieces: short ones whole, long ones window by window. */
export function* piecesOf(blocks: Iterator<TextBlock>): Generator<Piece> {
  for (let next = blocks.next(); !next.done; next = blocks.next()) {
    const block = next.value;
    const length = block.text.length;
    if (length <= WINDOW_CHARS) {
      yield { block, from: 0, to: length };
      continue;
    }
    for (let from = 0; from < length; from += WINDOW_CHARS) yield { block, from, to: Math.min(length, from + WINDOW_CHARS) };
  }
}

/** The text a piece is matched in: its own, with the margins around it. */
function pieceText(piece: Piece): { text: string; offset: number } {
  const { block, from, to } = piece;
  if (from === 0 && to === block.text.length) return { text: block.text, offset: 0 };
  const start = Math.max(0, from - WINDOW_MARGIN);
  return { text: block.text.slice(start, to + WINDOW_MARGIN), offset: start };
}

/** The mentions that start in `piece`, at offsets in its block's text, found by `match` (a matcher's, with the page's context). */
export function matchPiece(piece: Piece, match: (text: string) => MatchResult): MatchResult {
  const { text, offset } = pieceText(piece);
  const result = match(text);
  if (offset === 0 && text.length === piece.block.text.length) return result;
  const mentions: MatchResult['mentions'] = [];
  for (const m of result.mentions) {
    const start = m.start + offset;
    if (start >= piece.from && start < piece.to) mentions.push({ entry: m.entry, start, end: m.end + offset });
  }
  return { mentions, deferred: result.deferred };
}
