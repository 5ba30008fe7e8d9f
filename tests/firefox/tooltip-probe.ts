// Reads the tooltip in Firefox, whose shadow root is closed to the page and
// so to puppeteer's page scripts. WebDriver BiDi serializes closed shadow
// roots on request (`includeShadowTree: "all"`), and a serialized root can
// be passed back as `this` to a function: the same reach as the Chromium
// tests' debugging protocol.
import type { Page } from 'puppeteer-core';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
type BidiResult = { type: 'success'; result: RemoteValue } | { type: 'exception'; exceptionDetails: { text: string } };
interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

function connection(page: Page): BidiConnection {
  // puppeteer's BiDi browser exposes its session's connection.
  return (page.browser() as unknown as { connection: BidiConnection }).connection;
}

function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

async function call(page: Page, params: object): Promise<RemoteValue> {
  const { result } = await connection(page).send('script.callFunction', { awaitPromise: true, target: { context: contextOf(page) }, ...params });
  if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails.text}`);
  return result.result;
}

/** Runs `fn` (source text of a function of no arguments) with `this` bound to the tooltip's shadow root; its result must be a string (JSON). */
async function inTooltip<T>(page: Page, fn: string): Promise<T | undefined> {
  const host = await call(page, {
    functionDeclaration: '() => document.querySelector("chiplens-tooltip")',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  });
  const root = (host.value as { shadowRoot?: RemoteValue } | undefined)?.shadowRoot;
  if (!root?.sharedId) return undefined;
  const value = await call(page, { functionDeclaration: `function () { return JSON.stringify((${fn}).call(this)); }`, this: { sharedId: root.sharedId } });
  return typeof value.value === 'string' ? (JSON.parse(value.value) as T) : undefined;
}

/** The ready card's entry id, text and number of source links, once the tooltip shows one. */
export async function waitForReadyCard(page: Page, timeout = 10_000): Promise<{ id: string; text: string; sources: number }> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const card = await inTooltip<{ id: string; text: string; sources: number } | null>(
      page,
      `function () {
        const ready = this.querySelector('[data-chiplens-state="ready"]');
        if (!ready || ready.getBoundingClientRect().width === 0) return null;
        return { id: ready.getAttribute('data-entry-id'), text: ready.textContent, sources: ready.querySelectorAll('.sources a[href^="https:"]').length };
      }`,
    );
    if (card) return card;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ready tooltip within ${timeout} ms`);
}
