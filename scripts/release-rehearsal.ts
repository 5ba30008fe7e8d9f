// `npm run release:rehearsal`: the whole data channel on this machine, the
// way a real release runs it, so that it cannot rot between releases.
// 1. A throwaway signing key, written outside the repository.
// 2. `dataset:publish` makes v1, then v2 from the v1 folder as served (the
//    way the workflow keeps earlier versions), into folders served on
//    127.0.0.1 as GitHub Pages would serve them.
// 3. A build configured for that origin and key is installed in Chromium and
//    updates to v1, then to v2; an open article shows v2's text.
// 4. It refuses a tampered file, an expired notice, an absurd version and a
//    name table too big to store, and keeps working with v2 throughout.
// The last line is `REHEARSAL {json}`: "ok", and what each step saw.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startFixtureServer } from './fixture-server.mjs';
import { launchWithExtension, type ExtensionBrowser } from '../tests/e2e/browser';
import { hoverForCard } from '../tests/e2e/tooltip-probe';
import { generateSigningKey } from '../src/core/dataset-signature';
import { signedLatest } from '../src/core/latest-manifest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.REHEARSAL_PORT ?? 8179);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SITE_PATH = '/chiplens/';
const DIST = join(ROOT, 'dist-rehearsal');
const MARK = 'Rehearsal v2.';

const steps: Record<string, string> = {};
const work = mkdtempSync(join(tmpdir(), 'chiplens-rehearsal-'));
let served = join(work, 'empty');
let server: Server | undefined;
let browser: ExtensionBrowser | undefined;
let pages: { origin: string; close(): Promise<void> } | undefined;

function record(step: string, saw: string): void {
  steps[step] = saw;
  console.log(`✔ ${step}: ${saw}`);
}

/** Runs a command without blocking this process, which also serves the published folder. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (status) => (status === 0 ? done(out.trim()) : fail(new Error(`${command} ${args.join(' ')} failed:\n${out.trim()}`))));
  });
}

const tsx = (args: string[]) => run(join(ROOT, 'node_modules/.bin/tsx'), args);

/** A static host like GitHub Pages: the folder `served`, JSON as application/json, an ETag it chose. */
function serve(): Promise<void> {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', ORIGIN).pathname;
    const name = path.startsWith(SITE_PATH) ? path.slice(SITE_PATH.length) : '';
    const file = join(served, name);
    if (!/^[\w.-]+\.json$/.test(name) || !existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=600', etag: `"${body.length.toString(16)}"` });
    res.end(body);
  });
  return new Promise((done) => server!.listen(PORT, '127.0.0.1', done));
}

/** A copy of the dataset source with its version set, and H20's summary marked for v2. */
function datasetCopy(name: string, version: number, mark = false): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'dataset'), dir, { recursive: true });
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, version }));
  if (mark) {
    const file = join(dir, 'entries/chips/nvidia-h20.json');
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    for (const lang of ['en', 'ru', 'zh']) entry.summary[lang] = `${entry.summary[lang]} ${MARK}`;
    writeFileSync(file, JSON.stringify(entry, null, 2));
  }
  return dir;
}

async function popup(): Promise<Page> {
  const page = await browser!.context.newPage();
  await page.goto(`chrome-extension://${browser!.extensionId}/src/popup/index.html?tab=0`);
  await page.getByTestId('data-status').waitFor();
  return page;
}

/** Presses "Check now" in a fresh popup and returns what the status then says. */
async function checkNow(): Promise<{ line: string; problem: string }> {
  const page = await popup();
  const status = page.getByTestId('data-status');
  const before = await status.getAttribute('data-checked-at');
  await page.getByRole('button', { name: 'Check now' }).click();
  const deadline = Date.now() + 60_000;
  while ((await status.getAttribute('data-checked-at')) === before) {
    if (Date.now() > deadline) throw new Error('"Check now" did not finish within 60 s');
    await page.waitForTimeout(100);
  }
  const line = await page.locator('.data-status .status-line').innerText();
  const problems = await page.locator('[data-testid="update-error"], [data-testid="update-stale"]').allInnerTexts();
  await page.close();
  return { line, problem: problems.join(' ') };
}

