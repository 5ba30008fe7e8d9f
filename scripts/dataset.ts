// Dataset tooling: `check` (every rule, naming the file and field), `build`
// (the assembled dataset with its version and SHA-256), `stats` (coverage),
// `stale` (facts due for another check), `publish` (a signed static folder
// for the update server), `keygen` (a new signing key pair).
// Usage: tsx scripts/dataset.ts check|build|stats [--caveats] [--dir DATASET_DIR]
//        tsx scripts/dataset.ts stale [--today YYYY-MM-DD] [--dir DATASET_DIR]
//        tsx scripts/dataset.ts publish --key PRIVATE_KEY.jwk --out DIR [--from PUBLISHED_URL] [--config UPDATE_CONFIG.json]
//          [--allow-fewer-entries] [--lifetime-days N] [--now ISO_TIME]
//        tsx scripts/dataset.ts keygen --out PRIVATE_KEY.jwk
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEntryFiles, readMeta } from '../dataset/index-node';
import { assembleDataset, type DatasetMeta, type EntryFile } from '../src/core/assemble-dataset';
import type { Dataset, Entry, EntryKind } from '../src/core/dataset-schema';
import { lintDataset } from '../src/core/dataset-lint';
import { checkSources, SourcePolicySchema } from '../src/core/source-rules';
import * as v from 'valibot';
import { quietEntries, staleFacts, STALE_AFTER_DAYS } from '../src/core/dataset-staleness';
import { validateDataset, validateEntry } from '../src/core/validate-dataset';
import { generateSigningKey } from '../src/core/dataset-signature';
import { publishDataset, PublishError } from './publish-dataset';
import { versionRefusal } from '../src/core/dataset-version';
import { parseUpdateConfig } from '../src/core/update-config';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// `--dir PATH` points the tools at another copy of the dataset (the tests use it).
const dirArg = process.argv.indexOf('--dir');
const DATASET = dirArg > 0 && process.argv[dirArg + 1] ? process.argv[dirArg + 1]! : join(ROOT, 'dataset');
const ENTRIES = join(DATASET, 'entries');
const OUT = join(ROOT, 'dist-data');

interface Loaded {
  meta: DatasetMeta;
  files: EntryFile[];
  problems: string[];
}

function load(): Loaded {
  return { meta: readMeta(DATASET), ...readEntryFiles(ENTRIES) };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Every problem, each naming its file; the dataset when there are none. */
function check(): { dataset?: Dataset; problems: string[]; count: number } {
  const { meta, files, problems } = load();
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const id = (file.data as { id?: unknown }).id;
    if (typeof id === 'string') fileOf.set(id, `dataset/entries/${file.path}`);
    for (const error of validateEntry(file.data)) problems.push(`dataset/entries/${file.path}: ${error}`);
  }
  const assembled = assembleDataset(meta, files);
  problems.push(...assembled.problems.map((p) => `dataset/entries/${p}`));
  const where = (id: string) => fileOf.get(id) ?? id;
  if (problems.length === 0) {
    const result = validateDataset(assembled.json);
    if (!result.ok) {
      problems.push(...result.errors.map((e) => e.replace(/^([a-z0-9-]+): /, (_, id: string) => `${where(id)}: `)));
    } else {
      for (const p of lintDataset(result.dataset, today())) problems.push(`${where(p.id)}: ${p.message}`);
      const policy = readPolicy(problems);
      if (policy) for (const p of checkSources(result.dataset, policy)) problems.push(`${where(p.id)}: ${p.message}`);
      if (meta.asOf > today()) problems.push(`dataset/meta.json: asOf ${meta.asOf} is in the future`);
      const future = versionRefusal(meta.version, { now: Date.now() });
      if (future) problems.push(`dataset/meta.json: ${future}; versions are YYYYMMDDNN`);
      if (problems.length === 0) return { dataset: result.dataset, problems, count: files.length };
    }
  }
  return { problems, count: files.length };
}

