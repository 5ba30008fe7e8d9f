// Hand labels of what an article must (and may) have highlighted, and the
// check that the highlights match them: shared by the unit tests (matcher
// on the text) and the browser tests (what the page shows).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Label {
  text: string;
  kind: string;
  canonical: string;
  count: number;
  optional?: boolean;
  /** The dataset entry the mention must resolve to. */
  id?: string;
}

export interface FoundMention {
  text: string;
  id: string;
}

const FIXTURES = join(__dirname, 'fixtures');

export function loadFixture(name: string): { body: string; labels: Label[] } {
  const raw = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
  // The header lines (URL:, TITLE:) are not part of the article text.
  const body = raw.replace(/^(?:[A-Z]+: .*\n)+\n?/, '');
  const labels = JSON.parse(readFileSync(join(FIXTURES, `${name}.labels.json`), 'utf8')) as Label[];
  return { body, labels };
}

function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/**
 * Problems with `found` against the labels, in words; empty when every
 * required label is found as often as it occurs (less the times it sits
 * inside a longer label) and nothing unlabelled is highlighted.
 */
export function labelProblems(body: string, labels: Label[], found: FoundMention[]): string[] {
  const problems: string[] = [];
  for (const mention of found) {
    const ok = labels.some((l) => l.text === mention.text && (l.id === undefined || l.id === mention.id));
    if (!ok) problems.push(`highlighted "${mention.text}" as ${mention.id}, which no label allows`);
  }
  for (const label of labels) {
    if (label.optional) continue;
    const longer = labels.filter((l) => l !== label && l.text.length > label.text.length && l.text.includes(label.text));
    const inside = new Set<number>();
    for (const l of longer) for (const at of occurrences(body, l.text)) inside.add(at + l.text.indexOf(label.text));
    const expected = occurrences(body, label.text).filter((at) => !inside.has(at)).length;
    const actual = found.filter((m) => m.text === label.text && m.id === label.id).length;
    if (actual !== expected) problems.push(`"${label.text}" (${label.id}): expected ${expected} highlights, found ${actual}`);
  }
  return problems;
}
