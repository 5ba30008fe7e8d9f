// What the refresh has done and will do, as kept in storage.local by the
// background's scheduler (its only writer) and shown by the popup and the
// options page. Stored values are read back through the schema: a damaged
// record means "nothing known yet", never a crash.
import * as v from 'valibot';

export const UPDATE_STATE_KEY = 'updateState';

const Instant = v.pipe(v.string(), v.isoTimestamp());

// Not strict: a field an older version kept (it once stored an ETag) is
// dropped on read rather than making the whole record unreadable.
const UpdateStateSchema = v.object({
  lastCheckAt: v.optional(Instant),
  lastUpdateAt: v.optional(Instant),
  /** The last check that failed, in plain words; cleared by the next success. */
  lastError: v.optional(v.strictObject({ at: Instant, message: v.string() })),
  /** The newest signed notice had expired at the last check: nothing newer can be trusted until it is re-signed. */
  stale: v.optional(v.strictObject({ at: Instant, message: v.string() })),
  /** Failed checks in a row, for the backoff. */
  failures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  nextCheckAt: v.optional(Instant),
});
export type UpdateState = v.InferOutput<typeof UpdateStateSchema>;

export function readUpdateState(stored: unknown): UpdateState {
  const result = v.safeParse(UpdateStateSchema, stored);
  return result.success ? result.output : { failures: 0 };
}
