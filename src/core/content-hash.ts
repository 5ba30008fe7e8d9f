// A cheap fingerprint of a dataset's entries (FNV-1a over their JSON). It
// tells two copies that carry the same version number apart, e.g. a
// developer build whose entries changed without a version bump.
import type { Entry } from './dataset-schema';

export function contentHash(entries: readonly Entry[]): string {
  const text = JSON.stringify(entries);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
