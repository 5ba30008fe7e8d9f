import { describe, expect, it } from 'vitest';
import { backgroundAsker, contentAsker, parseBackgroundRequest, parseContentRequest } from './messages';

describe('message validation', () => {
  it('accepts well-formed requests', () => {
    expect(parseBackgroundRequest({ type: 'get-entry', id: 'nvidia-h20' }).ok).toBe(true);
    expect(parseBackgroundRequest({ type: 'search', query: 'h20' }).ok).toBe(true);
    expect(parseBackgroundRequest({ type: 'set-site-enabled', host: 'example.com', enabled: false }).ok).toBe(true);
    expect(parseContentRequest({ type: 'page-info' }).ok).toBe(true);
    expect(parseBackgroundRequest({ type: 'report-problem', id: 'nvidia-h20' }).ok).toBe(true);
    expect(parseBackgroundRequest({ type: 'report-problem', id: 'nvidia-h20', field: 'Память' }).ok).toBe(true);
  });

  it('rejects unknown, malformed or oversized requests with a message', () => {
    for (const bad of [
      null,
      'get-entry',
      { type: 'drop-database' },
      { type: 'get-entry', id: '../../etc' },
      { type: 'get-entry', id: 'nvidia-h20', extra: 1 },
      { type: 'search', query: 'x'.repeat(201) },
      { type: 'set-site-enabled', host: 'Example.com', enabled: false },
      // A report carries the entry and a field, and nothing of the page.
      { type: 'report-problem', id: 'nvidia-h20', url: 'https://news.example/a' },
      { type: 'report-problem', id: 'nvidia-h20', pageTitle: 'A' },
      { type: 'report-problem', id: 'nvidia-h20', field: 'x'.repeat(201) },
      { type: 'report-problem', id: 'NVIDIA H20' },
    ]) {
      const reply = parseBackgroundRequest(bad);
      expect(reply.ok, JSON.stringify(bad)).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(/^bad request: /);
    }
  });
});

describe('backgroundAsker', () => {
  it("gives the reply's value, and throws with the worker's words when it failed or did not come", async () => {
    const replies: unknown[] = [{ ok: true, value: { version: 3 } }, { ok: false, error: 'dataset damaged' }, undefined];
    const sent: unknown[] = [];
    const ask = backgroundAsker(async (message) => {
      sent.push(message);
      return replies.shift();
    });
    await expect(ask({ type: 'get-status' })).resolves.toEqual({ version: 3 });
    await expect(ask({ type: 'get-status' })).rejects.toThrow('dataset damaged');
    await expect(ask({ type: 'get-status' })).rejects.toThrow('ChipLens background did not answer');
    expect(sent).toEqual([{ type: 'get-status' }, { type: 'get-status' }, { type: 'get-status' }]);
  });
});

describe('contentAsker', () => {
  it("gives the reply's value, and throws when the tab's content script failed or is not there", async () => {
    const replies: unknown[] = [{ ok: true, value: { moved: true } }, { ok: false, error: 'no highlights' }, undefined];
    const sent: unknown[] = [];
    const ask = contentAsker(async (message) => {
      sent.push(message);
      return replies.shift();
    });
    await expect(ask({ type: 'step', by: 1 })).resolves.toEqual({ moved: true });
    await expect(ask({ type: 'step', by: -1 })).rejects.toThrow('no highlights');
    await expect(ask({ type: 'page-info' })).rejects.toThrow("the page's ChipLens content script did not answer");
    expect(sent).toEqual([{ type: 'step', by: 1 }, { type: 'step', by: -1 }, { type: 'page-info' }]);
  });
});

describe('parseContentRequest', () => {
  it('rejects a malformed request to a content script with a message, and gives a valid one as it came', () => {
    const bad = parseContentRequest({ type: 'step', by: 2 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^bad request: .+/);
    expect(parseContentRequest({ type: 'reveal', id: 'nvidia-h20', index: 3 })).toEqual({ ok: true, value: { type: 'reveal', id: 'nvidia-h20', index: 3 } });
  });
});
