// Works out which mention the pointer rests on. Hit-testing asks the
// painter first (the highlight registry, in Chrome 140+), then the caret position, and
// always confirms against the mention's boxes, because a caret lookup
// snaps to the nearest character even in the margin beside a line.
import type { Annotator, PageMention } from './annotator';
import { liveRange } from './live-range';

const LEAVE_GRACE_MS = 300;

export interface HoverCallbacks {
  show(mention: PageMention, anchor: DOMRect): void;
  hide(): void;
  /** True while the pointer is over our own tooltip. */
  isOverTooltip(target: EventTarget | null): boolean;
}

type WithCaretPosition = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
};

export class HoverTracker {
  private pending: PageMention | undefined;
  private shown: PageMention | undefined;
  /** A pinned tooltip (pin button, or opened from the keyboard) stays until closed. */
  private pinned = false;
  private enterTimer: ReturnType<typeof setTimeout> | undefined;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private last: PointerEvent | undefined;
  // Only the user's own pointer and keys count: a page could otherwise open
  // tooltips with synthetic events (and learn that ChipLens is there, and
  // what it knows of a word), or close the one the user is reading.
  private readonly onMove = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    this.last = event;
    if (!this.frame) this.frame = requestAnimationFrame(() => this.check());
  };
  private readonly onKey = (event: KeyboardEvent) => {
    if (event.isTrusted && event.key === 'Escape' && this.shown) this.hideNow();
  };
  // The tooltip is placed against the text; when the text moves, it goes.
  private readonly onScroll = (event: Event) => {
    if (this.shown && !this.pinned && !this.callbacks.isOverTooltip(event.target)) this.hideNow();
  };

  constructor(
    private readonly annotator: Annotator,
    private readonly callbacks: HoverCallbacks,
    /** Hover intent: how long the pointer rests before the tooltip opens (a setting). */
    public intentMs: number,
  ) {}

  attach(): void {
    document.addEventListener('pointermove', this.onMove, { passive: true, capture: true });
    document.addEventListener('keydown', this.onKey, { capture: true });
    window.addEventListener('scroll', this.onScroll, { passive: true, capture: true });
  }

  detach(): void {
    document.removeEventListener('pointermove', this.onMove, { capture: true });
    document.removeEventListener('keydown', this.onKey, { capture: true });
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.hideNow();
  }

  /** Keeps the open tooltip open when the pointer leaves. */
  pin(): void {
    if (this.shown) this.pinned = true;
  }

  isPinned(): boolean {
    return this.pinned;
  }

  /** Opens the tooltip of `mention` without the pointer (the keyboard), pinned. */
  showPinned(mention: PageMention, anchor: DOMRect): void {
    clearTimeout(this.enterTimer);
    clearTimeout(this.leaveTimer);
    this.pending = undefined;
    this.shown = mention;
    this.pinned = true;
    this.callbacks.show(mention, anchor);
  }

  hideNow(): void {
    clearTimeout(this.enterTimer);
    clearTimeout(this.leaveTimer);
    this.pending = undefined;
    this.pinned = false;
    if (this.shown) {
      this.shown = undefined;
      this.callbacks.hide();
    }
  }

  private check(): void {
    this.frame = 0;
    const event = this.last;
    if (!event) return;
    if (this.pinned || this.callbacks.isOverTooltip(event.target)) {
      clearTimeout(this.leaveTimer);
      return;
    }
    // Mouse and pen only: a touch has no hover, and scrolling must not open tooltips.
    const mention = event.pointerType === 'touch' ? undefined : this.mentionAt(event.clientX, event.clientY);
    if (mention && mention === this.shown) {
      clearTimeout(this.leaveTimer);
      return;
    }
    if (mention !== this.pending) {
      clearTimeout(this.enterTimer);
      this.pending = mention;
      if (mention) {
        this.enterTimer = setTimeout(() => this.enter(mention, event.clientX, event.clientY), this.intentMs);
      }
    }
    if (!mention && this.shown) {
      clearTimeout(this.leaveTimer);
      this.leaveTimer = setTimeout(() => this.hideNow(), LEAVE_GRACE_MS);
    }
  }

  private enter(mention: PageMention, x: number, y: number): void {
    if (this.pending !== mention) return;
    const rect = boxAt(mention, x, y);
    if (!rect) return;
    clearTimeout(this.leaveTimer);
    this.shown = mention;
    this.callbacks.show(mention, rect);
  }

  private mentionAt(x: number, y: number): PageMention | undefined {
    const painted = this.annotator.painter.rangesAt(x, y);
    if (painted) {
      for (const range of painted) {
        const mention = this.annotator.mentionForRange(range);
        if (mention) return mention;
      }
      return undefined;
    }
    const doc = document as WithCaretPosition;
    let node: Node | undefined;
    let offset = 0;
    if (doc.caretPositionFromPoint) {
      const position = doc.caretPositionFromPoint(x, y);
      node = position?.offsetNode;
      offset = position?.offset ?? 0;
    } else {
      const range = document.caretRangeFromPoint?.(x, y);
      node = range?.startContainer;
      offset = range?.startOffset ?? 0;
    }
    if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
    const mention = this.annotator.mentionAt(node as Text, offset) ?? this.annotator.mentionAt(node as Text, offset - 1);
    return mention && boxAt(mention, x, y) ? mention : undefined;
  }
}

/** The line box of `mention` under the point, or undefined if the point is outside it. */
function boxAt(mention: PageMention, x: number, y: number): DOMRect | undefined {
  const range = liveRange(mention.range);
  if (!range) return undefined;
  const slack = 2;
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack) return rect;
  }
  return undefined;
}
