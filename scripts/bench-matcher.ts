// The matcher's own cost, in Node, over the labelled corpus: as shipped,
// against the same matcher without the Traditional-to-Simplified fold and
// without the topic gate, measured in the same run (peers), so that what
// each costs is a ratio, not one machine's milliseconds. Also the size the
// fold table adds to what pages read (the stored table, compressed).
import { gzipSync } from 'node:zlib';
import { buildAliasTable, type AliasTable } from '../src/core/alias-table';
import type { Dataset } from '../src/core/dataset-schema';
import { Matcher } from '../src/core/matcher';
import { PageContext } from '../src/core/page-context';
import { fixtureNames, loadFixture } from '../tests/labels';

export interface MatcherCosts {
  /** Corpus characters matched per run. */
  chars: number;
  /** Median time to match the corpus once, per variant (ms). */
  shippedMs: number;
  noFoldMs: number;
  noGateMs: number;
  /** Shipped time over each peer's: what the fold and the gate cost. */
  foldRatio: number;
  gateRatio: number;
  /** The fold's pairs in the stored table, gzipped (KB). */
  foldTableGzipKb: number;
}

function paragraphs(): string[] {
  return fixtureNames().flatMap((name) => loadFixture(name).body.split(/\n\s*\n/));
}

/** Matches every paragraph of the corpus as the content script reads a page: one page context per article. */
function matchCorpus(matcher: Matcher, texts: string[]): number {
  let found = 0;
  const page = new PageContext<number>(matcher.table);
  texts.forEach((text, i) => {
    const result = matcher.match(text, page);
    found += result.mentions.length;
    page.record(i, result);
  });
  return found;
}

function medianMs(run: () => void, rounds: number): number {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[(times.length - 1) >> 1]!;
}

export function benchMatcher(dataset: Dataset, rounds = 41): MatcherCosts {
  const table: AliasTable = buildAliasTable(dataset);
  const texts = paragraphs();
  const shipped = new Matcher(table);
  const noFold = new Matcher({ ...table, hanFold: '' });
  const noGate = new Matcher(table, undefined, { topicGate: false });
  // Warm every variant up before timing any, then interleave them so that
  // the machine's drift touches each alike.
  for (const m of [shipped, noFold, noGate]) matchCorpus(m, texts);
  const times = { shipped: [] as number[], noFold: [] as number[], noGate: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    times.shipped.push(medianMs(() => matchCorpus(shipped, texts), 1));
    times.noFold.push(medianMs(() => matchCorpus(noFold, texts), 1));
    times.noGate.push(medianMs(() => matchCorpus(noGate, texts), 1));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
  const shippedMs = median(times.shipped);
  const noFoldMs = median(times.noFold);
  const noGateMs = median(times.noGate);
  return {
    chars: texts.reduce((n, t) => n + t.length, 0),
    shippedMs: +shippedMs.toFixed(2),
    noFoldMs: +noFoldMs.toFixed(2),
    noGateMs: +noGateMs.toFixed(2),
    foldRatio: +(shippedMs / noFoldMs).toFixed(2),
    gateRatio: +(shippedMs / noGateMs).toFixed(2),
    foldTableGzipKb: +(gzipSync(Buffer.from(table.hanFold, 'utf8')).length / 1024).toFixed(1),
  };
}
