// Hand labels of what an article must (and may) have highlighted, and the
// check that the highlights match them: shared by the unit tests (matcher
// on the text) and the browser tests (what the page shows).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Label {
  text: string;
  kind: string;
  canonical?: string;
  count: number;
  optional?: boolean;
  /** The dataset entry the mention must resolve to; null when the dataset lacks it. */
  id?: string | null;
  /** In scope, but the dataset has no entry for it yet. */
  missing?: boolean;
}

interface Lookalike {
  text: string;
  why: string;
}

export interface Fixture {
  name: string;
  header: Record<string, string>;
  lang: 'en' | 'ru' | 'zh';
  body: string;
  labels: Label[];
  lookalikes: Lookalike[];
}

export interface FoundMention {
  text: string;
  id: string;
}

const FIXTURES = fileURLToPath(new URL('fixtures', import.meta.url));

export function loadFixture(name: string, dir = FIXTURES): Fixture {
  const raw = readFileSync(join(dir, `${name}.txt`), 'utf8');
  // The header lines (URL:, TITLE:, LANG:, DATE:) are not part of the article text.
  const headerBlock = /^(?:[A-Z]+: .*\n)+\n?/.exec(raw)?.[0] ?? '';
  const header: Record<string, string> = {};
  for (const line of headerBlock.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) header[line.slice(0, at)] = line.slice(at + 2);
  }
  const body = raw.slice(headerBlock.length);
  const labels = JSON.parse(readFileSync(join(dir, `${name}.labels.json`), 'utf8')) as Label[];
  const lookalikesFile = join(dir, `${name}.lookalikes.json`);
  const lookalikes = existsSync(lookalikesFile) ? (JSON.parse(readFileSync(lookalikesFile, 'utf8')) as Lookalike[]) : [];
  const lang = (header.LANG ?? guessLang(body)) as Fixture['lang'];
  return { name, header, lang, body, labels, lookalikes };
}

export function fixtureNames(dir = FIXTURES): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.labels.json'))
    .map((f) => f.replace(/\.labels\.json$/, ''))
    .sort();
}

function guessLang(text: string): string {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  const han = count(/\p{Script=Han}/gu);
  const cyr = count(/\p{Script=Cyrillic}/gu);
  const lat = count(/\p{Script=Latin}/gu);
  if (han > cyr && han > lat / 3) return 'zh';
  return cyr > lat ? 'ru' : 'en';
}

export function occurrences(text: string, needle: string): number[] {
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
