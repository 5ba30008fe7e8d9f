// Reads and clicks the tooltip the way a user meets it. Its shadow root is
// closed, so the page (and Playwright's locators, which run as page script)
// cannot see inside; the browser's debugging protocol can: DOM.getDocument
// with `pierce` reports closed roots, and DOM.resolveNode gives a handle on
// one to run a function against. Clicks go through the mouse, as trusted
// input, since the tooltip ignores clicks that scripts dispatch.
import type { CDPSession, Page } from 'playwright-core';
import { pointOf } from './browser';

interface CdpNode {
  nodeName: string;
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

/** The backend id of the tooltip host's shadow root, if the host is on the page. */
async function shadowRootId(cdp: CDPSession): Promise<number | undefined> {
  // The host is a child of <html>: three levels cover it and its root.
  const { root } = (await cdp.send('DOM.getDocument', { depth: 3, pierce: true })) as { root: CdpNode };
  const html = root.children?.find((node) => node.localName === 'html');
  const host = html?.children?.find((node) => node.localName === 'chiplens-tooltip');
  return host?.shadowRoots?.[0]?.backendNodeId;
}

/**
 * Runs `fn` with `this` bound to the tooltip's shadow root and returns its
 * result (JSON values only); `undefined` when there is no tooltip host.
 */
export async function inTooltip<T, A = undefined>(page: Page, fn: (this: ShadowRoot, arg: A) => T, arg?: A): Promise<T | undefined> {
  const cdp = await session(page);
  const backendNodeId = await shadowRootId(cdp);
  if (backendNodeId === undefined) return undefined;
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId?: string } };
  if (!object.objectId) return undefined;
  try {
    const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn.toString(),
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(`in the tooltip: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
  }
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The open tooltip's card, read through the protocol. `selector`s are relative to the card. */
export class TooltipCard {
  constructor(
    readonly page: Page,
    /** `[data-chiplens-state="…"]`: the card as it was when found. */
    private readonly card = '[data-chiplens-state="ready"]',
  ) {}

  private query<T, A>(fn: (this: ShadowRoot, arg: A) => T, arg: A): Promise<T | undefined> {
    return inTooltip(this.page, fn, arg);
  }

  /** An attribute of the card itself. */
  async attribute(name: string): Promise<string | null> {
    return (
      (await this.query(
        function (this: ShadowRoot, { card, name }) {
          return this.querySelector(card)?.getAttribute(name) ?? null;
        },
        { card: this.card, name },
      )) ?? null
    );
  }

  /** The rendered text (innerText) of the card, or of the first element matching `selector` in it. */
  async text(selector?: string): Promise<string> {
    const text = await this.query(
      function (this: ShadowRoot, { card, selector }) {
        const root = this.querySelector(card);
        const el = selector ? root?.querySelector(selector) : root;
        return el ? (el as HTMLElement).innerText : null;
      },
      { card: this.card, selector },
    );
    if (text === null || text === undefined) throw new Error(`no ${selector ?? 'card'} in the tooltip`);
    return text;
  }

  async count(selector: string): Promise<number> {
    return (
      (await this.query(
        function (this: ShadowRoot, { card, selector }) {
          return this.querySelector(card)?.querySelectorAll(selector).length ?? 0;
        },
        { card: this.card, selector },
      )) ?? 0
    );
  }

  /** `attribute` of every element matching `selector` (links' `href` resolve to absolute URLs). */
  async attributes(selector: string, attribute: string): Promise<(string | null)[]> {
    return (
      (await this.query(
        function (this: ShadowRoot, { card, selector, attribute }) {
          return [...(this.querySelector(card)?.querySelectorAll(selector) ?? [])].map((el) =>
            attribute === 'href' && el instanceof HTMLAnchorElement ? el.href : el.getAttribute(attribute),
          );
        },
        { card: this.card, selector, attribute },
      )) ?? []
    );
  }

  /** Where the card, or an element in it, is on screen; undefined when absent or not rendered. */
  async box(selector?: string): Promise<Box | undefined> {
    return (
      (await this.query(
        function (this: ShadowRoot, { card, selector }) {
          const root = this.querySelector(card);
          const el = selector ? root?.querySelector(selector) : root;
          if (!el) return undefined;
          const rect = el.getBoundingClientRect();
          return rect.width > 0 && rect.height > 0 ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : undefined;
        },
        { card: this.card, selector },
      )) ?? undefined
    );
  }

  /** Whether the card is on the page with a size (the host is shown). */
  async isVisible(): Promise<boolean> {
    return (await this.box()) !== undefined;
  }

  /**
   * The centre of the element matching `selector` (or the `nth` of them),
   * scrolled into view inside the card first (the card scrolls when long).
   */
  async centre(selector: string, nth = 0): Promise<{ x: number; y: number }> {
    const point = await this.query(
      function (this: ShadowRoot, { card, selector, nth }) {
        const el = this.querySelector(card)?.querySelectorAll(selector)[nth];
        if (!el) return undefined;
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const rect = el.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      },
      { card: this.card, selector, nth },
    );
    if (!point) throw new Error(`no ${selector} in the tooltip`);
    return point;
  }

  /** Clicks the element matching `selector` (or the `nth` of them) with the mouse: trusted input. */
  async click(selector: string, nth = 0): Promise<void> {
    const { x, y } = await this.centre(selector, nth);
    await this.page.mouse.click(x, y);
  }

  /** Clicks the button named `name` (aria-label or text) with the mouse. */
  async clickButton(name: string): Promise<void> {
    await this.click('button', await this.buttonIndex(name));
  }

  /** An attribute of the button named `name`. */
  async buttonAttribute(name: string, attribute: string): Promise<string | null> {
    const index = await this.buttonIndex(name);
    return (await this.attributes('button', attribute))[index] ?? null;
  }

  private async buttonIndex(name: string): Promise<number> {
    const index = await this.query(
      function (this: ShadowRoot, { card, name }) {
        const buttons = [...(this.querySelector(card)?.querySelectorAll('button') ?? [])];
        return buttons.findIndex((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name);
      },
      { card: this.card, name },
    );
    if (index === undefined || index < 0) throw new Error(`no button "${name}" in the tooltip`);
    return index;
  }
}

/** The state of the tooltip's card (`loading`, `ready`, `missing`), or undefined when none is shown. */
export async function tooltipState(page: Page): Promise<string | undefined> {
  return (
    (await inTooltip(page, function (this: ShadowRoot) {
      const card = this.querySelector('[data-chiplens-state]');
      if (!card || card.getBoundingClientRect().width === 0) return null;
      return card.getAttribute('data-chiplens-state');
    })) ?? undefined
  );
}

/** Waits until the tooltip shows a ready card, and returns it; fails with what it saw instead. */
export async function waitForCard(page: Page, timeout = 5_000): Promise<TooltipCard> {
  const until = Date.now() + timeout;
  let state: string | undefined;
  while (Date.now() < until) {
    state = await tooltipState(page);
    if (state === 'ready') return new TooltipCard(page);
    await page.waitForTimeout(50);
  }
  throw new Error(`no ready tooltip within ${timeout} ms (last seen: ${state ?? 'no tooltip'})`);
}

/** Waits until no tooltip card is shown. */
export async function waitForNoCard(page: Page, timeout = 5_000): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if ((await tooltipState(page)) === undefined) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`the tooltip was still shown after ${timeout} ms`);
}

/** A copy of the tooltip's markup and styles, for checks (axe) that must run as page script. */
async function tooltipCopy(page: Page): Promise<{ html: string; css: string } | undefined> {
  return inTooltip(page, function (this: ShadowRoot) {
    const css = this.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    return { html: this.innerHTML, css };
  });
}

/** Moves the mouse onto the `nth` occurrence of `text`, as a user would, and returns the tooltip's card once ready. */
export async function hoverForCard(page: Page, text: string, nth = 0): Promise<TooltipCard> {
  const { x, y } = await pointOf(page, text, nth);
  await page.mouse.move(x - 30, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  return waitForCard(page);
}

/**
 * Lays a copy of the open tooltip (markup and styles, in an open shadow
 * root) over the page, for axe, which runs as page script and cannot enter
 * the closed root; returns the copy's selector. `removeTooltipCopy` takes it away.
 */
export async function showTooltipCopy(page: Page): Promise<string> {
  const copy = await tooltipCopy(page);
  if (!copy) throw new Error('no tooltip to copy');
  await page.evaluate(({ html, css }) => {
    const host = document.createElement('div');
    host.id = 'chiplens-tooltip-copy';
    host.setAttribute('style', 'position: fixed; top: 8px; left: 8px; z-index: 2147483647;');
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
    root.append(document.createRange().createContextualFragment(html));
    document.documentElement.append(host);
  }, copy);
  return '#chiplens-tooltip-copy';
}

export async function removeTooltipCopy(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('chiplens-tooltip-copy')?.remove());
}
