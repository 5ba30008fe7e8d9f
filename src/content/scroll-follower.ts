// Follows the reader's scrolling for the annotator: once the frame is laid
// out after a scroll, it reports where the viewport now is, at most every
// SCROLL_PROBE_MS, and only while the annotator still has something to
// place or read.
import { SCROLL_PROBE_MS } from './annotation-pacing';
import { probeViewport, type Viewport } from './viewport';

export class ScrollFollower {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cancelProbe: (() => void) | undefined;
  private readonly onScroll = () => this.follow();

  constructor(
    private readonly wanted: () => boolean,
    private readonly moved: (viewport: Viewport) => void,
  ) {}

  start(): void {
    // Capturing, so that scrolled containers inside the page count too.
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  stop(): void {
    clearTimeout(this.timer);
    this.cancelProbe?.();
    document.removeEventListener('scroll', this.onScroll, { capture: true });
  }

  private follow(): void {
    if (!this.wanted() || this.timer !== undefined || this.cancelProbe) return;
    // With a thousand mentions placed ahead, nothing unplaced comes into view sooner.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.cancelProbe = probeViewport((viewport) => {
        this.cancelProbe = undefined;
        this.moved(viewport);
      });
    }, SCROLL_PROBE_MS);
  }
}
