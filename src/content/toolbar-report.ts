// Tells the background what the toolbar icon should say for this tab: how
// many entries the page mentions (the badge), and whether ChipLens is on
// here (a grey icon when it is paused or off for the site). Reports are
// gathered for a moment, since a page's first reading finds names in many
// small steps, and sent only when something changed.
import type { PageState } from '../core/messages';

/** How long changes are gathered before one report. */
const GATHER_MS = 400;

export class ToolbarReport {
  private last: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (state: PageState) => Promise<unknown>,
    private readonly current: () => PageState,
  ) {}

  /** Something changed: report it soon. */
  changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.now();
    }, GATHER_MS);
  }

  /** Reports at once (ChipLens turned on or off here). */
  now(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const state = this.current();
    const key = `${state.active}:${state.entries}`;
    if (key === this.last) return;
    this.last = key;
    // A background that is restarting answers the next report.
    this.send(state).catch(() => {
      this.last = undefined;
    });
  }
}
