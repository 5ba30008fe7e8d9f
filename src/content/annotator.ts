// Owns the page's mentions for the content script: starts a run that finds
// them in the text, paints them through the painter and follows the page as
// it changes; answers "which mention is here?" for hover; and replaces the
// run when the alias table or the kinds shown change. It never edits the
// page's DOM. The work itself is in annotation-run.ts, and what a run
// knows is its own, so a new run starts from nothing.
import type { EntryKind } from '../core/dataset-schema';
import type { Matcher } from '../core/matcher';
import { AnnotationRun } from './annotation-run';
import type { ViewportProbe } from './viewport';
import type { PageMention } from './mention-index';
import type { Painter } from './painter';

export type { PageMention } from './mention-index';

export class Annotator {
  private run: AnnotationRun | undefined;

  constructor(
    private matcher: Matcher,
    /** What the mentions are painted with. */
    readonly painter: Painter,
    private readonly ignore: (el: Element) => boolean,
    /** Kinds the user chose to see; the others are matched (they still give context) but not painted. */
    private readonly visible: (kind: EntryKind) => boolean = () => true,
    /** Whether every mention is painted in full, rather than each entry's first in full and the rest quietly. */
    private readonly paintEvery: () => boolean = () => false,
  ) {}

  /** Hears that mentions were found or cleared (for the toolbar's count). */
  onChange: (() => void) | undefined;

  /** Starts reading `root` (see AnnotationRun for `probe`). */
  start(root: Node, probe?: ViewportProbe): void {
    if (this.run) return;
    this.run = new AnnotationRun(root, this.matcher, this.painter, this.ignore, this.visible, probe, this.paintEvery());
    this.run.onFound = this.onChange;
  }

  /** How many entries the page mentions, of the kinds shown. */
  entryCount(): number {
    return this.run?.index.entryCount ?? 0;
  }

  /** Removes every highlight and stops following the page. */
  stop(): void {
    this.run?.stop();
    this.run = undefined;
    this.onChange?.();
  }

  /** Switches to a new alias table (a dataset update, other kinds shown) and reads the page again. */
  restart(matcher: Matcher, root: Node): void {
    this.stop();
    this.matcher = matcher;
    this.start(root);
  }

  /** The mentions placed on the page (with ranges). */
  mentions(): PageMention[] {
    return this.run?.index.mentions() ?? [];
  }

  /** Every mention found, placed or not, by entry and kind (call `readAll` first for the whole page). */
  found(): Pick<PageMention, 'id' | 'kind'>[] {
    return this.run?.index.found() ?? [];
  }

  /** Reads the rest of the page, however far below the viewport; resolves once it is read (at once if ChipLens stops). */
  readAll(): Promise<void> {
    return this.run?.readAll() ?? Promise.resolve();
  }

  /** Places at once the waiting mentions (of entry `id`, if given), for stepping through them. */
  placeAll(id?: string): void {
    this.run?.placeAll(id);
  }

  /** The number of mentions at which ChipLens stopped reading the page, if it did. */
  limitReached(): number | undefined {
    return this.run?.limitReached();
  }

  mentionForRange(range: AbstractRange): PageMention | undefined {
    return this.run?.index.mentionForRange(range);
  }

  /** The mention covering character `offset` of `node`, if any. */
  mentionAt(node: Text, offset: number): PageMention | undefined {
    return this.run?.index.mentionAt(node, offset);
  }
}
