// The dataset tools as a contributor runs them: a broken entry file must be
// named, with its field, and make the check fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../../src/core/dataset-signature';
import { parseLatest, verifyLatest } from '../../src/core/latest-manifest';

const ROOT = join(__dirname, '../..');
let copy: string;

function run(...args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/dataset.ts'), ...args, '--dir', copy], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout + result.stderr };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests break entry files on purpose, in any field.
function edit(path: string, change: (entry: Record<string, any>) => void) {
  const file = join(copy, 'entries', path);
  const entry = JSON.parse(readFileSync(file, 'utf8'));
  change(entry);
  writeFileSync(file, JSON.stringify(entry));
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'chiplens-dataset-'));
  cpSync(join(ROOT, 'dataset'), copy, { recursive: true });
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('dataset tools', () => {
  it('passes the real dataset and prints its coverage', () => {
    expect(run('check')).toMatchObject({ status: 0 });
    const stats = run('stats');
    expect(stats.status).toBe(0);
    expect(stats.out).toMatch(/'chip'\s+│\s+\d+/);
    expect(stats.out).toMatch(/en: \d+, ru: \d+, zh: \d+/);
  }, 30_000);

  it('names the file and field of every kind of mistake', () => {
    edit('chips/nvidia-h20.json', (e) => {
      e.summary.zh = undefined;
      e.sources[0].url = 'http://example.com/h20';
      e.facts.memory.src = [];
    });
    edit('companies/huawei.json', (e) => {
      e.related.push('no-such-entry');
      e.sources[0].published = '2099-01-01';
    });
    edit('models/qwen.json', (e) => {
      e.aliases.en.push('Huawei');
    });
    const { status, out } = run('check');
    expect(status).toBe(1);
    expect(out).toContain('dataset/entries/chips/nvidia-h20.json: summary.zh: is missing');
    expect(out).toContain('dataset/entries/chips/nvidia-h20.json: sources[0].url: source links must use https');
    expect(out).toContain('dataset/entries/chips/nvidia-h20.json: facts.memory.src: a fact needs at least one source');
    // Cross-entry checks run once every file is well-formed on its own.
    edit('chips/nvidia-h20.json', (e) => {
      e.summary.zh = 'H20';
      e.sources[0].url = 'https://example.com/h20';
      e.facts.memory.src = [0];
    });
    const second = run('check');
    expect(second.status).toBe(1);
    expect(second.out).toContain('dataset/entries/companies/huawei.json: related names "no-such-entry", which is not in the dataset');
    edit('companies/huawei.json', (e) => {
      e.related.pop();
    });
    const third = run('check');
    expect(third.out).toContain('dataset/entries/companies/huawei.json: sources[0].published: 2099-01-01 is in the future');
    expect(third.out).toMatch(/dataset\/entries\/models\/qwen\.json: alias "huawei" is also used by huawei/);
  }, 60_000);

  it('lists facts due for a check and live entries gone quiet, oldest first', () => {
    // Earlier tests break the copy on purpose: start from the real dataset.
    cpSync(join(ROOT, 'dataset'), copy, { recursive: true });
    edit('chips/nvidia-h20.json', (e) => {
      e.facts.memory.checked = '2001-01-01';
      e.facts.bandwidth.checked = '2026-12-01';
    });
    // A fact never checked, which must come before every dated one.
    edit('chips/nvidia-h100.json', (e) => {
      delete e.facts.memory.checked;
    });
    const { status, out } = run('stale', '--today', '2026-12-07');
    expect(status, out).toBe(0);
    const rows = out.split('\n');
    const memory = rows.findIndex((row) => /^nvidia-h20\s+facts\.memory\s+2001-01-01$/.test(row));
    expect(memory).toBeGreaterThan(0);
    // Never-checked facts come first, then the oldest check.
    expect(rows.slice(0, memory).some((row) => /\snever$/.test(row))).toBe(true);
    expect(rows.slice(memory + 1).some((row) => /\snever$/.test(row))).toBe(false);
    expect(out).not.toMatch(/^nvidia-h20\s+facts\.bandwidth\s/m);
    expect(out).toMatch(/^\d+ of \d+ facts due for a check: \d+ never checked, \d+ last checked before 2026-06-10$/m);
    expect(out).toMatch(/^\d+ of \d+ live entries quiet since 2025-12-07: \d+ chips, \d+ rules$/m);
    // Ten years on, every live entry has gone quiet.
    const later = run('stale', '--today', '2036-12-07').out;
    expect(later).toMatch(/^nvidia-h20\s+chip\s+\d{4}[-\d]*\s+[a-z-]+$/m);
    const [, quiet, live] = /^(\d+) of (\d+) live entries quiet/m.exec(later) ?? [];
    expect(quiet).toBe(live);
  }, 60_000);

  it('publishes a signed folder that verifies, re-signs the same version, and refuses untrusted keys and older versions', async () => {
    // The dataset copy was broken on purpose above: restore it first.
    cpSync(join(ROOT, 'dataset'), copy, { recursive: true });
    const key = join(copy, 'key.jwk');
    const other = join(copy, 'other.jwk');
    const keygen = run('keygen', '--out', key);
    expect(keygen.status).toBe(0);
    run('keygen', '--out', other);
    const [, keyId, publicJson] = /"([0-9a-f]{16})": (\{.*\})/.exec(keygen.out) ?? [];
    expect(keyId).toBeDefined();
    const config = join(copy, 'update-config.json');
    writeFileSync(
      config,
      JSON.stringify({
        latestUrl: 'https://example.com/latest.json',
        productionKeyId: keyId,
        trustedKeys: { [keyId!]: JSON.parse(publicJson!) },
        timeoutSeconds: 10,
      }),
    );
    const out = join(copy, 'site');
    const read = () => {
      const latest = parseLatest(JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')));
      if (!latest.ok) throw new Error(latest.error);
      return latest.latest;
    };
    const published = run('publish', '--key', key, '--out', out, '--config', config, '--now', '2026-12-07T06:00:00Z');
    expect(published.status, published.out).toBe(0);
    const latest = read();
    expect(latest).toMatchObject({ publishedAt: '2026-12-07T06:00:00.000Z', expiresAt: '2027-01-06T06:00:00.000Z', keyId });
    const bytes = new Uint8Array(readFileSync(join(out, latest.file)));
    expect(bytes.length).toBe(latest.size);
    expect(await sha256Hex(bytes)).toBe(latest.sha256);
    expect(await verifyLatest(latest, JSON.parse(publicJson!))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'versions.json'), 'utf8')).files).toEqual([
      { file: latest.file, version: latest.datasetVersion, size: latest.size, sha256: latest.sha256, entries: expect.any(Number) },
    ]);
    // The weekly run: same version, same bytes, a fresh expiry.
    const resigned = run('publish', '--key', key, '--out', out, '--config', config, '--now', '2026-12-14T06:00:00Z');
    expect(resigned.out).toMatch(/re-signed latest\.json/);
    expect(read()).toMatchObject({ datasetVersion: latest.datasetVersion, expiresAt: '2027-01-13T06:00:00.000Z' });
    // Changed entries under the same version number are refused.
    edit('chips/nvidia-h20.json', (e) => (e.summary.en += ' Changed.'));
    expect(run('publish', '--key', key, '--out', out, '--config', config).out).toMatch(/already announces version \d+ with other content/);
    writeFileSync(
      join(copy, 'meta.json'),
      JSON.stringify({ ...JSON.parse(readFileSync(join(copy, 'meta.json'), 'utf8')), version: latest.datasetVersion - 1 }),
    );
    expect(run('publish', '--key', key, '--out', out, '--config', config).out).toMatch(/already announces version \d+; bump/);
    expect(run('publish', '--key', other, '--out', join(copy, 'site2'), '--config', config).out).toMatch(/not among the trusted keys/);
  }, 60_000);

  it('will not write a private key inside the repository', () => {
    const inside = join(ROOT, 'new-key.jwk');
    const result = run('keygen', '--out', inside);
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/is inside the repository; write the key outside it/);
    expect(existsSync(inside)).toBe(false);
  });
});
