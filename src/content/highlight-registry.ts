// The four named highlights ChipLens paints with, one per kind, styled by
// highlight-sheet while it paints. The registry is shared with the page,
// hence the distinctive names.
import { adoptHighlightSheet, dropHighlightSheet } from './highlight-sheet';
import { FLASH_MS, pastDeadline, PendingRanges, type HighlightStyle, type PaintKey, type Painter } from './painter';

export type { HighlightStyle } from './painter';

/**
 * The highlight's name for a kind in a style. Each style has its own names
 * (and CSS rules), so switching style re-registers ranges and never touches
 * the page's DOM. "none" paints nothing, but hover still works.
 */
export function highlightName(key: PaintKey, style: HighlightStyle = 'underline'): string {
  return style === 'underline' ? `chiplens-${key}` : `chiplens-${key}-${style}`;
}

/** A short-lived highlight on the mention the popup asked to see. */
const FLASH_NAME = 'chiplens-flash';

type HighlightHit = { highlight: Highlight; ranges: AbstractRange[] };
type WithHighlightsFromPoint = typeof CSS.highlights & { highlightsFromPoint?: (x: number, y: number) => HighlightHit[] };

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * A batch too big for one slice, built in highlights of its own that no
 * page renders yet: each kind's painted ranges are copied over, then the
 * batch added, and the new highlights replace the old ones at once.
 */
interface Rebuild {
  highlights: Map<PaintKey, Highlight>;
  /** The painted ranges still to copy, kind by kind. */
  copying: [PaintKey, Iterator<AbstractRange>][];
}

export class HighlightRegistry implements Painter {
  private readonly highlights = new Map<PaintKey, Highlight>();
  // Ranges wait here until `flush`. After any change to a highlight the
  // browser goes over every range of every highlight again: on a 10 MB page
  // (57,000 ranges), adding ranges in every slice of work kept it busy for
  // tens of seconds.
  private readonly pending = new PendingRanges();
  // So a batch that takes several slices is not added to the rendered
  // highlights slice by slice: each slice would cost the browser a frame
  // going over every range (on the 10 MB page, 18 such frames of 0.06-0.7 s,
  // 5.3 s in all, in one trace). It is built aside and swapped in once.
  private rebuild: Rebuild | undefined;

  constructor(
    private style: HighlightStyle = 'underline',
    /** Puts the highlights' stylesheet on the page while anything is painted, and takes it off. */
    private readonly sheet: { adopt(): void; drop(): void } = { adopt: () => adoptHighlightSheet(), drop: () => dropHighlightSheet() },
  ) {}

  /** Moves every range to the names of `style`. */
  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    // A rebuild under way is registered under the new names when it ends.
    for (const [kind, highlight] of this.highlights) {
      CSS.highlights.delete(highlightName(kind, this.style));
      CSS.highlights.set(highlightName(kind, style), highlight);
    }
    this.style = style;
  }

  /** Adds `range` at the next `flush`. */
  add(kind: PaintKey, range: AbstractRange): void {
    this.pending.add(kind, range);
  }

  /** Paints the ranges added since the last flush, or as many as it can before `deadline`; true when none are left. */
  flush(deadline = Infinity): boolean {
    if (this.pending.size > 0) this.sheet.adopt();
    if (!this.rebuild) {
      // Most batches (the first screen, a feed's new items) fit in one slice.
      if (this.pending.drain(deadline, (range, kind) => this.paint(kind, range))) return true;
      this.rebuild = {
        highlights: new Map([...this.highlights.keys()].map((kind) => [kind, new Highlight()])),
        copying: [...this.highlights].map(([kind, highlight]) => [kind, highlight.values()]),
      };
    }
    const rebuild = this.rebuild;
    let count = 0;
    while (rebuild.copying.length > 0) {
      const [kind, ranges] = rebuild.copying[0]!;
      const target = rebuild.highlights.get(kind)!;
      for (let next = ranges.next(); !next.done; next = ranges.next()) {
        target.add(next.value);
        if (pastDeadline(++count, deadline)) return false;
      }
      rebuild.copying.shift();
    }
    const done = this.pending.drain(deadline, (range, kind) => {
      let target = rebuild.highlights.get(kind);
      if (!target) {
        target = new Highlight();
        rebuild.highlights.set(kind, target);
      }
      target.add(range);
    });
    if (!done) return false;
    for (const [kind, highlight] of rebuild.highlights) {
      this.highlights.set(kind, highlight);
      CSS.highlights.set(highlightName(kind, this.style), highlight);
    }
    this.rebuild = undefined;
    return true;
  }

  /** Ranges painted so far. */
  get painted(): number {
    return this.pending.drained;
  }

  get waiting(): number {
    return this.pending.size;
  }

  private paint(kind: PaintKey, range: AbstractRange): void {
    let highlight = this.highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(kind, highlight);
      CSS.highlights.set(highlightName(kind, this.style), highlight);
    }
    highlight.add(range);
  }

  delete(kind: PaintKey, range: AbstractRange): void {
    this.highlights.get(kind)?.delete(range);
    this.rebuild?.highlights.get(kind)?.delete(range);
    this.pending.delete(range);
  }

  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  /** Marks `range` brightly for a moment, above the kind highlights. */
  flash(range: AbstractRange): void {
    this.sheet.adopt();
    const highlight = new Highlight(range);
    highlight.priority = 1;
    CSS.highlights.set(FLASH_NAME, highlight);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => CSS.highlights.delete(FLASH_NAME), FLASH_MS);
  }

  /** Chrome 140+ says which highlights are under a point; other browsers leave it to hover. */
  rangesAt(x: number, y: number): AbstractRange[] | undefined {
    const registry = CSS.highlights as WithHighlightsFromPoint;
    if (typeof registry.highlightsFromPoint !== 'function') return undefined;
    const own = new Set<Highlight>(this.highlights.values());
    const ranges = registry.highlightsFromPoint(x, y).flatMap((hit) => (own.has(hit.highlight) ? hit.ranges : []));
    // Chromium does not report every highlight under a point (a repeat's
    // thin underline, with no background, was missed): with none found,
    // hover looks at the text under the point itself.
    return ranges.length > 0 ? ranges : undefined;
  }

  /** Removes every ChipLens highlight from the page. */
  clear(): void {
    this.pending.clear();
    this.rebuild = undefined;
    for (const kind of this.highlights.keys()) CSS.highlights.delete(highlightName(kind, this.style));
    this.highlights.clear();
    clearTimeout(this.flashTimer);
    CSS.highlights.delete(FLASH_NAME);
    this.sheet.drop();
  }
}
