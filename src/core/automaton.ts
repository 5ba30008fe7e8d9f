// The Aho-Corasick automaton behind the matcher, in flat typed arrays so it
// can be compiled once per dataset version (by the background, or a test),
// stored as bytes, and loaded by every page without rebuilding it.
//
// Characters are first mapped to small class numbers: a character that no
// pattern contains sends the automaton straight back to its root. Each
// node's edges are a run of (class, target) pairs sorted by class; the root
// has a dense table, as nearly every character leaves it.

export const AUTOMATON_FORMAT = 1;

/** What a stored automaton's bytes need beside them to be read back. */
export interface AutomatonShape {
  format: typeof AUTOMATON_FORMAT;
  /** The characters patterns use; class n is alphabet[n - 1]. */
  alphabet: string;
  /** How many patterns it finds, numbered from 0. */
  patterns: number;
  nodes: number;
  edges: number;
  outputs: number;
  /** Values in 32 bits (else 16). */
  wide: boolean;
}

/** Built automata hold 32-bit arrays; loaded ones are views on the stored data, in 16 bits when it fits. */
type Values = Uint16Array | Uint32Array;

export class Automaton {
  private constructor(
    /** Class of each UTF-16 code unit (0: in no pattern). */
    private readonly classOf: Uint16Array,
    private readonly alphabet: string,
    private readonly patternCount: number,
    /** Node n's edges are edgeClass/edgeTarget[edgeStart[n] .. edgeStart[n + 1]). */
    private readonly edgeStart: Values,
    private readonly edgeClass: Values,
    private readonly edgeTarget: Values,
    private readonly fail: Values,
    /** The nearest node on the failure chain with outputs, or 0. */
    private readonly outLink: Values,
    /** Node n's patterns are outPattern[outStart[n] .. outStart[n + 1]). */
    private readonly outStart: Values,
    private readonly outPattern: Values,
    /** Length of each pattern. */
    readonly lengths: Values,
    private readonly rootNext: Uint32Array,
  ) {}

  /** Builds the automaton for `patterns`; pattern i is reported as number i. */
  static build(patterns: readonly string[]): Automaton {
    const alphabetSet = new Set<number>();
    for (const p of patterns) for (let i = 0; i < p.length; i++) alphabetSet.add(p.charCodeAt(i));
    const alphabetCodes = [...alphabetSet].sort((a, b) => a - b);
    const alphabet = String.fromCharCode(...alphabetCodes);
    const classOf = classTable(alphabet);

    // A trie with its children in maps, then flattened breadth first.
    const children: Map<number, number>[] = [new Map()];
    const outputs: number[][] = [[]];
    patterns.forEach((pattern, index) => {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const cls = classOf[pattern.charCodeAt(i)]!;
        let child = children[node]!.get(cls);
        if (child === undefined) {
          child = children.length;
          children[node]!.set(cls, child);
          children.push(new Map());
          outputs.push([]);
        }
        node = child;
      }
      outputs[node]!.push(index);
    });
    const nodes = children.length;
    const edgeStart = new Uint32Array(nodes + 1);
    for (let n = 0; n < nodes; n++) edgeStart[n + 1] = edgeStart[n]! + children[n]!.size;
    const edgeClass = new Uint16Array(edgeStart[nodes]!);
    const edgeTarget = new Uint32Array(edgeStart[nodes]!);
    for (let n = 0; n < nodes; n++) {
      const sorted = [...children[n]!].sort((a, b) => a[0] - b[0]);
      sorted.forEach(([cls, target], k) => {
        edgeClass[edgeStart[n]! + k] = cls;
        edgeTarget[edgeStart[n]! + k] = target;
      });
    }
    const outStart = new Uint32Array(nodes + 1);
    for (let n = 0; n < nodes; n++) outStart[n + 1] = outStart[n]! + outputs[n]!.length;
    const outPattern = new Uint32Array(outputs.flat());
    const lengths = new Uint32Array(patterns.map((p) => p.length));

