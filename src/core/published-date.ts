// The day a page says it was published, from whatever the page offers
// (meta tags, JSON-LD, <time datetime>): only a plausible calendar day is
// taken, never one in the future, so a page cannot make a tooltip lie.

/** YYYY-MM-DD from an ISO date or date-time, or undefined when it is not a plausible publication day. */
export function publicationDay(raw: string | null | undefined, today: string): string | undefined {
  // Stryker disable next-line StringLiteral: no default text is a date, so none is taken
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(raw ?? '');
  if (!match) return undefined;
  const [, y, m, d] = match;
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return undefined;
  if (day < '1990-01-01' || day > today) return undefined;
  return day;
}

/** datePublished anywhere in a JSON-LD document (objects, arrays, @graph). */
export function jsonLdDatePublished(doc: unknown, depth = 0): string | undefined {
  if (depth > 6 || doc === null || typeof doc !== 'object') return undefined;
  if (Array.isArray(doc)) {
    for (const item of doc) {
      const found = jsonLdDatePublished(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = doc as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return record.datePublished;
  return jsonLdDatePublished(record['@graph'], depth + 1);
}
