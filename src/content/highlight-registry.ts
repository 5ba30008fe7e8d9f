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

  /** Removes every ChipLens highlight from the page. */
  clear(): void {
    for (const kind of this.highlights.keys()) CSS.highlights.delete(HIGHLIGHT_NAMES[kind]);
    this.highlights.clear();
  }
}
