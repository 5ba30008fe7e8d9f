// What the annotator paints mentions with. Two painters: the CSS Custom
// Highlight API where the browser has it (nothing added to the page), and
// an overlay of boxes where it does not (one element of ChipLens's own).
import type { EntryKind } from '../core/dataset-schema';

export type HighlightStyle = 'underline' | 'background' | 'none';

/**
 * What a range is painted as: its kind, or a repeat of its kind (an entry's
 * mentions after the first, drawn quietly unless the reader asks for every
 * mention in full).
 */
export type PaintKey = EntryKind | `${EntryKind}-repeat`;

export interface Painter {
  /** Ranges painted so far. */
  readonly painted: number;
  /** How many ranges wait for the next `flush`. */
  readonly waiting: number;
  /** Repaints every range in `style`. */
  setStyle(style: HighlightStyle): void;
  /** Adds `range` at the next `flush`. */
  add(key: PaintKey, range: AbstractRange): void;
  /** Paints what was added, or as much as it can before `deadline` (performance.now() time); true when nothing is left. */
  flush(deadline?: number): boolean;
  delete(key: PaintKey, range: AbstractRange): void;
  /** Marks `range` brightly for a moment, above everything else. */
  flash(range: AbstractRange): void;
  /** Removes everything painted. */
  clear(): void;
  /**
   * The painted ranges under a point in the viewport, when the painter can
   * tell; undefined when hover must find the text under the point itself.
   */
  rangesAt(x: number, y: number): AbstractRange[] | undefined;
}

/** How long `flash` lasts. */
export const FLASH_MS = 1600;

/**
 * Ranges waiting to be painted, taken in batches that stop at a deadline:
 * painting 25,000 ranges at once takes over 30 ms.
 */
export class PendingRanges {
  private readonly waiting = new Map<AbstractRange, PaintKey>();
  /** Ranges handed to `paint` since the last `clear`. */
  drained = 0;

  get size(): number {
    return this.waiting.size;
  }

  add(key: PaintKey, range: AbstractRange): void {
    this.waiting.set(range, key);
  }

  delete(range: AbstractRange): void {
    this.waiting.delete(range);
  }

  clear(): void {
    this.waiting.clear();
    this.drained = 0;
  }

  /** Hands ranges to `paint` until none are left (true) or `deadline` passes (false). */
  drain(deadline: number, paint: (range: AbstractRange, key: PaintKey) => void): boolean {
    let count = 0;
    for (const [range, kind] of this.waiting) {
      if (pastDeadline(++count, deadline)) break;
      this.waiting.delete(range);
      this.drained++;
      paint(range, kind);
    }
    return this.waiting.size === 0;
  }
}

/**
 * Whether `deadline` has passed, asked on the `count`th range handled: the
 * clock is read every few hundred ranges, as each takes about a microsecond.
 */
export function pastDeadline(count: number, deadline: number): boolean {
  return (count & 255) === 0 && performance.now() >= deadline;
}
