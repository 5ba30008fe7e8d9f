// The one element ChipLens adds to a page: a host for the tooltip with a
// closed shadow root, so that page scripts can neither read what it says nor
// rewrite or click it, and page CSS and ours stay apart. It is created on
// the first hover and removed when ChipLens turns off for the site. Only the
// user acts on it: its buttons ignore clicks that scripts dispatch.
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { DisplayLanguage } from '../../core/display-language';
import { EntryCardView, type TooltipState } from '../../ui/EntryCardView';
import css from '../../ui/entry-card.css?inline';

import { applyHostStyle, leaveTopLayer, raiseToTopLayer } from './host-style';
import { HOST_TAG } from './tooltip-path';

export interface TooltipActions {
  close(): void;
  pin(): void;
  isPinned(): boolean;
  /** Opens the entry in ChipLens's own page. */
  more(id: string): void;
  /**
   * "Report a problem": GitHub's fact-report form for the entry, in a new
   * tab (the background opens it and adds the versions; the page's address,
   * title and text are never sent).
   */
  report(id: string): void;
}

/** Whether `event` came from the user, not from a page script's dispatchEvent or click(). */
function byUser(event: Event): boolean {
  return event.isTrusted;
}

/** The tooltip keeps this far from the viewport's edges. */
const VIEWPORT_PADDING_PX = 8;
/** The least height a card is given: a title and two lines. */
const MIN_ROOM_PX = 140;

export class TooltipHost {
  private host: HTMLElement | undefined;
  private mount: HTMLElement | undefined;
  private anchor: DOMRect | undefined;
  private at: { left: number; top: number; room?: number } = { left: 0, top: 0 };
  private token = 0;
  private last: { state: TooltipState; lang: DisplayLanguage } | undefined;

  constructor(private readonly actions: TooltipActions) {}

  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && (target === this.host || this.host.contains(target));
  }

  /**
   * Opens the tooltip at `anchor`. With `announce` (opened from the
   * keyboard), screen readers read it and focus moves into it.
   */
  show(state: TooltipState, lang: DisplayLanguage, anchor: DOMRect, { announce = false } = {}): number {
    this.anchor = anchor;
    this.token++;
    this.render(state, lang);
    raiseToTopLayer(this.host!);
    this.mount!.setAttribute('aria-live', announce ? 'polite' : 'off');
    if (announce) this.mount!.focus({ preventScroll: true });
    return this.token;
  }

  /** Draws the current content again (the pin state changed). */
  refresh(): void {
    if (this.last && this.host?.isConnected) this.render(this.last.state, this.last.lang);
  }

  /** Replaces the content, if the tooltip still shows what `token` opened. */
  update(token: number, state: TooltipState, lang: DisplayLanguage): void {
    if (token === this.token && this.host?.isConnected) this.render(state, lang);
  }

  hide(): void {
    this.token++;
    this.last = undefined;
    if (this.mount) render(null, this.mount);
    if (this.host) {
      leaveTopLayer(this.host);
      applyHostStyle(this.host, { shown: false });
    }
  }

  destroy(): void {
    this.hide();
    this.host?.remove();
    this.host = undefined;
    this.mount = undefined;
  }

  private ensureHost(): HTMLElement {
    if (this.host?.isConnected && this.mount) return this.mount;
    const host = document.createElement(HOST_TAG);
    applyHostStyle(host, { shown: false });
    // Manual: the page's clicks and Esc do not close it; ChipLens does.
    host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    const mount = document.createElement('div');
    mount.setAttribute('role', 'tooltip');
    // Focusable, so a keyboard user can Tab to its links once it opens.
    mount.tabIndex = -1;
    shadow.append(mount);
    document.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    return mount;
  }

  private render(state: TooltipState, lang: DisplayLanguage): void {
    const mount = this.ensureHost();
    applyHostStyle(this.host!, { shown: true, ...this.at });
    mount.lang = lang === 'zh' ? 'zh-CN' : lang;
    this.last = { state, lang };
    const id = state.phase === 'ready' ? state.card.id : undefined;
    render(
      <EntryCardView
        state={state}
        lang={lang}
        onClose={(event) => byUser(event) && this.actions.close()}
        onPin={(event) => byUser(event) && this.actions.pin()}
        pinned={this.actions.isPinned()}
        {...(id ? { onMore: (event: MouseEvent) => byUser(event) && this.actions.more(id) } : {})}
        {...(id ? { report: { onClick: (event: MouseEvent) => byUser(event) && this.actions.report(id) } } : {})}
        relatedLimit={6}
        copy={(text) => this.copy(text)}
        layered
      />,
      mount,
    );
    void this.place();
  }

  /**
   * Puts text on the clipboard: the Clipboard API where the page is a
   * secure context, else a selection copied from inside the tooltip's own
   * shadow root, so the page's DOM is never touched.
   */
  private async copy(text: string): Promise<boolean> {
    try {
      if (window.isSecureContext && navigator.clipboard) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch {
      // Refused (no focus, a permissions policy): try the selection instead.
    }
    const root = this.mount?.parentNode;
    if (!root) return false;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    root.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }

  private async place(): Promise<void> {
    const host = this.host;
    const anchor = this.anchor;
    if (!host || !anchor) return;
    const reference = { getBoundingClientRect: () => anchor };
    // The card takes the side with more room, and no more height than that
    // side has: a name in the middle of a short window leaves room for a
    // full card on neither side. A card too short to read (under
    // MIN_ROOM_PX) flips or shifts instead of shrinking further.
    let room: number | undefined;
    const { x, y } = await computePosition(reference, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: VIEWPORT_PADDING_PX, fallbackStrategy: 'initialPlacement' }),
        shift({ padding: VIEWPORT_PADDING_PX }),
        size({
          padding: VIEWPORT_PADDING_PX,
          apply: ({ availableHeight }) => {
            room = Math.max(MIN_ROOM_PX, Math.floor(availableHeight));
            host.style.setProperty('--chiplens-room', `${room}px`, 'important');
          },
        }),
        // Shifted again once the card has its final height.
        shift({ padding: VIEWPORT_PADDING_PX, crossAxis: true }),
      ],
    });
    // Hidden (or replaced) while the position was computed.
    if (host !== this.host || this.last === undefined) return;
    this.at = { left: Math.round(x), top: Math.round(y), ...(room !== undefined ? { room } : {}) };
    applyHostStyle(host, { shown: true, ...this.at });
  }
}
