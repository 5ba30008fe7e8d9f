// Dataset tooling: `check` (every rule, naming the file and field), `build`
// (the assembled dataset with its version and SHA-256), `stats` (coverage).
// Usage: tsx scripts/dataset.ts check|build|stats [--caveats] [--dir DATASET_DIR]
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEntryFiles, readMeta } from '../dataset/index-node';
import { assembleDataset, type DatasetMeta, type EntryFile } from '../src/core/assemble-dataset';
import type { Dataset, Entry, EntryKind } from '../src/core/dataset-schema';
import { lintDataset } from '../src/core/dataset-lint';
import { validateDataset, validateEntry } from '../src/core/validate-dataset';

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
      if (meta.asOf > today()) problems.push(`dataset/meta.json: asOf ${meta.asOf} is in the future`);
      if (problems.length === 0) return { dataset: result.dataset, problems, count: files.length };
    }
  }
  return { problems, count: files.length };
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

function build(): void {
  const dataset = runCheck();
  const bytes = Buffer.from(JSON.stringify(dataset));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(OUT, { recursive: true });
  const file = `dataset-${dataset.version}.json`;
  writeFileSync(join(OUT, file), bytes);
  const info = { format: dataset.format, version: dataset.version, asOf: dataset.asOf, file, size: bytes.length, sha256, entries: dataset.entries.length };
  writeFileSync(join(OUT, 'dataset-info.json'), JSON.stringify(info, null, 2) + '\n');
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

const command = process.argv[2];
if (command === 'check') runCheck();
else if (command === 'build') build();
else if (command === 'stats') stats();
else {
  console.error('usage: tsx scripts/dataset.ts check|build|stats');
  process.exit(2);
}
