// latest.json: the small file every install polls. It names the newest
// published dataset file and how to check it before anything is stored, and
// it is itself signed: the signature covers the version, the file's size and
// SHA-256, the key id, when it was published and when it expires. A server
// or network in the middle can therefore neither change what it announces
// nor keep serving an old notice for ever: past `expiresAt` it counts as
// stale, and the popup says so.
import * as v from 'valibot';
import { sha256Hex, signBytes, verifyBytes, type PublicKeyJwk } from './dataset-signature';

const LATEST_FORMAT = 2;
/** Neither file may be larger than this, whatever it claims. */
export const MAX_LATEST_BYTES = 16 * 1024;
export const MAX_DATASET_BYTES = 16 * 1024 * 1024;
/** How long a signed notice holds; the publishing workflow re-signs it weekly. */
export const LATEST_LIFETIME_DAYS = 30;

const Instant = v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp'));

const SignedFields = {
  format: v.literal(LATEST_FORMAT, `latest.json format must be ${LATEST_FORMAT}`),
  datasetVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  asOf: v.pipe(v.string(), v.isoDate('asOf must be a date YYYY-MM-DD')),
  /** The dataset file, relative to latest.json: a plain versioned name, no path. */
  file: v.pipe(v.string(), v.regex(/^dataset-\d+\.json$/, 'file must be named dataset-<version>.json')),
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DATASET_BYTES, 'the dataset is larger than allowed')),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 hex digits')),
  keyId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'keyId must be 16 hex digits')),
  publishedAt: Instant,
  expiresAt: Instant,
  /** Set by a maintainer on purpose: this copy may hold far fewer entries than the one installed. */
  allowFewerEntries: v.optional(v.literal(true)),
};
type SignedLatest = v.InferOutput<v.StrictObjectSchema<typeof SignedFields, undefined>>;

const LatestSchema = v.strictObject({
  ...SignedFields,
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'signature must be base64')),
});
export type Latest = v.InferOutput<typeof LatestSchema>;

export function parseLatest(value: unknown): { ok: true; latest: Latest } | { ok: false; error: string } {
  const result = v.safeParse(LatestSchema, value);
  if (result.success) return { ok: true, latest: result.output };
  const issue = result.issues[0];
  // Stryker disable next-line StringLiteral: every field of latest.json is at the top level, so a path has one key and join's separator never shows (the `?? ''` is checked by the test of a notice that is not an object)
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}

/**
 * The bytes the signature is made over: the signed fields in a fixed order,
 * after a label, so that the same key's signature on a dataset file can never
 * pass for one on a notice.
 */
function signedBytes(latest: SignedLatest): Uint8Array<ArrayBuffer> {
  const fields = Object.keys(SignedFields) as (keyof SignedLatest)[];
  const values = fields.map((field) => latest[field] ?? null);
  return new TextEncoder().encode(`chiplens-latest\n${JSON.stringify(values)}`);
}

export function verifyLatest(latest: Latest, key: PublicKeyJwk): Promise<boolean> {
  return verifyBytes(signedBytes(latest), latest.signature, key);
}

export interface LatestOptions {
  version: number;
  asOf: string;
  keyId: string;
  privateJwk: JsonWebKey;
  publishedAt: Date;
  /** Defaults to LATEST_LIFETIME_DAYS after publishedAt. */
  expiresAt?: Date;
  allowFewerEntries?: boolean;
}

/** latest.json for the exact bytes of a dataset file, signed with `privateJwk` (whose id is `keyId`). */
export async function signedLatest(bytes: Uint8Array<ArrayBuffer>, options: LatestOptions): Promise<Latest> {
  const expiresAt = options.expiresAt ?? new Date(options.publishedAt.getTime() + LATEST_LIFETIME_DAYS * 86_400_000);
  const fields: SignedLatest = {
    format: LATEST_FORMAT,
    datasetVersion: options.version,
    asOf: options.asOf,
    file: `dataset-${options.version}.json`,
    size: bytes.length,
    sha256: await sha256Hex(bytes),
    keyId: options.keyId,
    publishedAt: options.publishedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ...(options.allowFewerEntries ? { allowFewerEntries: true as const } : {}),
  };
  return { ...fields, signature: await signBytes(signedBytes(fields), options.privateJwk) };
}
