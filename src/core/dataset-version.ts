// Dataset versions are YYYYMMDDNN: the UTC day a copy was made and a counter.
// An update is taken only when its version is newer than the one in use, so
// a version from the future (9007199254740991, say) would block every real
// update after it. Versions are therefore bounded by time: by the signed
// publish time of the notice that announces them and by the local clock.
const DAY_MS = 86_400_000;

/** The largest version that can be made on the UTC day of `ms`: YYYYMMDD99. */
export function maxVersionAt(ms: number): number {
  const day = new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
  return Number(day) * 100 + 99;
}

/** Why `version` cannot be real, given when it was published and the local clock; undefined when it can. */
export function versionRefusal(version: number, { publishedAt, now }: { publishedAt?: number; now: number }): string | undefined {
  if (publishedAt !== undefined && version > maxVersionAt(publishedAt + DAY_MS)) {
    return `version ${version} is dated after the notice that announces it (published ${new Date(publishedAt).toISOString().slice(0, 10)})`;
  }
  if (version > maxVersionAt(now + 2 * DAY_MS)) return `version ${version} is dated in the future`;
  return undefined;
}
