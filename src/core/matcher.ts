// Finds every alias of the dataset in a text in one pass (Aho-Corasick over
// normalised text), then keeps the leftmost-longest non-overlapping matches
// that stand on word boundaries and, for acronyms, in the right case.
import type { AliasPattern, AliasTable } from './alias-table';
import { isSpacedWordChar, normalizeText } from './normalize';

export interface Mention {
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
  /** Index into the alias table's `entries`. */
  entry: number;
}

interface Candidate {
  start: number;
  end: number;
  pattern: number;
}

export class Matcher {
  readonly table: AliasTable;
  // The automaton as flat arrays: one map of goto edges keyed by
  // node * 2^16 + code unit, each node's child codes (for linking), its
  // failure link, the patterns ending exactly there, and the nearest suffix
  // node that has patterns.
  private readonly goto = new Map<number, number>();
  private readonly childCodes: number[][] = [[]];
  private readonly fail: number[] = [0];
  private readonly output: (number[] | undefined)[] = [undefined];
  private readonly outLink: number[] = [-1];

  constructor(table: AliasTable) {
    this.table = table;
    table.patterns.forEach((pattern, index) => this.insert(pattern, index));
    this.link();
  }

  private next(node: number, code: number): number | undefined {
    return this.goto.get(node * 0x10000 + code);
  }

  private insert(pattern: AliasPattern, index: number): void {
    let node = 0;
    for (let i = 0; i < pattern.text.length; i++) {
      const code = pattern.text.charCodeAt(i);
      let child = this.next(node, code);
      if (child === undefined) {
        child = this.fail.length;
        this.goto.set(node * 0x10000 + code, child);
        this.childCodes[node]!.push(code);
        this.childCodes.push([]);
        this.fail.push(0);
        this.output.push(undefined);
        this.outLink.push(-1);
      }
      node = child;
    }
    (this.output[node] ??= []).push(index);
  }

  private link(): void {
    const queue: number[] = [];
    for (const code of this.childCodes[0]!) queue.push(this.next(0, code)!);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const code of this.childCodes[node]!) {
        const child = this.next(node, code)!;
        let f = this.fail[node]!;
        while (f !== 0 && this.next(f, code) === undefined) f = this.fail[f]!;
        const target = this.next(f, code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const failNode = this.fail[child]!;
        this.outLink[child] = this.output[failNode] ? failNode : this.outLink[failNode]!;
        queue.push(child);
      }
    }
  }

  /** All mentions in `text`, in order, none overlapping. */
  findMentions(text: string): Mention[] {
    const folded = normalizeText(text);
    const candidates = this.scan(folded.text);
    if (candidates.length === 0) return [];
    const accepted: Candidate[] = [];
    for (const candidate of candidates) {
      if (!this.onWordBoundary(folded.text, candidate)) continue;
      const pattern = this.table.patterns[candidate.pattern]!;
      if (pattern.cased !== undefined) {
        // Case is checked on the original stretch, normalised without folding.
        const original = text.slice(folded.starts[candidate.start], folded.ends[candidate.end - 1]);
        if (normalizeText(original, false).text !== pattern.cased) continue;
      }
      accepted.push(candidate);
    }
    return pickLongest(accepted).map((c) => ({
      start: folded.starts[c.start]!,
      end: folded.ends[c.end - 1]!,
      entry: this.table.patterns[c.pattern]!.entry,
    }));
  }

  private scan(text: string): Candidate[] {
    const found: Candidate[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next = this.next(node, code);
      while (next === undefined && node !== 0) {
        node = this.fail[node]!;
        next = this.next(node, code);
      }
      node = next ?? 0;
      for (let out = this.output[node] ? node : this.outLink[node]!; out > 0; out = this.outLink[out]!) {
        for (const pattern of this.output[out]!) {
          const length = this.table.patterns[pattern]!.text.length;
          found.push({ start: i + 1 - length, end: i + 1, pattern });
        }
      }
    }
    return found;
  }

  // Latin and Cyrillic names must not be part of a longer word ("EAR" in
  // "YEAR", "H20" in "H200"); Chinese has no spaces, so CJK neighbours are fine.
  private onWordBoundary(text: string, c: Candidate): boolean {
    const first = text[c.start];
    const last = text[c.end - 1];
    if (isSpacedWordChar(first) && isSpacedWordChar(text[c.start - 1])) return false;
    if (isSpacedWordChar(last) && isSpacedWordChar(text[c.end])) return false;
    return true;
  }
}

/** Leftmost-longest selection: at each start the longest match wins. */
function pickLongest(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const picked: Candidate[] = [];
  let reach = 0;
  for (const candidate of candidates) {
    if (candidate.start < reach) continue;
    picked.push(candidate);
    reach = candidate.end;
  }
  return picked;
}
