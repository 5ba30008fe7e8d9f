// Paints mentions where the browser lacks the CSS Custom Highlight API (no
// browser ChipLens's packages install on, but any engine or policy without
// it): boxes drawn over the text in one
// element of ChipLens's own, outside the page's body, that lets the pointer
// through. The page's own DOM is left as it was. Only mentions near the
// viewport are drawn, and they are measured in an animation frame, so the
// scan itself never reads layout.
import { FLASH_MS, PendingRanges, type HighlightStyle, type PaintKey, type Painter } from './painter';
import { liveRange } from './live-range';
import { FLASH_COLOURS, KIND_COLOURS } from './kind-colours';

export const OVERLAY_TAG = 'chiplens-overlay';

const CSS_TEXT = [
  '.box{position:absolute;pointer-events:none;box-sizing:border-box}',
  ...Object.entries(KIND_COLOURS).flatMap(([kind, c]) => [
    // A double border needs three pixels to show both lines.
    `.underline.${kind}{background:${c.tint};border-bottom:${c.dash === 'double' ? 3 : 2}px ${c.dash} ${c.line}}`,
    `.background.${kind}{background:${c.strong}}`,
    // Repeats: a thin line and no tint; in the background style, a lighter tint.
    `.underline.${kind}-repeat{border-bottom:1px ${c.dash === 'double' ? 'solid' : c.dash} ${c.line}}`,
    `.background.${kind}-repeat{background:${c.tint}}`,
  ]),
  `.flash{background:${FLASH_COLOURS.tint};outline:2px solid ${FLASH_COLOURS.line}}`,
].join('');

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'absolute',
  left: '0',
  top: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'pointer-events': 'none',
  'z-index': '2147483646',
};

/** A viewport rectangle as a box in document coordinates (the overlay scrolls with the page). */
function boxFor(rect: { left: number; top: number; width: number; height: number }, scroll: { x: number; y: number }) {
  return { left: rect.left + scroll.x, top: rect.top + scroll.y, width: rect.width, height: rect.height };
}

export class OverlayPainter implements Painter {
  private readonly pending = new PendingRanges();
  private readonly kinds = new Map<AbstractRange, PaintKey>();
  /** Painted ranges by the element their text starts in: the unit that is watched for visibility. */
  private readonly byElement = new Map<Element, Set<AbstractRange>>();
  private readonly near = new Set<Element>();
  private observer: IntersectionObserver | undefined;
  private host: HTMLElement | undefined;
  private layer: HTMLElement | undefined;
  private frame = 0;
  private flashing: AbstractRange | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onResize = () => this.redraw();
  constructor(private style: HighlightStyle = 'underline') {}

  get waiting(): number {
    return this.pending.size;
  }

  get painted(): number {
    return this.pending.drained;
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.style = style;
    this.redraw();
  }

  add(kind: PaintKey, range: AbstractRange): void {
    this.pending.add(kind, range);
  }

  flush(deadline = Infinity): boolean {
    const done = this.pending.drain(deadline, (range, kind) => this.track(range, kind));
    this.redraw();
    return done;
  }

  delete(_kind: PaintKey, range: AbstractRange): void {
    this.pending.delete(range);
    if (!this.kinds.delete(range)) return;
    const element = range.startContainer.parentElement;
    const set = element && this.byElement.get(element);
    if (!element || !set) return;
    set.delete(range);
    if (set.size === 0) {
      this.byElement.delete(element);
      this.near.delete(element);
      this.observer?.unobserve(element);
    }
    this.redraw();
  }

  flash(range: AbstractRange): void {
    this.flashing = range;
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      this.flashing = undefined;
      this.redraw();
    }, FLASH_MS);
    this.redraw();
  }

  clear(): void {
    this.pending.clear();
    this.kinds.clear();
    this.byElement.clear();
    this.near.clear();
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.flashTimer);
    this.flashing = undefined;
    removeEventListener('resize', this.onResize);
    this.host?.remove();
    this.host = undefined;
    this.layer = undefined;
  }

  /** The caret under the pointer finds the text: boxes let the pointer through. */
  rangesAt(): undefined {
    return undefined;
  }

  private track(range: AbstractRange, kind: PaintKey): void {
    const element = range.startContainer.parentElement;
    if (!element) return;
    this.kinds.set(range, kind);
    let set = this.byElement.get(element);
    if (!set) {
      set = new Set();
      this.byElement.set(element, set);
      this.watch(element);
    }
    set.add(range);
  }

  // Elements within a screen of the viewport are drawn; the observer tells
  // when that changes, without reading layout during the scan.
  private watch(element: Element): void {
    if (!this.observer) {
      this.observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) this.near.add(entry.target);
            else this.near.delete(entry.target);
          }
          this.redraw();
        },
        { rootMargin: '100% 0px' },
      );
      addEventListener('resize', this.onResize, { passive: true });
    }
    this.observer.observe(element);
  }

  private redraw(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.frame = 0;
    const boxes: HTMLElement[] = [];
    const scroll = { x: scrollX, y: scrollY };
    if (this.style !== 'none') {
      for (const element of this.near) {
        for (const range of this.byElement.get(element) ?? []) this.boxesOf(range, `${this.style} ${this.kinds.get(range)}`, scroll, boxes);
      }
    }
    if (this.flashing) this.boxesOf(this.flashing, 'flash', scroll, boxes);
    if (boxes.length === 0 && !this.host) return;
    this.ensureLayer().replaceChildren(...boxes);
  }

  private boxesOf(range: AbstractRange, className: string, scroll: { x: number; y: number }, into: HTMLElement[]): void {
    // Gone when the text changed under it; the annotator reads it again.
    const live = liveRange(range);
    if (!live) return;
    for (const rect of live.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      const { left, top, width, height } = boxFor(rect, scroll);
      const box = document.createElement('div');
      box.className = `box ${className}`;
      // Set through the CSSOM, which a page's style-src policy allows.
      box.style.left = `${left}px`;
      box.style.top = `${top}px`;
      box.style.width = `${width}px`;
      box.style.height = `${height}px`;
      into.push(box);
    }
  }

  private ensureLayer(): HTMLElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    this.host = document.createElement(OVERLAY_TAG);
    // Inline and important: a page's own rules must not move or hide it.
    for (const [name, value] of Object.entries(HOST_STYLE)) this.host.style.setProperty(name, value, 'important');
    // Open, like the tooltip's: nothing in it is secret, and tests can see it.
    const shadow = this.host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
    shadow.adoptedStyleSheets = [sheet];
    this.layer = document.createElement('div');
    shadow.append(this.layer);
    document.documentElement.append(this.host);
    return this.layer;
  }
}
