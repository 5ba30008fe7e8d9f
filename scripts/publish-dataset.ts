// `npm run dataset:publish`: the folder GitHub Pages serves (or any static
// host). It holds every published dataset file, named by version and never
// changed once written, `versions.json` listing them, and `latest.json`, the
// signed notice every install polls.
//
// With `--from URL` it starts from the folder published at URL, so that the
// earlier versions stay online (Pages replaces the whole site on each
// deploy). Publishing the version already announced, with the same bytes,
// only re-signs latest.json: the weekly run that keeps it from expiring.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as v from 'valibot';
import { buildAliasTable } from '../src/core/alias-table';
import type { Dataset } from '../src/core/dataset-schema';
import { keyIdOf } from '../src/core/dataset-signature';
import { versionRefusal } from '../src/core/dataset-version';
import { LATEST_LIFETIME_DAYS, parseLatest, signedLatest, type Latest } from '../src/core/latest-manifest';
import { encodeStoredTable } from '../src/core/stored-table';
import { datasetRefusal, tableRefusal } from '../src/core/update-limits';
import type { UpdateConfig } from '../src/core/update-config';

const VersionsSchema = v.strictObject({
  files: v.array(
    v.strictObject({
      file: v.pipe(v.string(), v.regex(/^dataset-\d+\.json$/)),
      version: v.pipe(v.number(), v.integer()),
      size: v.pipe(v.number(), v.integer()),
      sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
      entries: v.pipe(v.number(), v.integer()),
    }),
  ),
});
type Versions = v.InferOutput<typeof VersionsSchema>;

export interface PublishOptions {
  dataset: Dataset;
  /** The exact bytes published, hashed and signed. */
  bytes: Buffer;
  privateJwk: JsonWebKey;
  config: UpdateConfig;
  outDir: string;
  from?: string;
  now: Date;
  lifetimeDays?: number;
  allowFewerEntries?: boolean;
}

class PublishError extends Error {}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(url: string): Promise<Buffer | undefined> {
  const response = await fetch(url, { cache: 'no-store' });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new PublishError(`${url} answered HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** Copies the folder published at `from` into `outDir`, each file checked against versions.json. */
async function mirror(from: string, outDir: string): Promise<void> {
  const base = from.endsWith('/') ? from : `${from}/`;
  const listing = await download(new URL('versions.json', base).href);
  if (!listing) {
    console.log(`dataset:publish: nothing published at ${base} yet; starting a new folder`);
    return;
  }
  const versions = v.parse(VersionsSchema, JSON.parse(listing.toString('utf8')));
  for (const item of versions.files) {
    const bytes = await download(new URL(item.file, base).href);
    if (!bytes || bytes.length !== item.size || sha256(bytes) !== item.sha256) {
      throw new PublishError(`${item.file} at ${base} does not match versions.json; not publishing over a damaged folder`);
    }
    writeFileSync(join(outDir, item.file), bytes);
  }
  writeFileSync(join(outDir, 'versions.json'), listing);
  const latest = await download(new URL('latest.json', base).href);
  if (latest) writeFileSync(join(outDir, 'latest.json'), latest);
  console.log(`dataset:publish: kept ${versions.files.length} published version(s) from ${base}`);
}

function readJson<T>(path: string, parse: (value: unknown) => T): T | undefined {
  return existsSync(path) ? parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
}

function previousLatest(outDir: string): Latest | undefined {
  return readJson(join(outDir, 'latest.json'), (value) => {
    const parsed = parseLatest(value);
    // An older format is replaced, not read.
    return parsed.ok ? parsed.latest : undefined;
  });
}

export async function publishDataset(options: PublishOptions): Promise<Latest> {
  const { dataset, bytes, privateJwk, config, outDir, now } = options;
  const keyId = await keyIdOf(privateJwk);
  if (!config.trustedKeys[keyId]) throw new PublishError(`key ${keyId} is not among the trusted keys in the update config; extensions would reject this copy`);
  const future = versionRefusal(dataset.version, { publishedAt: now.getTime(), now: now.getTime() });
  if (future) throw new PublishError(`${future}; dataset/meta.json's version is YYYYMMDDNN, the day of publishing and a counter`);
  const table = tableRefusal((await encodeStoredTable(buildAliasTable(dataset))).length);
  if (table) throw new PublishError(`installs would refuse this dataset: ${table}`);

  mkdirSync(outDir, { recursive: true });
  if (options.from) await mirror(options.from, outDir);
  const versions: Versions = readJson(join(outDir, 'versions.json'), (value) => v.parse(VersionsSchema, value)) ?? { files: [] };
  const previous = previousLatest(outDir);
  const file = `dataset-${dataset.version}.json`;
  const hash = sha256(bytes);
  if (previous && previous.datasetVersion > dataset.version) {
    throw new PublishError(`latest.json already announces version ${previous.datasetVersion}; bump dataset/meta.json's version (now ${dataset.version})`);
  }
  if (previous && previous.datasetVersion === dataset.version && previous.sha256 !== hash) {
    throw new PublishError(`latest.json already announces version ${dataset.version} with other content; bump dataset/meta.json's version`);
  }
  const installed = versions.files.find((f) => f.version === previous?.datasetVersion);
  const refusal = installed && datasetRefusal(dataset, { installedEntries: installed.entries, allowFewerEntries: options.allowFewerEntries === true });
  if (refusal) throw new PublishError(`installs would refuse this dataset: ${refusal} (pass --allow-fewer-entries if that is intended)`);

  writeFileSync(join(outDir, file), bytes);
  if (!versions.files.some((f) => f.file === file)) {
    versions.files.push({ file, version: dataset.version, size: bytes.length, sha256: hash, entries: dataset.entries.length });
  }
  const latest = await signedLatest(new Uint8Array(bytes), {
    version: dataset.version,
    asOf: dataset.asOf,
    keyId,
    privateJwk,
    publishedAt: now,
    expiresAt: new Date(now.getTime() + (options.lifetimeDays ?? LATEST_LIFETIME_DAYS) * 86_400_000),
    allowFewerEntries: options.allowFewerEntries,
  });
  writeFileSync(join(outDir, 'versions.json'), `${JSON.stringify(versions, null, 2)}\n`);
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(latest, null, 2)}\n`);
  const what = previous?.datasetVersion === dataset.version ? 're-signed latest.json for' : 'published';
  console.log(
    `dataset:publish: ${what} ${relative(process.cwd(), join(outDir, file))} (${bytes.length} bytes), signed with key ${keyId}, expires ${latest.expiresAt}`,
  );
  return latest;
}

export { PublishError };
