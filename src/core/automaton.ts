// The Aho-Corasick automaton behind the matcher, in flat typed arrays so it
// can be compiled once per dataset version (by the background, or a test),
// stored as bytes, and loaded by every page without rebuilding it.
//
// Characters are first mapped to small class numbers: a character that no
// pattern contains sends the automaton straight back to its root. Nodes are
// numbered breadth first, and each node's edges are a run of classes sorted
// by class; so edge e always leads to node e + 1, and no targets are stored.
// The root has a dense table, as nearly every character leaves it.
//
// Loading must be cheap (every page does it, with cold code): the stored
// arrays are used as they are, with no pass over them in script. Where node
// n's edges start is stored less n (see `edgeGap`): the offsets themselves
// compress to nearly twice the size, and summing stored counts instead took
// a cold loop 5-10 ms on every page.
// Failure and output links always lead to an earlier (shallower) node, and
// patterns at one node are chained forwards; the scan follows a link only
// when it does, so a damaged copy cannot send it round in circles.

const AUTOMATON_FORMAT = 3;

/** What a stored automaton's bytes need beside them to be read back. */
export interface AutomatonShape {
  format: typeof AUTOMATON_FORMAT;
  /** The characters patterns use; class n is alphabet[n - 1]. */
  alphabet: string;
  /** How many patterns it finds, numbered from 0. */
  patterns: number;
  nodes: number;
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
    /**
     * Node n's edges are edgeClass[s(n) .. s(n + 1)) with s(n) = edgeGap[n] + n - 1; edge e
     * leads to node e + 1. Every node up to n hangs off an edge of an
     * earlier one, so s(n) >= n and the stored value is at least 1 (0 for the end, s(nodes) = nodes - 1).
     */
    private readonly edgeGap: Values,
    private readonly edgeClass: Values,
    private readonly fail: Values,
    /** The nearest node on the failure chain with outputs, or 0. */
    private readonly outLink: Values,
    /** Node n's first pattern plus 1 (0: none); further ones follow through `samePattern`. */
    private readonly firstPattern: Values,
    /** The next pattern plus 1 ending at the same node as pattern p (0: none). */
    private readonly samePattern: Values,
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
    // Stryker disable next-line ArrayDeclaration: only an empty pattern ends at the root (aliases never are), and a made-up one there turns into no number
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
    // order[n]: the trie node that becomes node n.
    const order = [0];
    const edgeClasses: number[] = [];
    const edgeStart = new Uint32Array(nodes + 1);
    for (let n = 0; n < order.length; n++) {
      const sorted = [...children[order[n]!]!].sort((a, b) => a[0] - b[0]);
      for (const [cls, child] of sorted) {
        edgeClasses.push(cls);
        order.push(child);
      }
      edgeStart[n + 1] = edgeClasses.length;
    }
    const edgeClass = new Uint32Array(edgeClasses);
    const firstPattern = new Uint32Array(nodes);
    const samePattern = new Uint32Array(patterns.length);
    order.forEach((trieNode, n) => {
      const here = outputs[trieNode]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: with no pattern here, undefined + 1 stores as 0, the value already there
      if (here.length > 0) firstPattern[n] = here[0]! + 1;
      for (let k = 1; k < here.length; k++) samePattern[here[k - 1]!] = here[k]! + 1;
    });
    const lengths = new Uint32Array(patterns.map((p) => p.length));
    const fail = new Uint32Array(nodes);
    const outLink = new Uint32Array(nodes);
    const edgeGap = Uint32Array.from(edgeStart, (start, n) => start + 1 - n);
    const automaton = new Automaton(
      classOf,
      alphabet,
      patterns.length,
      edgeGap,
      edgeClass,
      fail,
      outLink,
      firstPattern,
      samePattern,
      lengths,
      rootTable(alphabet.length, edgeGap, edgeClass),
    );
    // Failure links, breadth first: a node's link is the longest proper
    // suffix of its text that is also a node.
    // Stryker disable next-line EqualityOperator: one past the last node its edges run from edgeStart[nodes] to undefined, which is none
    for (let node = 1; node < nodes; node++) {
      // Stryker disable next-line EqualityOperator: the extra edge is a later node's, which sets the same links again before any are read
      for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
        const child = e + 1;
        const cls = edgeClass[e]!;
        let f = fail[node]!;
        let target = automaton.child(f, cls);
        while (target < 0 && f !== 0) {
          f = fail[f]!;
          target = automaton.child(f, cls);
        }
        // `target` is never `child` itself: it hangs off a node on `node`'s
        // failure chain, which is shallower than `node`, so it is no deeper
        // than `node` while `child` is one step deeper.
        fail[child] = Math.max(target, 0);
        const failNode = fail[child]!;
        outLink[child] = firstPattern[failNode]! > 0 ? failNode : outLink[failNode]!;
      }
    }
    return automaton;
  }

  /** The automaton as bytes. Values are little-endian, as typed arrays are on every browser platform. */
  toBytes(): { shape: AutomatonShape; bytes: Uint8Array } {
    const nodes = this.fail.length;
    const arrays = [this.edgeGap, this.edgeClass, this.fail, this.outLink, this.firstPattern, this.samePattern, this.lengths];
    const wide = arrays.some((a) => a.some((v) => v > 0xffff));
    const total = arrays.reduce((n, a) => n + a.length, 0);
    const values = wide ? new Uint32Array(total) : new Uint16Array(total);
    let at = 0;
    for (const array of arrays) {
      values.set(array, at);
      at += array.length;
    }
    const shape: AutomatonShape = { format: AUTOMATON_FORMAT, alphabet: this.alphabet, patterns: this.patternCount, nodes, wide };
    return { shape, bytes: new Uint8Array(values.buffer) };
  }

  /** How many bytes `toBytes` wrote for `shape`. */
  static byteLength({ nodes, patterns, wide }: AutomatonShape): number {
    // Edge starts (one more than nodes), classes (one edge per node but the
    // root), failure and output links, first patterns; then the
    // next-pattern links and lengths.
    return (5 * nodes + 2 * patterns) * (wide ? 4 : 2);
  }

  /** Reads back what `toBytes` wrote; throws when the bytes do not fit the shape. */
  static fromBytes(shape: AutomatonShape, bytes: Uint8Array): Automaton {
    if (shape.format !== AUTOMATON_FORMAT) throw new Error(`automaton format ${String(shape.format)}`);
    const { nodes, patterns, wide } = shape;
    if (!(Number.isInteger(nodes) && nodes >= 1 && Number.isInteger(patterns) && patterns >= 0)) throw new Error('automaton shape is not valid');
    if (bytes.length !== Automaton.byteLength(shape)) throw new Error('automaton data has the wrong length');
    const count = bytes.length / (wide ? 4 : 2);
    // A view, not a copy; the bytes are copied once if misaligned.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const values = wide ? new Uint32Array(aligned.buffer, aligned.byteOffset, count) : new Uint16Array(aligned.buffer, aligned.byteOffset, count);
    let at = 0;
    const take = (n: number): Values => {
      at += n;
      return values.subarray(at - n, at);
    };
    const edgeGap = take(nodes + 1);
    const edgeClass = take(nodes - 1);
    const fail = take(nodes);
    const outLink = take(nodes);
    const firstPattern = take(nodes);
    const samePattern = take(patterns);
    const lengths = take(patterns);
    const alphabet = shape.alphabet;
    // Bounded edge starts keep each step of a scan short however they are
    // damaged; links to earlier nodes are within the arrays, and the scan
    // checks that they are earlier.
    const bounded = edgeGap[0] === 1 && edgeGap[nodes] === 0 && indexesWithin(shape, alphabet.length, edgeGap, edgeClass, firstPattern);
    if (!bounded || maxOf(samePattern) > patterns) throw new Error('automaton arrays are inconsistent');
    return new Automaton(
      classTable(alphabet),
      alphabet,
      patterns,
      edgeGap,
      edgeClass,
      fail,
      outLink,
      firstPattern,
      samePattern,
      lengths,
      rootTable(alphabet.length, edgeGap, edgeClass),
    );
  }

  /** The child of `node` by class `cls`, or -1. */
  private child(node: number, cls: number): number {
    if (node === 0) {
      const next = this.rootNext[cls]!;
      return next === 0 ? -1 : next;
    }
    const end = this.edgeGap[node + 1]! + node;
    for (let e = this.edgeGap[node]! + node - 1; e < end; e++) {
      const c = this.edgeClass[e]!;
      if (c === cls) return e + 1;
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
    const { classOf, fail, outLink, firstPattern, samePattern } = this;
    let node = 0;
    // Stryker disable next-line EqualityOperator: one past the end reads NaN, whose class is no edge's, so nothing is found there
    for (let i = 0; i < text.length; i++) {
      const cls = classOf[text.charCodeAt(i)]!;
      // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; class 0 is on no edge, so the walk below returns to the root as well
      if (cls === 0) {
        node = 0;
        continue;
      }
      let next = this.child(node, cls);
      while (next < 0 && node !== 0) {
        // Each link leads to an earlier node (else to the root): a loop ends.
        const f = fail[node]!;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: built links always lead to an earlier node; only damaged copies do not, and those are scanned in a child process (damaged-automaton.probe.ts), out of Stryker's reach
        node = f < node ? f : 0;
        next = this.child(node, cls);
      }
      node = Math.max(next, 0);
      for (let out = firstPattern[node]! > 0 ? node : outLink[node]!; out > 0 && out <= node; ) {
        for (let p = firstPattern[out]!; p > 0; ) {
          found.push(i + 1, p - 1);
          const same = samePattern[p - 1]!;
          // Stryker disable next-line ConditionalExpression,EqualityOperator: built chains always lead forwards; only damaged copies do not, and those are scanned in a child process (damaged-automaton.probe.ts), out of Stryker's reach
          p = same > p ? same : 0;
        }
        const link = outLink[out]!;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: built links always lead to an earlier node; only damaged copies do not, and those are scanned in a child process (damaged-automaton.probe.ts), out of Stryker's reach
        out = link < out ? link : 0;
      }
    }
  }
}