async function h20Summary(article: Page): Promise<string> {
  const card = await hoverForCard(article, 'NVIDIA H20');
  const text = await card.text();
  await article.keyboard.press('Escape');
  return text;
}

/** A signed notice and file for `dataset`, made with the library directly (the CLI refuses such copies). */
async function craft(dir: string, dataset: object, version: number, key: Awaited<ReturnType<typeof generateSigningKey>>): Promise<string> {
  cpSync(join(work, 'site-v2'), dir, { recursive: true });
  const bytes = new TextEncoder().encode(JSON.stringify(dataset));
  const latest = await signedLatest(bytes, { version, asOf: '2026-11-28', keyId: key.keyId, privateJwk: key.privateJwk, publishedAt: new Date() });
  writeFileSync(join(dir, latest.file), bytes);
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(latest));
  return dir;
}

async function expectRefused(step: string, folder: string, reason: RegExp, article: Page, v2: number): Promise<void> {
  served = folder;
  const { line, problem } = await checkNow();
  if (!line.includes(String(v2))) throw new Error(`${step}: the popup left v2: "${line}"`);
  if (!reason.test(problem)) throw new Error(`${step}: expected ${reason}, the popup says "${problem}"`);
  if (!(await h20Summary(article)).includes(MARK)) throw new Error(`${step}: the article's tooltip no longer shows v2`);
  record(step, problem);
}

