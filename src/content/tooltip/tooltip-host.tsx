// The one element ChipLens adds to a page: a host for the tooltip with an
// open shadow root, so page CSS and ours stay apart. It is created on the
// first hover and removed when ChipLens turns off for the site.
import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import type { DisplayLanguage } from '../../core/display-language';
import { EntryCardView, type TooltipState } from '../../ui/EntryCardView';
import css from '../../ui/entry-card.css?inline';

import { HOST_TAG } from './tooltip-path';

export { HOST_TAG };

export interface TooltipActions {
  close(): void;
  pin(): void;
  isPinned(): boolean;
  /** Opens the entry in ChipLens's own page. */
  more(id: string): void;
}

export class TooltipHost {
  private host: HTMLElement | undefined;
  private mount: HTMLElement | undefined;
  private anchor: DOMRect | undefined;
  private token = 0;
  private last: { state: TooltipState; lang: DisplayLanguage } | undefined;

  constructor(private readonly actions: TooltipActions) {}

  contains(target: EventTarget | null): boolean {
    return !!this.host && target instanceof Node && (target === this.host || this.host.contains(target));
  }

  isHost(element: Element): boolean {
    return element === this.host || element.localName === HOST_TAG;
  }

  /**
   * Opens the tooltip at `anchor`. With `announce` (opened from the
   * keyboard), screen readers read it and focus moves into it.
   */
  show(state: TooltipState, lang: DisplayLanguage, anchor: DOMRect, { announce = false } = {}): number {
    this.anchor = anchor;
    this.token++;
    this.render(state, lang);
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
    // `all: initial` on the host overrides [hidden], so hide through style.
    this.host?.style.setProperty('display', 'none');
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
    // Fixed, on top, and immune to inherited page styles.
    host.setAttribute('style', 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647;');
    const shadow = host.attachShadow({ mode: 'open' });
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
    this.host!.style.setProperty('display', 'block');
    mount.lang = lang === 'zh' ? 'zh-CN' : lang;
    this.last = { state, lang };
    const id = state.phase === 'ready' ? state.card.id : undefined;
    render(
      <EntryCardView
        state={state}
        lang={lang}
        onClose={this.actions.close}
        onPin={this.actions.pin}
        pinned={this.actions.isPinned()}
        {...(id ? { onMore: () => this.actions.more(id) } : {})}
        relatedLimit={6}
      />,
      mount,
    );
    void this.place();
  }

  private async place(): Promise<void> {
    const host = this.host;
    const anchor = this.anchor;
    if (!host || !anchor) return;
    const reference = { getBoundingClientRect: () => anchor };
    const { x, y } = await computePosition(reference, host, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    });
    host.style.setProperty('left', `${Math.round(x)}px`);
    host.style.setProperty('top', `${Math.round(y)}px`);
  }
}
