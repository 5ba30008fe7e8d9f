// Follows the page as it changes and says, every MUTATION_DELAY_MS at most,
// what to read again. Its work is in proportion to what changed, never to
// the page: tickers, dashboards, log viewers and framework lists change
// thousands of blocks a second on pages of tens of thousands.
import { containerOf, isInlineElement } from './text-blocks';
import * as timeline from './timeline';

/** DOM changes are gathered this long before they are handed on. */
const MUTATION_DELAY_MS = 100;

export interface PageChanges {
  /** Elements removed from the page (and not put back): what was known inside them goes. */
  removed: Element[];
  /** Blocks whose own text changed: mentions found in them earlier are stale. */
  changedBlocks: Element[];
  /** The outermost changed or added elements still on the page: to read again (inner ones come with them). */
  roots: Element[];
}

export class MutationWatcher {
  private observer: MutationObserver | undefined;
  /** Blocks whose text changed (read again whole), and new blocks (read alone, so an endless feed costs only what it appends). */
  private dirty = new Set<Element>();
  private added = new Set<Element>();
  private removed: Element[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Elements of ChipLens's own, whose changes are not the page's. */
    private readonly ignore: (el: Element) => boolean,
    private readonly onChanges: (changes: PageChanges) => void,
    private readonly delayMs = MUTATION_DELAY_MS,
  ) {}

  start(root: Node): void {
    this.observer ??= new MutationObserver((records) => timeline.timed(() => this.take(records)));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer?.disconnect();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty.clear();
    this.added.clear();
    this.removed = [];
  }

  private take(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      const element = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      if (!element || this.ignore(element)) continue;
      if (record.type === 'characterData') {
        this.markDirty(target);
        continue;
      }
      for (const added of record.addedNodes) {
        if (added.nodeType === Node.ELEMENT_NODE) {
          const el = added as Element;
          if (this.ignore(el)) continue;
          if (!isInlineElement(el)) {
            this.added.add(el);
            continue;
          }
        } else if (added.nodeType !== Node.TEXT_NODE) continue;
        // New text or inline markup may join words already in the block.
        this.markDirty(element);
      }
      for (const removed of record.removedNodes) {
        if (removed.nodeType === Node.TEXT_NODE || (removed.nodeType === Node.ELEMENT_NODE && isInlineElement(removed as Element))) {
          this.markDirty(element);
        } else if (removed.nodeType === Node.ELEMENT_NODE) this.removed.push(removed as Element);
      }
    }
    const pending = this.dirty.size > 0 || this.added.size > 0 || this.removed.length > 0;
    if (pending && this.timer === undefined) this.timer = setTimeout(() => timeline.timed(() => this.flush()), this.delayMs);
  }

  private markDirty(node: Node): void {
    const container = containerOf(node);
    if (container) this.dirty.add(container);
  }

  private flush(): void {
    this.timer = undefined;
    // One moved elsewhere is among the added too, and read again there.
    const removed = this.removed.filter((element) => !element.isConnected);
    const changedBlocks = [...this.dirty];
    const changed = new Set<Element>();
    for (const element of this.dirty) if (element.isConnected) changed.add(element);
    for (const element of this.added) if (element.isConnected) changed.add(element);
    this.dirty.clear();
    this.added.clear();
    this.removed = [];
    const roots = [...changed].filter((element) => !hasAncestorIn(element, changed));
    this.onChanges({ removed, changedBlocks, roots });
  }
}

/** Whether an ancestor of `element` is in `set`: a walk up the tree, not a test against every member. */
function hasAncestorIn(element: Element, set: ReadonlySet<Element>): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (set.has(parent)) return true;
  return false;
}