async function main(): Promise<void> {
  // 1. Key, outside the work tree, as docs/releasing.md asks.
  const key = await generateSigningKey();
  const keyFile = join(work, 'rehearsal-key.jwk');
  writeFileSync(keyFile, JSON.stringify(key.privateJwk), { mode: 0o600 });
  const config = join(work, 'update-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      latestUrl: `${ORIGIN}${SITE_PATH}latest.json`,
      productionKeyId: key.keyId,
      trustedKeys: { [key.keyId]: key.publicJwk },
      timeoutSeconds: 10,
    }),
  );
  record('key', `throwaway key ${key.keyId} in ${work}`);

  // 2. Publish v1, serve it; publish v2 from the served v1 folder.
  const bundled = JSON.parse(readFileSync(join(ROOT, 'dataset/meta.json'), 'utf8')).version as number;
  const v1 = bundled + 1;
  const v2 = bundled + 2;
  const publish = async (name: string, version: number, mark: boolean, from?: string) =>
    (
      await tsx([
        'scripts/dataset.ts',
        'publish',
        '--dir',
        datasetCopy(`dataset-${name}`, version, mark),
        '--key',
        keyFile,
        '--out',
        join(work, `site-${name}`),
        '--config',
        config,
        ...(from ? ['--from', from] : []),
      ])
    )
      .split('\n')
      .filter((l) => l.startsWith('dataset:publish'))
      .join(' / ');
  await serve();
  record('publishV1', await publish('v1', v1, false));
  served = join(work, 'site-v1');
  record('publishV2', await publish('v2', v2, true, `${ORIGIN}${SITE_PATH}`));
  const files = JSON.parse(readFileSync(join(work, 'site-v2/versions.json'), 'utf8')).files.map((f: { file: string }) => f.file);
  if (files.length !== 2) throw new Error(`the v2 folder should keep v1: ${files.join(', ')}`);

  // 3. A build for this origin and key, installed; update to v1, then v2.
  await run(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { CHIPLENS_UPDATE_CONFIG: config, CHIPLENS_OUT_DIR: DIST });
  pages = await startFixtureServer();
  browser = await launchWithExtension(DIST);
  const article = await browser.context.newPage();
  await article.goto(`${pages.origin}/fixtures/01-ru-servernews-seed.html`);
  const first = await popup();
  const installed = await first.locator('.data-status .status-line').innerText();
  await first.close();
  if (!installed.includes(String(bundled))) throw new Error(`installed build should start on the bundled ${bundled}: "${installed}"`);
  record('install', installed);
  const toV1 = await checkNow();
  if (!toV1.line.includes(String(v1)) || toV1.problem) throw new Error(`update to v1: "${toV1.line}" ${toV1.problem}`);
  record('updateV1', toV1.line);
  served = join(work, 'site-v2');
  const toV2 = await checkNow();
  if (!toV2.line.includes(String(v2)) || toV2.problem) throw new Error(`update to v2: "${toV2.line}" ${toV2.problem}`);
  const deadline = Date.now() + 10_000;
  while (!(await h20Summary(article)).includes(MARK)) {
    if (Date.now() > deadline) throw new Error('the open article never showed v2');
  }
  record('updateV2', `${toV2.line}; the open article's H20 tooltip shows v2's text (served files: ${files.join(', ')})`);

  // 4. Refusals, each leaving v2 in use.
  const v2Dataset = JSON.parse(readFileSync(join(work, `site-v2/dataset-${v2}.json`), 'utf8'));
  const tampered = await craft(join(work, 'site-tampered'), { ...v2Dataset, version: v2 + 1 }, v2 + 1, key);
  const file = join(tampered, `dataset-${v2 + 1}.json`);
  // Same length, other bytes: only the signed SHA-256 can tell.
  writeFileSync(file, readFileSync(file, 'utf8').replace(MARK, 'X'.repeat(MARK.length)));
  await expectRefused('tampered', tampered, /does not match its signed SHA-256/, article, v2);

  const expired = join(work, 'site-expired');
  cpSync(join(work, 'site-v2'), expired, { recursive: true });
  await tsx([
    'scripts/dataset.ts',
    'publish',
    '--dir',
    datasetCopy('dataset-v3', v2 + 1, true),
    '--key',
    keyFile,
    '--out',
    expired,
    '--config',
    config,
    // Published at the start of the version's own day (as early as it may
    // be), and expired a tenth of a second later: long past by the check.
    '--now',
    `${String(v2 + 1).slice(0, 4)}-${String(v2 + 1).slice(4, 6)}-${String(v2 + 1).slice(6, 8)}T00:00:00Z`,
    '--lifetime-days',
    '0.000001',
  ]);
  await expectRefused('expiredNotice', expired, /data channel is stale: the newest signed notice expired/, article, v2);

  const absurd = Number.MAX_SAFE_INTEGER;
  await expectRefused(
    'absurdVersion',
    await craft(join(work, 'site-absurd'), { ...v2Dataset, version: absurd }, absurd, key),
    /version 9007199254740991 is dated after the notice/,
    article,
    v2,
  );

  // 14,000 long random names: under the count limit, but a table far over the size limit.
  const names = Array.from({ length: 14_000 }, () => `Part ${randomBytes(40).toString('hex')}`);
  const bloated = {
    ...v2Dataset,
    version: v2 + 1,
    entries: v2Dataset.entries.map((e: { id: string; aliases: { en?: unknown[] } }) =>
      e.id === 'nvidia-h20' ? { ...e, aliases: { ...e.aliases, en: [...(e.aliases.en ?? []), ...names] } } : e,
    ),
  };
  await expectRefused(
    'oversizedTable',
    await craft(join(work, 'site-oversized'), bloated, v2 + 1, key),
    /name table \(\d+\.\d MB\) is larger than the 2\.0 MB allowed/,
    article,
    v2,
  );

  // The honest folder again: still v2, nothing to do, no error left showing.
  served = join(work, 'site-v2');
  const after = await checkNow();
  if (!after.line.includes(String(v2)) || after.problem) throw new Error(`after the refusals: "${after.line}" ${after.problem}`);
  record('keptWorking', `${after.line}; no error shown; the article's tooltip still shows v2`);
}

let ok = false;
try {
  await main();
  ok = true;
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await browser?.close().catch(() => undefined);
  await pages?.close().catch(() => undefined);
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(work, { recursive: true, force: true });
  rmSync(DIST, { recursive: true, force: true });
}
console.log(`REHEARSAL ${JSON.stringify({ ok, steps })}`);
process.exit(ok ? 0 : 1);
