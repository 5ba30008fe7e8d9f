import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDatasetJson } from '../../dataset/index';
import type { Dataset } from '../core/dataset-schema';
import { generateSigningKey, type PublicKeyJwk } from '../core/dataset-signature';
import { signedLatest } from '../core/latest-manifest';
import { validateDataset } from '../core/validate-dataset';
import { UpdateRefused } from '../core/update-limits';
import { DatasetUpdater } from './dataset-updater';

const base = (() => {
  const result = validateDataset(bundledDatasetJson);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dataset;
})();
const CURRENT = base.version;
const LATEST_URL = 'https://updates.test/chiplens/latest.json';
const NOW = Date.parse('2026-12-07T06:00:00Z');
const DAY = 86_400_000;

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

interface PublishOptions {
  signWith?: typeof key;
  mutate?: (d: Dataset) => unknown;
  publishedAt?: number;
  expiresAt?: number;
  allowFewerEntries?: boolean;
}

async function publish(
  version: number,
  { signWith = key, mutate, publishedAt = NOW - DAY, expiresAt, allowFewerEntries }: PublishOptions = {},
): Promise<Published> {
  const dataset = { ...base, version };
  const bytes = new TextEncoder().encode(JSON.stringify(mutate ? mutate(dataset) : dataset));
  const latest = await signedLatest(bytes, {
    version,
    asOf: base.asOf,
    keyId: signWith.keyId,
    privateJwk: signWith.privateJwk,
    publishedAt: new Date(publishedAt),
    ...(expiresAt ? { expiresAt: new Date(expiresAt) } : {}),
    allowFewerEntries,
  });
  return { latest, bytes };
}

/** Ten entries that refer to no others, so the dataset stays valid. */
function tenEntries(d: Dataset): Dataset {
  const rules = d.entries.filter((e) => e.kind === 'rule' && !e.facts.issuer.entity).slice(0, 10);
  return { ...d, entries: rules.map((e) => ({ ...e, related: [] })) };
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
  return new DatasetUpdater({ latestUrl: LATEST_URL, trustedKeys: trusted, timeoutMs, fetch: fetchImpl, now: () => NOW });
}

async function run(fetchImpl: typeof fetch, options: { trusted?: Record<string, PublicKeyJwk>; install?: (d: Dataset) => Promise<void> } = {}) {
  const installed: Dataset[] = [];
  const signers: string[] = [];
  const result = await updater(fetchImpl, options.trusted).check({ version: CURRENT, entries: base.entries.length }, async (d, signedBy) => {
    await options.install?.(d);
    installed.push(d);
    signers.push(signedBy);
  });
  return { result, installed, signers };
}

