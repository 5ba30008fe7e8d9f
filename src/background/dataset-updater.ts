// Checks the published copy of the dataset and takes it only when every
// check passes: HTTP status, content type, size, checksum, a signature by a
// trusted key, the schema, and a version newer than the one held (no
// downgrade, no replay). Anything else leaves the data in use untouched and
// is reported in plain words. It never writes: `install` does, atomically.
import type { Dataset } from '../core/dataset-schema';
import { sha256Hex, verifyBytes, type PublicKeyJwk } from '../core/dataset-signature';
import { MAX_DATASET_BYTES, MAX_LATEST_BYTES, parseLatest, type Latest } from '../core/latest-manifest';
import { validateDataset } from '../core/validate-dataset';
import { concatBytes } from '../core/deflate';

export interface UpdaterOptions {
  latestUrl: string;
  trustedKeys: Readonly<Record<string, PublicKeyJwk>>;
  timeoutMs: number;
  fetch: typeof fetch;
}

export type CheckResult =
  | { outcome: 'updated'; version: number; etag?: string }
  | { outcome: 'current'; version: number; etag?: string }
  | { outcome: 'failed'; error: string };

/** A failure with a message fit for the user. */
class UpdateError extends Error {}

export class DatasetUpdater {
  constructor(private readonly options: UpdaterOptions) {}

  /**
   * One check against latest.json. `current` is the version held now;
   * `etag` the one remembered from the last good answer.
   */
  async check(current: number, etag: string | undefined, install: (dataset: Dataset) => Promise<void>): Promise<CheckResult> {
    try {
      const answer = await this.get(this.options.latestUrl, MAX_LATEST_BYTES, 'latest.json', etag);
      if (answer === 'not-modified') return { outcome: 'current', version: current, ...(etag ? { etag } : {}) };
      const latest = this.readLatest(answer.bytes);
      if (latest.datasetVersion <= current) return { outcome: 'current', version: current, ...withEtag(answer.etag) };
      const dataset = await this.download(latest);
      if (dataset.version <= current) {
        throw new UpdateError(`the published dataset ${dataset.version} is not newer than ${current}; refusing to go back`);
      }
      await install(dataset);
      return { outcome: 'updated', version: dataset.version, ...withEtag(answer.etag) };
    } catch (error) {
      return { outcome: 'failed', error: error instanceof UpdateError ? error.message : `unexpected error: ${String(error)}` };
    }
  }

  private readLatest(bytes: Uint8Array): Latest {
    const parsed = parseLatest(parseJson(bytes, 'latest.json'));
    if (!parsed.ok) throw new UpdateError(`latest.json is malformed (${parsed.error})`);
    return parsed.latest;
  }

  private async download(latest: Latest): Promise<Dataset> {
    const key = this.options.trustedKeys[latest.keyId];
    if (!key) throw new UpdateError(`latest.json is signed with key ${latest.keyId}, which this version of ChipLens does not trust`);
    const url = new URL(latest.file, this.options.latestUrl).href;
    const answer = await this.get(url, Math.min(latest.size, MAX_DATASET_BYTES) + 1, latest.file);
    if (answer === 'not-modified') throw new UpdateError(`the server answered "not modified" for ${latest.file}`);
    const { bytes } = answer;
    if (bytes.length !== latest.size) {
      throw new UpdateError(
        bytes.length < latest.size
          ? `${latest.file} is incomplete: ${bytes.length} of ${latest.size} bytes`
          : `${latest.file} is larger than the ${latest.size} bytes announced`,
      );
    }
    if ((await sha256Hex(bytes)) !== latest.sha256) throw new UpdateError(`${latest.file} does not match its SHA-256 checksum`);
    if (!(await verifyBytes(bytes, latest.signature, key))) throw new UpdateError(`the signature of ${latest.file} is not valid`);
    const result = validateDataset(parseJson(bytes, latest.file));
    if (!result.ok) throw new UpdateError(`${latest.file} is not a valid dataset (${result.errors[0]})`);
    if (result.dataset.version !== latest.datasetVersion) {
      throw new UpdateError(`${latest.file} holds version ${result.dataset.version}, not the ${latest.datasetVersion} announced`);
    }
    return result.dataset;
  }

  private async get(
    url: string,
    maxBytes: number,
    what: string,
    etag?: string,
  ): Promise<'not-modified' | { bytes: Uint8Array<ArrayBuffer>; etag: string | undefined }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      let response: Response;
      try {
        response = await this.options.fetch(url, {
          cache: 'no-store',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          headers: etag ? { 'If-None-Match': etag } : {},
          signal: controller.signal,
        });
      } catch {
        throw new UpdateError(
          controller.signal.aborted
            ? `the update server did not answer within ${Math.round(this.options.timeoutMs / 1000)} s`
            : `could not reach the update server for ${what}`,
        );
      }
      if (response.status === 304 && etag) return 'not-modified';
      if (response.status !== 200) throw new UpdateError(`the update server answered HTTP ${response.status} for ${what}`);
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') throw new UpdateError(`${what} came as ${type || 'an unknown type'}, not JSON`);
      const bytes = await readCapped(response, maxBytes, what, controller.signal, this.options.timeoutMs);
      return { bytes, etag: response.headers.get('etag') ?? undefined };
    } finally {
      clearTimeout(timer);
    }
  }
}

function withEtag(etag: string | undefined): { etag?: string } {
  return etag ? { etag } : {};
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
