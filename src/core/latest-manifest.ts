// latest.json: the small file every install polls. It names the newest
// published dataset file and how to check it before anything is stored.
import * as v from 'valibot';
import { sha256Hex, signBytes } from './dataset-signature';

export const LATEST_FORMAT = 1;
/** Neither file may be larger than this, whatever it claims. */
export const MAX_LATEST_BYTES = 16 * 1024;
export const MAX_DATASET_BYTES = 16 * 1024 * 1024;

export const LatestSchema = v.strictObject({
  format: v.literal(LATEST_FORMAT, `latest.json format must be ${LATEST_FORMAT}`),
  datasetVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  asOf: v.pipe(v.string(), v.isoDate('asOf must be a date YYYY-MM-DD')),
  /** The dataset file, relative to latest.json: a plain versioned name, no path. */
  file: v.pipe(v.string(), v.regex(/^dataset-\d+\.json$/, 'file must be named dataset-<version>.json')),
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DATASET_BYTES, 'the dataset is larger than allowed')),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 hex digits')),
  keyId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'keyId must be 16 hex digits')),
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'signature must be base64')),
});
export type Latest = v.InferOutput<typeof LatestSchema>;

export function parseLatest(value: unknown): { ok: true; latest: Latest } | { ok: false; error: string } {
  const result = v.safeParse(LatestSchema, value);
  if (result.success) return { ok: true, latest: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}

/** latest.json for the exact bytes of a dataset file, signed with `privateJwk` (whose id is `keyId`). */
export async function signedLatest(
  bytes: Uint8Array<ArrayBuffer>,
  { version, asOf, keyId, privateJwk }: { version: number; asOf: string; keyId: string; privateJwk: JsonWebKey },
): Promise<Latest> {
  return {
    format: LATEST_FORMAT,
    datasetVersion: version,
    asOf,
    file: `dataset-${version}.json`,
    size: bytes.length,
    sha256: await sha256Hex(bytes),
    keyId,
    signature: await signBytes(bytes, privateJwk),
  };
}
