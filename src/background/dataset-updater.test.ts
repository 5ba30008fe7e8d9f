import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDatasetJson } from '../../dataset/index';
import type { Dataset } from '../core/dataset-schema';
import { generateSigningKey, type PublicKeyJwk } from '../core/dataset-signature';
import { signedLatest } from '../core/latest-manifest';
import { validateDataset } from '../core/validate-dataset';
import { DatasetUpdater } from './dataset-updater';

const base = (() => {
  const result = validateDataset(bundledDatasetJson);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dataset;
})();
const CURRENT = base.version;
const LATEST_URL = 'https://updates.test/chiplens/latest.json';

let key: Awaited<ReturnType<typeof generateSigningKey>>;
let otherKey: Awaited<ReturnType<typeof generateSigningKey>>;

beforeAll(async () => {
  key = await generateSigningKey();
  otherKey = await generateSigningKey();
});

interface Published {
  latest: Record<string, unknown> & { file: string };
  bytes: Uint8Array<ArrayBuffer>;
}

async function publish(version: number, { signWith = key, mutate }: { signWith?: typeof key; mutate?: (d: Dataset) => unknown } = {}): Promise<Published> {
  const dataset = { ...base, version };
  const bytes = new TextEncoder().encode(JSON.stringify(mutate ? mutate(dataset) : dataset));
  const latest = await signedLatest(bytes, { version, asOf: base.asOf, keyId: signWith.keyId, privateJwk: signWith.privateJwk });
  return { latest, bytes };
}

type Route = (init?: RequestInit) => Response | Promise<Response>;
const json = (body: string | Uint8Array<ArrayBuffer>, init: ResponseInit = {}) =>
  new Response(body, { status: 200, ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });

function server(routes: Record<string, Route>): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const route = Object.entries(routes).find(([path]) => url.endsWith(path))?.[1];
    if (!route) return new Response('not found', { status: 404, headers: { 'content-type': 'text/html' } });
    return route(init);
  }) as typeof fetch;
}

function serve(p: Published, overrides: Partial<Record<'latest' | 'dataset', Route>> = {}): typeof fetch {
  return server({
    'latest.json': overrides.latest ?? (() => json(JSON.stringify(p.latest), { headers: { etag: '"v1"' } })),
    [String(p.latest.file)]: overrides.dataset ?? (() => json(p.bytes)),
  });
}

function updater(fetchImpl: typeof fetch, trusted: Record<string, PublicKeyJwk> = { [key.keyId]: key.publicJwk }, timeoutMs = 200) {
  return new DatasetUpdater({ latestUrl: LATEST_URL, trustedKeys: trusted, timeoutMs, fetch: fetchImpl });
}

async function run(fetchImpl: typeof fetch, options: { trusted?: Record<string, PublicKeyJwk>; etag?: string } = {}) {
  const installed: Dataset[] = [];
  const result = await updater(fetchImpl, options.trusted).check(CURRENT, options.etag, async (d) => {
    installed.push(d);
  });
  return { result, installed };
}

