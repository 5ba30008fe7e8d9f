// The few extension APIs the content script calls, taken straight from the
// browser rather than through webextension-polyfill, which the extension's
// own pages and worker use. The content script runs on every page, and the
// polyfill's setup alone took 3-8 ms of each page's main thread before
// ChipLens could start (Chromium, 2-core machine). Under Manifest V3 these
// calls return promises in both Chromium (`chrome`) and Firefox (`browser`);
// replies to messages go through sendResponse, which both accept.

type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

interface ExtensionApi {
  storage: {
    local: { get(keys: string[]): Promise<Record<string, unknown>> };
    onChanged: { addListener(listener: (changes: StorageChanges, areaName: string) => void): void };
  };
  runtime: {
    id?: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean | undefined): void };
  };
  i18n: { getUILanguage(): string };
}

type Namespaces = { browser?: Partial<ExtensionApi>; chrome?: Partial<ExtensionApi> };

/**
 * Firefox's `browser`, else Chromium's `chrome`. An element with the id
 * "browser" is also a global of that name (in content scripts too): only
 * an object with the runtime's id is taken for the API.
 */
export function extensionApi(scope: Namespaces = globalThis as Namespaces): ExtensionApi {
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  if (!api?.runtime) throw new Error('ChipLens: no extension API in this context');
  return api as ExtensionApi;
}

/**
 * Answers messages with `handler`: a promise of the reply, or undefined
 * for messages it does not take (another listener may).
 */
export function answerMessages(api: ExtensionApi, handler: (message: unknown) => Promise<unknown> | undefined): void {
  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const reply = handler(message);
    if (!reply) return undefined;
    reply.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    // The reply comes later, through sendResponse.
    return true;
  });
}