    const fail = new Uint32Array(nodes);
    const outLink = new Uint32Array(nodes);
    const automaton = new Automaton(classOf, alphabet, patterns.length, edgeStart, edgeClass, edgeTarget, fail, outLink, outStart, outPattern, lengths, rootTable(alphabet.length, edgeStart, edgeClass, edgeTarget));
    // Failure links, breadth first: a node's link is the longest proper
    // suffix of its text that is also a node.
    const queue: number[] = [];
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) queue.push(edgeTarget[e]!);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
        const child = edgeTarget[e]!;
        const cls = edgeClass[e]!;
        let f = fail[node]!;
        let target = automaton.child(f, cls);
        while (target < 0 && f !== 0) {
          f = fail[f]!;
          target = automaton.child(f, cls);
        }
        fail[child] = target > 0 && target !== child ? target : 0;
        const failNode = fail[child]!;
        outLink[child] = outStart[failNode + 1]! > outStart[failNode]! ? failNode : outLink[failNode]!;
        queue.push(child);
      }
    }
    return automaton;
  }

  /**
   * The automaton as bytes that compress well: per-node counts instead of
   * offsets, and edge targets relative to their node (mostly 1 in a trie).
   * Values are little-endian, as typed arrays are on every browser platform.
   */
  toBytes(): { shape: AutomatonShape; bytes: Uint8Array } {
    const nodes = this.fail.length;
    const edgeCount = new Uint32Array(nodes);
    const outCount = new Uint32Array(nodes);
    const targetDelta = new Uint32Array(this.edgeTarget.length);
    for (let n = 0; n < nodes; n++) {
      edgeCount[n] = this.edgeStart[n + 1]! - this.edgeStart[n]!;
      outCount[n] = this.outStart[n + 1]! - this.outStart[n]!;
      for (let e = this.edgeStart[n]!; e < this.edgeStart[n + 1]!; e++) targetDelta[e] = this.edgeTarget[e]! - n;
    }
    const arrays = [edgeCount, this.edgeClass, targetDelta, this.fail, this.outLink, outCount, this.outPattern, this.lengths];
    const wide = arrays.some((a) => a.some((v) => v > 0xffff));
    const total = arrays.reduce((n, a) => n + a.length, 0);
    const values = wide ? new Uint32Array(total) : new Uint16Array(total);
    let at = 0;
    for (const array of arrays) {
      values.set(array, at);
      at += array.length;
    }
    const shape: AutomatonShape = {
      format: AUTOMATON_FORMAT,
      alphabet: this.alphabet,
      patterns: this.patternCount,
      nodes,
      edges: this.edgeClass.length,
      outputs: this.outPattern.length,
      wide,
    };
    return { shape, bytes: new Uint8Array(values.buffer) };
  }

  /** Reads back what `toBytes` wrote; throws when the bytes do not fit the shape. */
  static fromBytes(shape: AutomatonShape, bytes: Uint8Array): Automaton {
    if (shape.format !== AUTOMATON_FORMAT) throw new Error(`automaton format ${String(shape.format)}`);
    const { nodes, edges, outputs, patterns, wide } = shape;
    const count = nodes + 2 * edges + 3 * nodes + outputs + patterns;
    if (bytes.length !== count * (wide ? 4 : 2)) throw new Error('automaton data has the wrong length');
    // A view, not a copy; the bytes are copied once if misaligned.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const values = wide ? new Uint32Array(aligned.buffer, aligned.byteOffset, count) : new Uint16Array(aligned.buffer, aligned.byteOffset, count);
    let at = 0;
    const take = (n: number): Values => values.subarray(at, (at += n));
    const edgeCount = take(nodes);
    const edgeClass = take(edges);
    const targetDelta = take(edges);
    const fail = take(nodes);
    const outLink = take(nodes);
    const outCount = take(nodes);
    const outPattern = take(outputs);
    const lengths = take(patterns);
    const edgeStart = new Uint32Array(nodes + 1);
    const outStart = new Uint32Array(nodes + 1);
    const edgeTarget = new Uint32Array(edges);
    for (let n = 0; n < nodes; n++) {
      edgeStart[n + 1] = edgeStart[n]! + edgeCount[n]!;
      outStart[n + 1] = outStart[n]! + outCount[n]!;
    }
    if (edgeStart[nodes] !== edges || outStart[nodes] !== outputs) throw new Error('automaton arrays are inconsistent');
    // Consistency checks in the same passes: a damaged copy must fail here,
    // not send a scan out of its arrays or round a loop for ever.
    const alphabet = shape.alphabet;
    let bad = false;
    for (let n = 0; n < nodes; n++) {
      bad ||= fail[n]! >= nodes || outLink[n]! >= nodes;
      for (let e = edgeStart[n]!; e < edgeStart[n + 1]!; e++) {
        const target = n + targetDelta[e]!;
        edgeTarget[e] = target;
        bad ||= target >= nodes || edgeClass[e]! > alphabet.length;
      }
    }
    for (let k = 0; k < outputs; k++) bad ||= outPattern[k]! >= patterns;
    if (bad) throw new Error('automaton arrays are inconsistent');
    return new Automaton(classTable(alphabet), alphabet, patterns, edgeStart, edgeClass, edgeTarget, fail, outLink, outStart, outPattern, lengths, rootTable(alphabet.length, edgeStart, edgeClass, edgeTarget));
  }

  /** The child of `node` by class `cls`, or -1. */
  private child(node: number, cls: number): number {
    if (node === 0) {
      const next = this.rootNext[cls]!;
      return next === 0 ? -1 : next;
    }
    const end = this.edgeStart[node + 1]!;
    for (let e = this.edgeStart[node]!; e < end; e++) {
      const c = this.edgeClass[e]!;
      if (c === cls) return this.edgeTarget[e]!;
      if (c > cls) break;
    }
    return -1;
  }

  /**
   * Every occurrence of every pattern in `text`, as pairs in `found` (which
   * is emptied first): the end offset (exclusive) and the pattern number.
   */
  scan(text: string, found: Hits): void {
    found.length = 0;
    const { classOf, fail, outLink, outStart, outPattern } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const cls = classOf[text.charCodeAt(i)]!;
      if (cls === 0) {
        node = 0;
        continue;
      }
      let next = this.child(node, cls);
      while (next < 0 && node !== 0) {
        node = fail[node]!;
        next = this.child(node, cls);
      }
      node = next < 0 ? 0 : next;
      for (let out = outStart[node + 1]! > outStart[node]! ? node : outLink[node]!; out > 0; out = outLink[out]!) {
        for (let k = outStart[out]!; k < outStart[out + 1]!; k++) found.push(i + 1, outPattern[k]!);
      }
    }
  }
}

/** A growable list of (end, pattern) pairs, reused between scans. */
export class Hits {
  values = new Uint32Array(256);
  length = 0;

  push(end: number, pattern: number): void {
    if (this.length + 2 > this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = end;
    this.values[this.length++] = pattern;
  }
}

function classTable(alphabet: string): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i + 1;
  return table;
}

function rootTable(classes: number, edgeStart: Values, edgeClass: Values, edgeTarget: Values): Uint32Array {
  const next = new Uint32Array(classes + 1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) next[edgeClass[e]!] = edgeTarget[e]!;
  return next;
}