describe('DatasetUpdater', () => {
  it('installs a newer dataset signed by a trusted key', async () => {
    const p = await publish(CURRENT + 1);
    const { result, installed } = await run(serve(p));
    expect(result).toEqual({ outcome: 'updated', version: CURRENT + 1, etag: '"v1"' });
    expect(installed.map((d) => d.version)).toEqual([CURRENT + 1]);
  });

  it('asks with If-None-Match and takes 304 as "no change"', async () => {
    let sent: string | undefined;
    const fetchImpl = server({
      'latest.json': (init) => {
        sent = new Headers(init?.headers).get('if-none-match') ?? undefined;
        return new Response(null, { status: 304 });
      },
    });
    const { result, installed } = await run(fetchImpl, { etag: '"v1"' });
    expect(sent).toBe('"v1"');
    expect(result).toEqual({ outcome: 'current', version: CURRENT, etag: '"v1"' });
    expect(installed).toEqual([]);
  });

  it('downloads nothing when latest.json names no newer version', async () => {
    const p = await publish(CURRENT);
    let downloads = 0;
    const { result } = await run(serve(p, { dataset: () => (downloads++, json(p.bytes)) }));
    expect(result.outcome).toBe('current');
    expect(downloads).toBe(0);
  });

  const faults: [string, () => Promise<{ fetch: typeof fetch; trusted?: Record<string, PublicKeyJwk> }>, RegExp][] = [
    ['malformed JSON', async () => ({ fetch: server({ 'latest.json': () => json('{"format": 1,') }) }), /latest\.json is not valid JSON/],
    ['an HTML error page with status 200', async () => ({ fetch: server({ 'latest.json': () => new Response('<html>oops</html>', { headers: { 'content-type': 'text/html' } }) }) }), /came as text\/html, not JSON/],
    ['HTTP 500', async () => ({ fetch: server({ 'latest.json': () => new Response('', { status: 500 }) }) }), /answered HTTP 500/],
    ['a network failure', async () => ({ fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch }), /could not reach the update server/],
    ['a hang past the timeout', async () => ({
      fetch: ((_: unknown, init?: RequestInit) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch,
    }), /did not answer within/],
    ['a truncated body', async () => {
      const p = await publish(CURRENT + 1);
      return { fetch: serve(p, { dataset: () => json(p.bytes.slice(0, 1000)) }) };
    }, /incomplete: 1000 of \d+ bytes/],
    ['an oversized body', async () => {
      const p = await publish(CURRENT + 1);
      const big = new Uint8Array(p.bytes.length + 5000);
      big.set(p.bytes);
      return { fetch: serve(p, { dataset: () => json(big) }) };
    }, /larger than allowed/],
    ['a checksum mismatch', async () => {
      const p = await publish(CURRENT + 1);
      const bytes = p.bytes.slice();
      bytes[10] = bytes[10] === 0x20 ? 0x0a : 0x20;
      return { fetch: serve(p, { dataset: () => json(bytes) }) };
    }, /does not match its SHA-256/],
    ['a bad signature', async () => {
      const p = await publish(CURRENT + 1);
      const forged = await publish(CURRENT + 1, { signWith: otherKey });
      return { fetch: serve({ ...p, latest: { ...p.latest, signature: forged.latest.signature } }) };
    }, /signature of dataset-\d+\.json is not valid/],
    ['an unknown key id', async () => ({ fetch: serve(await publish(CURRENT + 1, { signWith: otherKey })) }), /does not trust/],
    ['a schema-invalid dataset with a valid signature', async () => ({
      fetch: serve(await publish(CURRENT + 1, { mutate: (d) => ({ ...d, entries: [{ id: 'x' }] }) })),
    }), /not a valid dataset/],
    ['an older dataset announced as newer (downgrade)', async () => {
      const old = await publish(CURRENT - 1);
      return { fetch: serve({ ...old, latest: { ...old.latest, datasetVersion: CURRENT + 5 } }) };
    }, /holds version \d+, not the \d+ announced/],
    ['the current version replayed as newer', async () => {
      const same = await publish(CURRENT);
      return { fetch: serve({ ...same, latest: { ...same.latest, datasetVersion: CURRENT + 1 } }) };
    }, /holds version \d+, not the \d+ announced/],
    ['a latest.json with a path in its file name', async () => {
      const p = await publish(CURRENT + 1);
      return { fetch: serve({ ...p, latest: { ...p.latest, file: '../evil.json' } }) };
    }, /latest\.json is malformed \(file: /],
  ];

  it.each(faults)('keeps the data in use on %s, saying why', async (_, make, message) => {
    const { fetch: fetchImpl, trusted } = await make();
    const { result, installed } = await run(fetchImpl, { trusted });
    expect(installed).toEqual([]);
    expect(result.outcome).toBe('failed');
    expect(result.outcome === 'failed' && result.error).toMatch(message);
  });
});