/** A growable list of (end, pattern) pairs, reused between scans. */
export class Hits {
  values = new Uint32Array(256);
  length = 0;

  push(end: number, pattern: number): void {
    // Stryker disable next-line EqualityOperator: growing one push early keeps the same values
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
  // Stryker disable next-line EqualityOperator: one past the end writes table[NaN], which a typed array ignores
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i + 1;
  return table;
}

function rootTable(classes: number, edgeGap: Values, edgeClass: Values): Uint32Array {
  const next = new Uint32Array(classes + 1);
  // The root's edges start at 0 and end where node 1's start.
  for (let e = 0; e < edgeGap[1]!; e++) next[edgeClass[e]!] = e + 1;
  return next;
}

/**
 * Whether the edge starts, edge classes and first patterns stay within the
 * nodes, classes and patterns there are. One loop over the three arrays at
 * once: this runs cold on every page, and the arrays have one value per node
 * (about 100,000), so a pass per array, or a sorted copy of each, costs
 * several times more.
 */
function indexesWithin({ nodes, patterns }: AutomatonShape, classes: number, edgeGap: Values, edgeClass: Values, firstPattern: Values): boolean {
  let gap = edgeGap[nodes - 1]! | 0;
  let cls = 0;
  let first = firstPattern[nodes - 1]! | 0;
  for (let i = 0; i < nodes - 1; i++) {
    const g = edgeGap[i]!;
    const c = edgeClass[i]!;
    const f = firstPattern[i]!;
    if (g > gap) gap = g;
    if (c > cls) cls = c;
    if (f > first) first = f;
  }
  return gap <= nodes && cls <= classes && first <= patterns;
}

/**
 * The largest value. Sorted by the engine (a builtin, fast even the first
 * time): a loop here, or Math.max over a spread, runs cold on every page
 * (13-18 ms for the automaton's arrays, against 2-5 for a plain loop).
 */
export function maxOf(values: Values): number {
  return values.length === 0 ? 0 : values.slice().sort()[values.length - 1]!;
}
