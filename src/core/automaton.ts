// The Aho-Corasick automaton behind the matcher, in flat typed arrays so it
// can be compiled once per dataset version (by the background, or a test),
// stored as one string, and loaded by every page without rebuilding it.
//
// Characters are first mapped to small class numbers: a character that no
// pattern contains sends the automaton straight back to its root. Each
// node's edges are a run of (class, target) pairs sorted by class; the root
// has a dense table, as nearly every character leaves it.

export const AUTOMATON_FORMAT = 1;

/** The automaton as stored: its alphabet and its arrays, packed into base64. */
export interface CompiledAutomaton {
  format: typeof AUTOMATON_FORMAT;
  /** The characters patterns use; class n is alphabet[n - 1]. */
  alphabet: string;
  /** How many patterns it finds, numbered from 0. */
  patterns: number;
  /** The arrays below, little-endian, each in 16 or 32 bits as `wide` says. */
  data: string;
  wide: boolean;
  nodes: number;
  edges: number;
  outputs: number;
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

  /** Loads a stored automaton; throws when it is not one this code can read. */
  static load(compiled: CompiledAutomaton): Automaton {
    if (compiled.format !== AUTOMATON_FORMAT) throw new Error(`automaton format ${String(compiled.format)}`);
    const { nodes, edges, outputs, patterns, wide } = compiled;
    const counts = [nodes + 1, edges, edges, nodes, nodes, nodes + 1, outputs, patterns];
    const values = unpack(compiled.data, wide, counts.reduce((a, b) => a + b, 0));
    // Views on the decoded data, not copies.
    let at = 0;
    const take = (n: number): Values => values.subarray(at, (at += n));
    const edgeStart = take(nodes + 1);
    const edgeClass = take(edges);
    const edgeTarget = take(edges);
    const fail = take(nodes);
    const outLink = take(nodes);
    const outStart = take(nodes + 1);
    const outPattern = take(outputs);
    const lengths = take(patterns);
    const alphabet = compiled.alphabet;
    // Cheap consistency checks: a damaged copy must fail here, not mid-scan.
    const inRange = (array: ArrayLike<number>, limit: number) => {
      for (let i = 0; i < array.length; i++) if (array[i]! >= limit) return false;
      return true;
    };
    if (
      edgeStart[0] !== 0 ||
      edgeStart[nodes] !== edges ||
      outStart[nodes] !== outputs ||
      !inRange(edgeTarget, nodes) ||
      !inRange(fail, nodes) ||
      !inRange(outLink, nodes) ||
      !inRange(outPattern, patterns) ||
      !inRange(edgeClass, alphabet.length + 1)
    ) {
      throw new Error('automaton arrays are inconsistent');
    }
    return new Automaton(classTable(alphabet), alphabet, patterns, edgeStart, edgeClass, edgeTarget, fail, outLink, outStart, outPattern, lengths, rootTable(alphabet.length, edgeStart, edgeClass, edgeTarget));
  }

  compile(): CompiledAutomaton {
    const arrays = [this.edgeStart, this.edgeClass, this.edgeTarget, this.fail, this.outLink, this.outStart, this.outPattern, this.lengths];
    const wide = arrays.some((a) => a.some((v) => v > 0xffff));
    return {
      format: AUTOMATON_FORMAT,
      alphabet: this.alphabet,
      patterns: this.patternCount,
      data: pack(arrays, wide),
      wide,
      nodes: this.fail.length,
      edges: this.edgeClass.length,
      outputs: this.outPattern.length,
    };
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

// Typed arrays use the platform's byte order; every platform browsers run
// on is little-endian, and loading checks the length and ranges anyway.
function pack(arrays: ArrayLike<number>[], wide: boolean): string {
  const total = arrays.reduce((n, a) => n + a.length, 0);
  const values = wide ? new Uint32Array(total) : new Uint16Array(total);
  let at = 0;
  for (const array of arrays) {
    values.set(array, at);
    at += array.length;
  }
  const bytes = new Uint8Array(values.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function unpack(data: string, wide: boolean, count: number): Values {
  const bytes = decodeBase64(data);
  if (bytes.length !== count * (wide ? 4 : 2)) throw new Error('automaton data has the wrong length');
  return wide ? new Uint32Array(bytes.buffer, 0, count) : new Uint16Array(bytes.buffer, 0, count);
}

type WithBase64 = typeof Uint8Array & { fromBase64?: (data: string) => Uint8Array };

function decodeBase64(data: string): Uint8Array {
  // Native where the browser has it (Chromium 140+, Firefox 133+): far faster than a loop.
  const native = (Uint8Array as WithBase64).fromBase64;
  if (native) return native(data);
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