describe('DatasetUpdater', () => {
  it('installs a newer dataset signed by a trusted key, naming the key', async () => {
    const p = await publish(CURRENT + 1);
    const { result, installed, signers } = await run(serve(p));
    expect(result).toEqual({ outcome: 'updated', version: CURRENT + 1 });
    expect(installed.map((d) => d.version)).toEqual([CURRENT + 1]);
    expect(signers).toEqual([key.keyId]);
  });

  it('sends nothing an install could be told apart by: no validator, no credentials, no referrer', async () => {
    const inits: RequestInit[] = [];
    const p = await publish(CURRENT + 1);
    const inner = serve(p);
    await run(((input: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init ?? {});
      return inner(input, init);
    }) as typeof fetch);
    expect(inits).toHaveLength(2);
    for (const init of inits) {
      expect(new Headers(init.headers).get('if-none-match')).toBeNull();
      expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store' });
    }
  });

  it('downloads nothing when latest.json names no newer version', async () => {
    const p = await publish(CURRENT);
    let downloads = 0;
    const { result } = await run(
      serve(p, {
        dataset: () => {
          downloads++;
          return json(p.bytes);
        },
      }),
    );
    expect(result.outcome).toBe('current');
    expect(downloads).toBe(0);
  });

  const faults: [string, () => Promise<{ fetch: typeof fetch; trusted?: Record<string, PublicKeyJwk> }>, RegExp][] = [
    ['malformed JSON', async () => ({ fetch: server({ 'latest.json': () => json('{"format": 1,') }) }), /latest\.json is not valid JSON/],
    [
      'an HTML error page with status 200',
      async () => ({ fetch: server({ 'latest.json': () => new Response('<html>oops</html>', { headers: { 'content-type': 'text/html' } }) }) }),
      /came as text\/html, not JSON/,
    ],
    ['HTTP 500', async () => ({ fetch: server({ 'latest.json': () => new Response('', { status: 500 }) }) }), /answered HTTP 500/],
    [
      'a network failure',
      async () => ({ fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch }),
      /could not reach the update server/,
    ],
    [
      'a hang past the timeout',
      async () => ({
        fetch: ((_: unknown, init?: RequestInit) =>
          new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch,
      }),
      /did not answer within/,
    ],
    [
      'a truncated body',
      async () => {
        const p = await publish(CURRENT + 1);
        return { fetch: serve(p, { dataset: () => json(p.bytes.slice(0, 1000)) }) };
      },
      /incomplete: 1000 of \d+ bytes/,
    ],
    [
      'an oversized body',
      async () => {
        const p = await publish(CURRENT + 1);
        const big = new Uint8Array(p.bytes.length + 5000);
        big.set(p.bytes);
        return { fetch: serve(p, { dataset: () => json(big) }) };
      },
      /larger than allowed/,
    ],
    [
      'a checksum mismatch',
      async () => {
        const p = await publish(CURRENT + 1);
        const bytes = p.bytes.slice();
        bytes[10] = bytes[10] === 0x20 ? 0x0a : 0x20;
        return { fetch: serve(p, { dataset: () => json(bytes) }) };
      },
      /does not match its signed SHA-256/,
    ],
    [
      'a bad signature',
      async () => {
        const p = await publish(CURRENT + 1);
        const forged = await publish(CURRENT + 1, { signWith: otherKey });
        return { fetch: serve({ ...p, latest: { ...p.latest, signature: forged.latest.signature } }) };
      },
      /the signature of latest\.json is not valid/,
    ],
    ['an unknown key id', async () => ({ fetch: serve(await publish(CURRENT + 1, { signWith: otherKey })) }), /does not trust/],
    [
      'a schema-invalid dataset with a valid signature',
      async () => ({
        fetch: serve(await publish(CURRENT + 1, { mutate: (d) => ({ ...d, entries: [{ id: 'x' }] }) })),
      }),
      /not a valid dataset/,
    ],
    [
      'an older dataset announced as newer (downgrade)',
      async () => {
        const old = await publish(CURRENT - 1);
        return { fetch: serve({ ...old, latest: { ...old.latest, datasetVersion: CURRENT + 5 } }) };
      },
      /the signature of latest\.json is not valid/,
    ],
    [
      'the current version replayed as newer',
      async () => {
        const same = await publish(CURRENT);
        return { fetch: serve({ ...same, latest: { ...same.latest, datasetVersion: CURRENT + 1 } }) };
      },
      /the signature of latest\.json is not valid/,
    ],
    [
      'an honestly signed notice whose file holds another version',
      async () => ({
        fetch: serve(await publish(CURRENT + 1, { mutate: (d) => ({ ...d, version: CURRENT }) })),
      }),
      /holds version \d+, not the \d+ announced/,
    ],
    [
      'a notice whose expiry was moved',
      async () => {
        const p = await publish(CURRENT + 1, { expiresAt: NOW - 1000 });
        return { fetch: serve({ ...p, latest: { ...p.latest, expiresAt: new Date(NOW + DAY).toISOString() } }) };
      },
      /the signature of latest\.json is not valid/,
    ],
    [
      'a version from the future (it would block every later update)',
      async () => ({
        fetch: serve(await publish(9007199254740991)),
      }),
      /refused: version 9007199254740991 is dated after the notice/,
    ],
    [
      'a version dated after its own notice',
      async () => ({
        fetch: serve(await publish(2026121001, { publishedAt: NOW - 3 * DAY })),
      }),
      /dated after the notice that announces it \(published 2026-12-04\)/,
    ],
    [
      'a notice published after the local clock',
      async () => ({
        fetch: serve(await publish(CURRENT + 1, { publishedAt: NOW + 2 * DAY })),
      }),
      /later than this computer's clock/,
    ],
    [
      'a dataset with far fewer entries',
      async () => ({
        fetch: serve(await publish(CURRENT + 1, { mutate: tenEntries })),
      }),
      /it has 10 entries, far fewer than the \d+ in use/,
    ],
    [
      'a one-letter name',
      async () => ({
        fetch: serve(
          await publish(CURRENT + 1, {
            mutate: (d) => ({
              ...d,
              entries: d.entries.map((e, i) => (i === 0 ? { ...e, aliases: { ...e.aliases, en: [...(e.aliases.en ?? []), 'A'] } } : e)),
            }),
          }),
        ),
      }),
      /has the name "A", shorter than 2 characters/,
    ],
    [
      'too many names',
      async () => ({
        fetch: serve(
          await publish(CURRENT + 1, {
            mutate: (d) => ({
              ...d,
              entries: d.entries.map((e, i) => (i === 0 ? { ...e, aliases: { ...e.aliases, en: Array.from({ length: 25_000 }, (_, n) => `Name ${n}`) } } : e)),
            }),
          }),
        ),
      }),
      /names, more than the 20,000 allowed/,
    ],
    [
      'a latest.json with a path in its file name',
      async () => {
        const p = await publish(CURRENT + 1);
        return { fetch: serve({ ...p, latest: { ...p.latest, file: '../evil.json' } }) };
      },
      /latest\.json is malformed \(file: /,
    ],
  ];

  it.each(faults)('keeps the data in use on %s, saying why', async (_, make, message) => {
    const { fetch: fetchImpl, trusted } = await make();
    const { result, installed } = await run(fetchImpl, { trusted });
    expect(installed).toEqual([]);
    expect(result.outcome).toBe('failed');
    expect(result.outcome === 'failed' && result.error).toMatch(message);
  });

  it('calls an expired notice stale, not current, and downloads nothing', async () => {
    const p = await publish(CURRENT + 1, { publishedAt: NOW - 40 * DAY });
    let downloads = 0;
    const { result, installed } = await run(
      serve(p, {
        dataset: () => {
          downloads++;
          return json(p.bytes);
        },
      }),
    );
    expect(result).toEqual({ outcome: 'stale', error: expect.stringMatching(/^the newest signed notice expired on 2026-11-27/) });
    expect(installed).toEqual([]);
    expect(downloads).toBe(0);
  });

  it('takes far fewer entries when the signed notice allows it', async () => {
    const p = await publish(CURRENT + 1, { mutate: tenEntries, allowFewerEntries: true });
    const { result, installed } = await run(serve(p));
    expect(result).toEqual({ outcome: 'updated', version: CURRENT + 1 });
    expect(installed[0]!.entries).toHaveLength(10);
  });

  it('reports a refusal from the store in plain words', async () => {
    const p = await publish(CURRENT + 1);
    const { result } = await run(serve(p), {
      install: () => Promise.reject(new UpdateRefused('its name table (6.0 MB) is larger than the 2.0 MB allowed')),
    });
    expect(result).toEqual({ outcome: 'failed', error: 'refused the new dataset: its name table (6.0 MB) is larger than the 2.0 MB allowed', fresh: true });
  });
});
