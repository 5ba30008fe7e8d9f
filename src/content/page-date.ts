// When the page says it was published: article:published_time, JSON-LD
// datePublished, other common meta tags, or a <time datetime> in the
// article. Read once, on the first hover, and only from the page's head and
// article, never from text the reader typed.
import { jsonLdDatePublished, publicationDay } from '../core/published-date';

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="parsely-pub-date"]',
];
/** JSON-LD blocks larger than this are not parsed. */
const MAX_JSON_LD = 200_000;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function candidates(doc: Document): Iterable<string | null | undefined> {
  const list: (() => string | null | undefined)[] = [
    ...META_SELECTORS.map((selector) => () => doc.querySelector(selector)?.getAttribute('content')),
    () => {
      for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
        const text = script.textContent ?? '';
        if (text.length > MAX_JSON_LD) continue;
        try {
          const found = jsonLdDatePublished(JSON.parse(text));
          if (found) return found;
        } catch {
          // Broken JSON-LD is common; the next candidate may do.
        }
      }
      return undefined;
    },
    () => doc.querySelector('[itemprop="datePublished"][datetime]')?.getAttribute('datetime'),
    () => doc.querySelector('article header time[datetime], header time[datetime], article time[datetime]')?.getAttribute('datetime'),
  ];
  return (function* () {
    for (const read of list) yield read();
  })();
}

/** The page's publication day (YYYY-MM-DD), if it states a plausible one. */
export function pagePublicationDay(doc: Document = document): string | undefined {
  const now = today();
  for (const raw of candidates(doc)) {
    const day = publicationDay(raw, now);
    if (day) return day;
  }
  return undefined;
}
