// Where the dataset is refreshed from and which keys may sign it: read from
// dataset/update-config.json at build time (test builds point it at a local
// server and a throwaway key). Only public keys ever appear here.
import * as v from 'valibot';
import type { PublicKeyJwk } from './dataset-signature';

const PublicKey = v.strictObject({ kty: v.literal('EC'), crv: v.literal('P-256'), x: v.string(), y: v.string() });

const UpdateConfigSchema = v.pipe(
  v.strictObject({
    /** latest.json of the published folder; https, or http on 127.0.0.1 for tests. */
    latestUrl: v.pipe(v.string(), v.url(), v.regex(/^(https:\/\/|http:\/\/127\.0\.0\.1[:/])/, 'latestUrl must use https')),
    /** The key new copies are signed with; older keys stay trusted while installs move on. */
    productionKeyId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
    /** The key to rotate to: trusted already, its private half kept offline until then. */
    nextKeyId: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/))),
    trustedKeys: v.record(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)), PublicKey),
    timeoutSeconds: v.pipe(v.number(), v.minValue(1), v.maxValue(120)),
  }),
  v.check((c) => c.productionKeyId in c.trustedKeys, 'productionKeyId must be one of trustedKeys'),
  v.check((c) => c.nextKeyId === undefined || (c.nextKeyId in c.trustedKeys && c.nextKeyId !== c.productionKeyId), 'nextKeyId must be another of trustedKeys'),
);
export type UpdateConfig = v.InferOutput<typeof UpdateConfigSchema> & { trustedKeys: Record<string, PublicKeyJwk> };

export function parseUpdateConfig(value: unknown): { ok: true; value: UpdateConfig } | { ok: false; error: string } {
  const result = v.safeParse(UpdateConfigSchema, value);
  return result.success ? { ok: true, value: result.output } : { ok: false, error: v.summarize(result.issues) };
}
