import { describe, expect, it, vi } from 'vitest';
import { answerMessages, extensionApi } from './extension-api';

function fakeApi(id = 'chiplens') {
  const listeners: ((message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean | undefined)[] = [];
  return {
    listeners,
    api: {
      storage: { local: { get: async () => ({}) }, onChanged: { addListener() {} } },
      runtime: {
        id,
        getURL: (path: string) => `ext://${path}`,
        sendMessage: async () => undefined,
        onMessage: { addListener: (l: (typeof listeners)[number]) => listeners.push(l) },
      },
      i18n: { getUILanguage: () => 'en' },
    },
  };
}

describe('extensionApi', () => {
  it("takes Firefox's browser namespace when it is there", () => {
    const firefox = fakeApi('a');
    const chrome = fakeApi('b');
    expect(extensionApi({ browser: firefox.api, chrome: chrome.api })).toBe(firefox.api);
  });

  it('takes chrome when "browser" is only a page element of that id', () => {
    const chrome = fakeApi();
    const element = { id: 'browser', tagName: 'DIV' } as never;
    expect(extensionApi({ browser: element, chrome: chrome.api })).toBe(chrome.api);
  });

  it('says so when there is no extension API', () => {
    expect(() => extensionApi({})).toThrow(/no extension API/);
  });
});

describe('answerMessages', () => {
  it('replies through sendResponse, later, and leaves messages it does not take to others', async () => {
    const { api, listeners } = fakeApi();
    answerMessages(api, (message) => (message === 'ping' ? Promise.resolve({ ok: true, value: 'pong' }) : undefined));
    const sendResponse = vi.fn();
    expect(listeners[0]!('ping', {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: 'pong' }));
    expect(listeners[0]!('other', {}, sendResponse)).toBeUndefined();
    expect(sendResponse).toHaveBeenCalledTimes(1);
  });

  it('turns a failure into an error reply', async () => {
    const { api, listeners } = fakeApi();
    answerMessages(api, () => Promise.reject(new Error('page gone')));
    const sendResponse = vi.fn();
    listeners[0]!('ping', {}, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: 'Error: page gone' }));
  });
});
