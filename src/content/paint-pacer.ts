// When the annotator hands its highlights to the painter: the first screen
// at once; the rest in batches, ever larger and rarer as the page fills up
// (each costs the browser time in proportion to all the highlights), each
// painted over as many slices as it takes so that no task runs long.
import { PAINT_EVERY_MS, PAINT_GROWTH, PAINT_SLOWER_PER, SLICE_MS } from './annotation-pacing';
import type { Painter } from './painter';

export class PaintPacer {
  /** A batch of highlights is being painted, over as many slices as it takes. */
  busy = false;
  /** A walk came to the bottom of the viewport after the reader scrolled: what it placed on screen is painted now, not with the next batch. */
  screenRead = false;
  private lastPaint = 0;

  constructor(private readonly painter: Painter) {}

  /** Goes on with a batch under way, until `deadline`. */
  continueBatch(deadline: number): void {
    if (this.busy) this.busy = !this.painter.flush(deadline);
  }

  /** Starts painting what waits, if it is due: at once while the first screen is not painted or reading is over. */
  paintDue(started: number, { reading, firstScreenPainted }: { reading: boolean; firstScreenPainted: boolean }): void {
    const painter = this.painter;
    const paintEvery = PAINT_EVERY_MS * (1 + painter.painted / PAINT_SLOWER_PER);
    const batchDue = started - this.lastPaint >= paintEvery && painter.waiting >= painter.painted * PAINT_GROWTH;
    if (this.busy || painter.waiting === 0 || (reading && firstScreenPainted && !batchDue && !this.screenRead)) return;
    this.busy = !painter.flush(firstScreenPainted ? performance.now() + SLICE_MS : Infinity);
    this.lastPaint = started;
    this.screenRead = false;
  }
}
