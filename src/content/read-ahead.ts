// How far below the viewport the page has been read. Most readers never
// reach the end of a long page, and reading and matching all of it cost a
// 1 MB page five times what reading its text alone does: a walk of the page
// pauses once it has read this far ahead, and goes on as the reader scrolls.
import { firstAfter } from './viewport';

/**
 * Below the viewport, the page is read only this far ahead (in characters),
 * or this many mentions, whichever comes first: about ten screens of dense
 * text. Pages with fewer are read whole.
 */
export const READ_AHEAD_CHARS = 30_000;
const READ_AHEAD_MENTIONS = 1000;

/** A block read below the viewport: what it counts towards reading ahead. */
export interface ReadAheadEntry {
  container: Element;
  mentions: number;
  chars: number;
}

export class ReadAheadWindow {
  /** Blocks read below the viewport, in document order, with their sums beside them: the walk asks for them before every block. */
  private log: ReadAheadEntry[] = [];
  private mentions = 0;
  private chars = 0;

  constructor(private readonly limits = { chars: READ_AHEAD_CHARS, mentions: READ_AHEAD_MENTIONS }) {}

  note(entry: ReadAheadEntry): void {
    this.log.push(entry);
    this.mentions += entry.mentions;
    this.chars += entry.chars;
  }

  /** Whether the walk has read as far ahead as it may. */
  get full(): boolean {
    return this.mentions >= this.limits.mentions || this.chars >= this.limits.chars;
  }

  /** The viewport's bottom is now `node`: what was read above it no longer counts as read ahead. */
  keepAfter(node: Node): void {
    this.set(this.log.slice(firstAfter(this.log, node, (entry) => entry.container)));
  }

  clear(): void {
    this.set([]);
  }

  private set(log: ReadAheadEntry[]): void {
    this.log = log;
    this.mentions = this.chars = 0;
    for (const entry of log) {
      this.mentions += entry.mentions;
      this.chars += entry.chars;
    }
  }
}
