// Checks the published copy of the dataset and takes it only when every
// check passes: a signed latest.json from a trusted key that has not expired,
// a version that is newer than the one held and not from the future, then
// the file's HTTP status, content type, size and SHA-256 (both signed), the
// schema, and the limits a sane dataset meets. Anything else leaves the data
// in use untouched and is reported in plain words. It never writes: `install`
// does, atomically, and may refuse too (a table that would not fit).
//
// Requests carry nothing that tells installs apart: no cookies, no referrer,
// and no validator such as an ETag that the server chose and could make
// unique per install. latest.json is small enough to fetch whole.
import type { Dataset } from '../core/dataset-schema';
import { sha256Hex, type PublicKeyJwk } from '../core/dataset-signature';
import { versionRefusal } from '../core/dataset-version';
import { MAX_DATASET_BYTES, MAX_LATEST_BYTES, parseLatest, verifyLatest, type Latest } from '../core/latest-manifest';
import { datasetRefusal, UpdateRefused } from '../core/update-limits';
import { validateDataset } from '../core/validate-dataset';
import { concatBytes } from '../core/deflate';

export interface UpdaterOptions {
  latestUrl: string;
  trustedKeys: Readonly<Record<string, PublicKeyJwk>>;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => number;
}

/** What is in use now. */
export interface Installed {
  version: number;
  entries: number;
}

export type Install = (dataset: Dataset, signedBy: string) => Promise<void>;

export type CheckResult =
  | { outcome: 'updated'; version: number }
  | { outcome: 'current'; version: number }
  /** The newest signed notice has expired: nobody is publishing, or someone is replaying an old one. */
  | { outcome: 'stale'; error: string }
  /** `fresh`: a valid, unexpired notice was read before the failure, so the channel itself is not stale. */
  | { outcome: 'failed'; error: string; fresh?: true };

/** A failure with a message fit for the user. */
class UpdateError extends Error {}

/** A notice signed this far ahead of the local clock is not believed. */
const CLOCK_SKEW_MS = 86_400_000;

export class DatasetUpdater {
  constructor(private readonly options: UpdaterOptions) {}

  /** One check against latest.json. */
  async check(installed: Installed, install: Install): Promise<CheckResult> {
    let fresh = false;
    try {
      const answer = await this.get(this.options.latestUrl, MAX_LATEST_BYTES, 'latest.json');
      const latest = await this.readLatest(answer);
      const now = this.options.now();
      if (Date.parse(latest.expiresAt) < now) {
        return {
          outcome: 'stale',
          error: `the newest signed notice expired on ${latest.expiresAt.slice(0, 10)}, so newer data may exist that this install cannot see`,
        };
      }
      fresh = true;
      if (Date.parse(latest.publishedAt) > now + CLOCK_SKEW_MS) {
        throw new UpdateError(`latest.json says it was published on ${latest.publishedAt.slice(0, 10)}, later than this computer's clock`);
      }
      const future = versionRefusal(latest.datasetVersion, { publishedAt: Date.parse(latest.publishedAt), now });
      if (future) throw new UpdateError(`refused: ${future}`);
      if (latest.datasetVersion <= installed.version) return { outcome: 'current', version: installed.version };
      const dataset = await this.download(latest);
      const refusal = datasetRefusal(dataset, { installedEntries: installed.entries, allowFewerEntries: latest.allowFewerEntries === true });
      if (refusal) throw new UpdateError(`refused dataset ${dataset.version}: ${refusal}`);
      await install(dataset, latest.keyId);
      return { outcome: 'updated', version: dataset.version };
    } catch (error) {
      const message =
        error instanceof UpdateError
          ? error.message
          : error instanceof UpdateRefused
            ? `refused the new dataset: ${error.message}`
            : `unexpected error: ${String(error)}`;
      return { outcome: 'failed', error: message, ...(fresh ? { fresh: true as const } : {}) };
    }
  }

  private async readLatest(bytes: Uint8Array): Promise<Latest> {
    const parsed = parseLatest(parseJson(bytes, 'latest.json'));
    if (!parsed.ok) throw new UpdateError(`latest.json is malformed (${parsed.error})`);
    const { latest } = parsed;
    const key = this.options.trustedKeys[latest.keyId];
    if (!key) throw new UpdateError(`latest.json is signed with key ${latest.keyId}, which this version of ChipLens does not trust`);
    if (!(await verifyLatest(latest, key))) throw new UpdateError('the signature of latest.json is not valid');
    return latest;
  }

  private async download(latest: Latest): Promise<Dataset> {
    const url = new URL(latest.file, this.options.latestUrl).href;
    const bytes = await this.get(url, Math.min(latest.size, MAX_DATASET_BYTES) + 1, latest.file);
    if (bytes.length !== latest.size) {
      throw new UpdateError(
        bytes.length < latest.size
          ? `${latest.file} is incomplete: ${bytes.length} of ${latest.size} bytes`
          : `${latest.file} is larger than the ${latest.size} bytes announced`,
      );
    }
    if ((await sha256Hex(bytes)) !== latest.sha256) throw new UpdateError(`${latest.file} does not match its signed SHA-256 checksum`);
    const result = validateDataset(parseJson(bytes, latest.file));
    if (!result.ok) throw new UpdateError(`${latest.file} is not a valid dataset (${result.errors[0]})`);
    if (result.dataset.version !== latest.datasetVersion) {
      throw new UpdateError(`${latest.file} holds version ${result.dataset.version}, not the ${latest.datasetVersion} announced`);
    }
    return result.dataset;
  }

  private async get(url: string, maxBytes: number, what: string): Promise<Uint8Array<ArrayBuffer>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      let response: Response;
      try {
        response = await this.options.fetch(url, {
          cache: 'no-store',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          signal: controller.signal,
        });
      } catch {
        throw new UpdateError(
          controller.signal.aborted
            ? `the update server did not answer within ${Math.round(this.options.timeoutMs / 1000)} s`
            : `could not reach the update server for ${what}`,
        );
      }
      if (response.status !== 200) throw new UpdateError(`the update server answered HTTP ${response.status} for ${what}`);
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') throw new UpdateError(`${what} came as ${type || 'an unknown type'}, not JSON`);
      return await readCapped(response, maxBytes, what, controller.signal, this.options.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new UpdateError(`${what} is not valid JSON`);
  }
}

/** Reads a body, giving up as soon as it passes `maxBytes` (a size cap that a lying Content-Length can't get round). */
async function readCapped(response: Response, maxBytes: number, what: string, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > maxBytes) throw new UpdateError(`${what} is larger than allowed`);
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UpdateError) throw error;
    throw new UpdateError(
      signal.aborted ? `the update server stopped sending ${what} (no answer within ${Math.round(timeoutMs / 1000)} s)` : `${what} was cut off in transfer`,
    );
  } finally {
    reader.cancel().catch(() => {});
  }
  return concatBytes(chunks, length);
}
