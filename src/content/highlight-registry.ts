// The four named highlights ChipLens paints with, one per kind, styled by
// the manifest's CSS. The registry is shared with the page, hence the
// distinctive names.
import type { EntryKind } from '../core/dataset-schema';

export const HIGHLIGHT_NAMES: Record<EntryKind, string> = {
  chip: 'chiplens-chip',
  company: 'chiplens-company',
  model: 'chiplens-model',
  rule: 'chiplens-rule',
};

/** A short-lived highlight on the mention the popup asked to see. */
const FLASH_NAME = 'chiplens-flash';
const FLASH_MS = 1600;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightRegistry {
  private readonly highlights = new Map<EntryKind, Highlight>();

  add(kind: EntryKind, range: AbstractRange): void {
    let highlight = this.highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(kind, highlight);
      CSS.highlights.set(HIGHLIGHT_NAMES[kind], highlight);
    }
    highlight.add(range);
  }

  delete(kind: EntryKind, range: AbstractRange): void {
    this.highlights.get(kind)?.delete(range);
  }

  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  /** Marks `range` brightly for a moment, above the kind highlights. */
  flash(range: AbstractRange): void {
    const highlight = new Highlight(range);
    highlight.priority = 1;
    CSS.highlights.set(FLASH_NAME, highlight);
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => CSS.highlights.delete(FLASH_NAME), FLASH_MS);
  }

  /** Removes every ChipLens highlight from the page. */
  clear(): void {
    for (const kind of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_NAMES[kind]);
    this.highlights.clear();
    clearTimeout(this.flashTimer);
    CSS.highlights.delete(FLASH_NAME);
  }
}
