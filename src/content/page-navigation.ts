// Moving through a page's mentions: the popup's walk through one name's
// mentions ("reveal") and the keyboard commands' next and previous
// highlight ("step"), which also opens the tooltip. Also what the popup's
// "On this page" list is made from.
import type { PageInfo, RevealResult } from '../core/messages';
import type { Annotator, PageMention } from './annotator';
import type { HoverTracker } from './hover-tracker';
import { firstBox } from './live-range';
import type { Painter } from './painter';
import type { TooltipController } from './tooltip-controller';

export interface NavigationContext {
  annotator(): Annotator | undefined;
  hover(): HoverTracker | undefined;
  painter: Painter;
  tooltip: TooltipController;
}

function inDocumentOrder(a: PageMention, b: PageMention): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

export class PageNavigation {
  /** The mention the keyboard commands last moved to. */
  private stepAt = -1;

  constructor(private readonly context: NavigationContext) {}

  /** Each name found on the page, with how often, most frequent first. */
  mentionCounts(): PageInfo['mentions'] {
    const counts = new Map<string, PageInfo['mentions'][number]>();
    for (const mention of this.context.annotator()?.found() ?? []) {
      const item = counts.get(mention.id) ?? { id: mention.id, kind: mention.kind, count: 0 };
      item.count++;
      counts.set(mention.id, item);
    }
    return [...counts.values()].sort((a, b) => b.count - a.count);
  }

  /** Scrolls to mention `index` of `id` (wrapping round) and flashes it. */
  reveal(id: string, index: number): RevealResult {
    const list = this.inOrder(id);
    if (list.length === 0) return { index: 0, total: 0 };
    const at = index % list.length;
    this.bringIntoView(list[at]!);
    return { index: at, total: list.length };
  }

  /** The keyboard commands: the next or previous highlight, with its tooltip open. */
  step(by: 1 | -1): RevealResult {
    const list = this.inOrder();
    const hover = this.context.hover();
    if (list.length === 0 || !hover) return { index: 0, total: 0 };
    this.stepAt = (((this.stepAt + by) % list.length) + list.length) % list.length;
    const mention = list[this.stepAt]!;
    this.bringIntoView(mention);
    const anchor = firstBox(mention.range);
    if (anchor) {
      hover.showPinned(mention, anchor);
      void this.context.tooltip.show(mention, anchor, true);
    }
    return { index: this.stepAt, total: list.length };
  }

  private inOrder(id?: string): PageMention[] {
    const annotator = this.context.annotator();
    // Stepping goes through every mention, including those far down the page
    // that are not placed until the reader scrolls near them.
    annotator?.placeAll(id);
    return (annotator?.mentions() ?? [])
      .filter((m) => (id === undefined || m.id === id) && m.range.startContainer.isConnected && m.range.endContainer.isConnected)
      .sort(inDocumentOrder);
  }

  private bringIntoView(mention: PageMention): void {
    // scrollIntoView also scrolls any scrolled container the mention sits in;
    // instant, so that the tooltip can be placed against the final position.
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.context.painter.flash(mention.range);
  }
}