/** dataset/source-policy.json, or undefined with a problem line when it is missing or malformed. */
function readPolicy(problems: string[]): v.InferOutput<typeof SourcePolicySchema> | undefined {
  const path = join(DATASET, 'source-policy.json');
  try {
    const parsed = v.safeParse(SourcePolicySchema, JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return parsed.output;
    problems.push(...parsed.issues.map((issue) => `dataset/source-policy.json: ${v.getDotPath(issue) ?? ''} ${issue.message}`));
  } catch (error) {
    problems.push(`dataset/source-policy.json: ${(error as Error).message}`);
  }
  return undefined;
}

function runCheck(): Dataset {
  const { dataset, problems, count } = check();
  if (!dataset) {
    for (const problem of problems) console.error(`✖ ${problem}`);
    console.error(`\ndataset:check: ${problems.length} problem(s) in ${count} entry files`);
    process.exit(1);
  }
  console.log(`dataset:check: ${count} entries, no problems`);
  return dataset;
}

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** The exact bytes that are published, hashed and signed. */
function datasetBytes(dataset: Dataset): Buffer {
  return Buffer.from(JSON.stringify(dataset));
}

function build(): void {
  const dataset = runCheck();
  const bytes = datasetBytes(dataset);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(OUT, { recursive: true });
  const file = `dataset-${dataset.version}.json`;
  writeFileSync(join(OUT, file), bytes);
  const info = { format: dataset.format, version: dataset.version, asOf: dataset.asOf, file, size: bytes.length, sha256, entries: dataset.entries.length };
  writeFileSync(join(OUT, 'dataset-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  console.log(`dataset:build: wrote ${relative(ROOT, join(OUT, file))} (${bytes.length} bytes, sha256 ${sha256})`);
}

function stats(): void {
  const dataset = runCheck();
  const kinds: EntryKind[] = ['chip', 'company', 'model', 'rule'];
  const langs = ['en', 'ru', 'zh'] as const;
  const rows = kinds.map((kind) => {
    const entries = dataset.entries.filter((e) => e.kind === kind);
    const aliasCount = (lang: (typeof langs)[number]) => entries.reduce((n, e) => n + (e.aliases[lang]?.length ?? 0), 0);
    const withAliases = (lang: (typeof langs)[number]) => entries.filter((e) => (e.aliases[lang]?.length ?? 0) > 0).length;
    return {
      kind,
      entries: entries.length,
      'aliases en': aliasCount('en'),
      'aliases ru': aliasCount('ru'),
      'aliases zh': aliasCount('zh'),
      'with ru alias': withAliases('ru'),
      'with zh alias': withAliases('zh'),
      sources: entries.reduce((n, e) => n + e.sources.length, 0),
      caveats: entries.reduce((n, e) => n + (e.caveats?.length ?? 0), 0),
    };
  });
  console.log(`Dataset ${dataset.version}, as of ${dataset.asOf}: ${dataset.entries.length} entries`);
  console.table(rows);
  const names = langs.map((lang) => `${lang}: ${dataset.entries.filter((e: Entry) => e.name[lang] && e.summary[lang]).length}`);
  console.log(`Entries with a name and summary in each language — ${names.join(', ')}`);
  const hosts = new Map<string, number>();
  for (const e of dataset.entries) for (const s of e.sources) hosts.set(new URL(s.url).hostname, (hosts.get(new URL(s.url).hostname) ?? 0) + 1);
  console.log(`Distinct source sites: ${hosts.size}`);
  if (process.argv.includes('--caveats')) {
    console.log('\nReported but unconfirmed, or disputed (caveats):');
    for (const e of dataset.entries) for (const c of e.caveats ?? []) console.log(`- ${e.id}: ${c.text.en}`);
  }
}

/** Rows under a header, in columns padded to their widest cell. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

function stale(): void {
  const dataset = runCheck();
  const day = arg('--today') ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) fail(`--today ${day}: expected YYYY-MM-DD`);

  const facts = staleFacts(dataset.entries, day);
  console.log(`\nFacts last checked before ${facts.cutoff} (${STALE_AFTER_DAYS} days before ${day}) or never, oldest first:\n`);
  printTable(
    ['entry', 'field', 'checked'],
    facts.stale.map((f) => [f.id, f.path, f.checked ?? 'never']),
  );
  const never = facts.stale.filter((f) => !f.checked).length;
  console.log(
    `${facts.stale.length} of ${facts.total} facts due for a check: ${never} never checked, ${facts.stale.length - never} last checked before ${facts.cutoff}`,
  );

  const timelines = quietEntries(dataset.entries, day);
  console.log(`\nLive entries with no timeline event since ${timelines.since}, oldest first:\n`);
  printTable(
    ['entry', 'kind', 'latest event', 'status'],
    timelines.quiet.map((e) => [e.id, e.kind, e.latest, e.status]),
  );
  const chips = timelines.quiet.filter((e) => e.kind === 'chip').length;
  console.log(
    `${timelines.quiet.length} of ${timelines.live} live entries quiet since ${timelines.since}: ${chips} chips, ${timelines.quiet.length - chips} rules`,
  );
}

async function publish(): Promise<void> {
  const keyFile = arg('--key');
  const outDir = arg('--out');
  if (!keyFile || !outDir) {
    fail('usage: npm run dataset:publish -- --key PRIVATE_KEY.jwk --out DIR [--from PUBLISHED_URL] [--config UPDATE_CONFIG.json] [--allow-fewer-entries]');
  }
  const config = parseUpdateConfig(JSON.parse(readFileSync(arg('--config') ?? join(ROOT, 'dataset', 'update-config.json'), 'utf8')));
  if (!config.ok) fail(`update config: ${config.error}`);
  const privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JsonWebKey;
  if (!privateJwk.d) fail(`${keyFile} holds no private key`);
  const dataset = runCheck();
  const lifetime = arg('--lifetime-days');
  try {
    await publishDataset({
      dataset,
      bytes: datasetBytes(dataset),
      privateJwk,
      config: config.value,
      outDir,
      from: arg('--from'),
      // --now lets the release rehearsal publish as of another moment.
      now: arg('--now') ? new Date(arg('--now')!) : new Date(),
      ...(lifetime ? { lifetimeDays: Number(lifetime) } : {}),
      allowFewerEntries: process.argv.includes('--allow-fewer-entries'),
    });
  } catch (error) {
    if (error instanceof PublishError) fail(error.message);
    throw error;
  }
}

async function keygen(): Promise<void> {
  const out = arg('--out');
  if (!out) fail('usage: npm run dataset:keygen -- --out PRIVATE_KEY.jwk');
  // A private key in the work tree is one `git add -A` away from being published.
  const inside = relative(ROOT, resolve(out));
  if (!inside.startsWith('..') && !isAbsolute(inside)) {
    fail(`${out} is inside the repository; write the key outside it (e.g. --out ~/chiplens-keys/dataset-key.jwk)`);
  }
  if (existsSync(out)) fail(`${out} exists; not overwriting a key`);
  const { privateJwk, publicJwk, keyId } = await generateSigningKey();
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(privateJwk)}\n`, { mode: 0o600 });
  console.log(`Private key written to ${out}: keep it out of the repository.`);
  console.log(`Add this to "trustedKeys" in dataset/update-config.json:\n  "${keyId}": ${JSON.stringify(publicJwk)}`);
}

const command = process.argv[2];
if (command === 'check') runCheck();
else if (command === 'build') build();
else if (command === 'stats') stats();
else if (command === 'stale') stale();
else if (command === 'publish') await publish();
else if (command === 'keygen') await keygen();
else {
  console.error('usage: tsx scripts/dataset.ts check|build|stats|stale|publish|keygen');
  process.exit(2);
}
