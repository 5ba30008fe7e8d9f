import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Automaton, type AutomatonShape, Hits } from './automaton';

/** Every (end, pattern) pair found by plain string search, sorted. */
function naive(patterns: string[], text: string): number[][] {
  const out: number[][] = [];
  patterns.forEach((p, index) => {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push([at + p.length, index]);
  });
  return out.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
}

function found(automaton: Automaton, text: string): number[][] {
  const hits = new Hits();
  automaton.scan(text, hits);
  const out: number[][] = [];
  for (let k = 0; k < hits.length; k += 2) out.push([hits.values[k]!, hits.values[k + 1]!]);
  return out.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
}

describe('Automaton', () => {
  const patterns = ['h20', 'h200', '20', 'huawei', 'hua', 'ascend 910b', '910b', '910', 'a', 'aa', 'aaa', '英伟达', '伟达', 'хуавэй', 'entity list'];
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const alphabet = 'h20aua9 1bntily英伟达хуавэйxz';
  const texts = Array.from({ length: 400 }, () =>
    Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
  );
  texts.push('huawei ascend 910b h200 entity list 英伟达 хуавэй aaaa');

  it('keeps every hit of a scan with more of them than its first buffer holds', () => {
    const automaton = Automaton.build(['ab']);
    const hits = new Hits();
    automaton.scan('ab'.repeat(300), hits);
    expect(hits.length).toBe(600);
    expect([...hits.values.subarray(0, hits.length)]).toEqual(Array.from({ length: 300 }, (_, i) => [2 * i + 2, 0]).flat());
  });

  it('finds every occurrence of every pattern, overlaps included', () => {
    const automaton = Automaton.build(patterns);
    for (const text of texts) expect(found(automaton, text)).toEqual(naive(patterns, text));
  });

  it('finds the same after being stored and loaded again', () => {
    const { shape, bytes } = Automaton.build(patterns).toBytes();
    const loaded = Automaton.fromBytes(JSON.parse(JSON.stringify(shape)), bytes.slice());
    for (const text of texts) expect(found(loaded, text)).toEqual(naive(patterns, text));
  });

  it('stores large automata in 32-bit values', () => {
    // More than 65,535 patterns: pattern numbers no longer fit 16 bits.
    const many = Array.from({ length: 70000 }, (_, i) => `w${i.toString(36)}y`);
    const { shape, bytes } = Automaton.build(many).toBytes();
    expect(shape.wide).toBe(true);
    const text = 'a w1ekfy b wy w0y';
    expect(found(Automaton.fromBytes(shape, bytes), text)).toEqual(naive(many, text));
    expect(naive(many, text).length).toBe(2);
  }, 30_000);

  it('refuses a damaged copy instead of matching wrongly', () => {
    const { shape, bytes } = Automaton.build(patterns).toBytes();
    expect(() => Automaton.fromBytes(shape, bytes.subarray(8))).toThrow(/wrong length/);
    expect(() => Automaton.fromBytes({ ...shape, patterns: shape.patterns + 2, nodes: shape.nodes - 1 }, bytes)).toThrow();
    // High bytes all set: counts and links far past the ends of the arrays.
    const damaged = bytes.slice();
    damaged.fill(0xff, bytes.length / 2, bytes.length);
    expect(() => Automaton.fromBytes(shape, damaged)).toThrow(/inconsistent/);
    // Edge starts past the end: a scan would step through them one by one.
    const far = new Uint16Array(bytes.buffer.slice(0));
    far[3] = 0xfff0;
    expect(() => Automaton.fromBytes(shape, new Uint8Array(far.buffer))).toThrow(/inconsistent/);
  });

  it('refuses a single index out of bounds in any array, first or last', () => {
    const { shape, bytes } = Automaton.build(patterns).toBytes();
    const { nodes } = shape;
    // The layout of toBytes: edge starts (nodes + 1), classes (nodes - 1), failure and output links, first patterns.
    const firstPatternAt = nodes + 1 + nodes - 1 + 2 * nodes;
    const cases: [at: number, value: number][] = [
      [1, nodes + 1],
      [nodes - 1, nodes + 1],
      [nodes + 1, shape.alphabet.length + 1],
      [2 * nodes - 1, shape.alphabet.length + 1],
      [firstPatternAt, shape.patterns + 1],
      [firstPatternAt + nodes - 1, shape.patterns + 1],
    ];
    for (const [at, value] of cases) {
      const values = new Uint16Array(bytes.buffer.slice(0));
      values[at] = value;
      expect(() => Automaton.fromBytes(shape, new Uint8Array(values.buffer)), `value ${value} at ${at}`).toThrow(/inconsistent/);
    }
  });

  describe('damaged copies', () => {
    // Scanned in a child process with a time limit: a scan that loops for
    // ever is synchronous, and would hang this process instead of failing.
    // Run once, by the first test that asks: not as the file loads, which
    // Stryker does again for every mutant (and these tests cover none).
    let run: SpawnSyncReturns<string> | undefined;
    const result = () => {
      run ??= spawnSync(join(__dirname, '../../node_modules/.bin/tsx'), [join(__dirname, 'damaged-automaton.probe.ts')], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      if (run.error || run.status !== 0) throw new Error(`the scan did not end: ${run.error?.message ?? run.stderr}`);
      return JSON.parse(run.stdout) as { patterns: string[]; text: string; edgesOutOfOrder: number[][]; linksInCircles: number[][] };
    };

    it('ends its scan when a damaged copy has edge starts out of order', () => {
      expect(Array.isArray(result().edgesOutOfOrder)).toBe(true);
    }, 30_000);

    it('ends its scan when a damaged copy has links that go round in circles, and still finds what it walks straight into', () => {
      const { patterns: walked, text, linksInCircles } = result();
      expect(linksInCircles.length).toBeGreaterThan(0);
      expect(linksInCircles.every(([end, p]) => text.slice(end! - walked[p!]!.length, end) === walked[p!])).toBe(true);
    }, 30_000);
  });

  it('numbers nodes breadth first, so a text is found by walking edges to node e + 1', () => {
    // The same patterns in another order give the same matches.
    const reversed = [...patterns].reverse();
    const automaton = Automaton.build(reversed);
    for (const text of texts) expect(found(automaton, text)).toEqual(naive(reversed, text));
  });

  it('copes with no patterns at all', () => {
    expect(found(Automaton.build([]), 'anything')).toEqual([]);
  });

  it('reports each of several patterns with the same text, built or loaded', () => {
    // Two entries may share a spelling: each pattern is reported.
    const same = ['ab', 'x', 'ab', 'ab'];
    const built = Automaton.build(same);
    const { shape, bytes } = built.toBytes();
    for (const automaton of [built, Automaton.fromBytes(shape, bytes)]) {
      expect(found(automaton, 'zab')).toEqual([
        [3, 0],
        [3, 2],
        [3, 3],
      ]);
    }
  });

  it('finds a pattern that ends inside a longer one two failure steps back', () => {
    // After "abcab" the longest suffix that is a node is "ab", which has no "d"; "b" has.
    const nested = ['abcabd', 'bd', 'abc'];
    for (const text of ['abcabd', 'xabcabdbd']) expect(found(Automaton.build(nested), text)).toEqual(naive(nested, text));
  });

  it('lists the characters its patterns use once each, in code order', () => {
    expect(Automaton.build(['cab', 'b', 'д', 'a1']).toBytes().shape.alphabet).toBe('1abcд');
  });

  it('stores small automata in 16-bit values, up to 65,535 included', () => {
    const small = Automaton.build(patterns).toBytes();
    expect(small.shape.wide).toBe(false);
    // One pattern 65,535 long: its length is the largest value, and still fits.
    const long = 'a'.repeat(0xffff);
    const { shape, bytes } = Automaton.build([long]).toBytes();
    expect(shape.wide).toBe(false);
    expect(bytes.length).toBe(Automaton.byteLength(shape));
    expect(found(Automaton.fromBytes(shape, bytes), `b${long}`)).toEqual([[0x10000, 0]]);
  }, 30_000);

  it('refuses a shape of another format, or with counts no automaton has', () => {
    const { shape, bytes } = Automaton.build(patterns).toBytes();
    expect(() => Automaton.fromBytes({ ...shape, format: 2 } as unknown as AutomatonShape, bytes)).toThrow(/automaton format 2/);
    for (const counts of [{ nodes: 0 }, { nodes: 1.5 }, { nodes: Number.NaN }, { patterns: -1 }, { patterns: 0.5 }]) {
      expect(() => Automaton.fromBytes({ ...shape, ...counts }, bytes), JSON.stringify(counts)).toThrow(/shape is not valid/);
    }
    // The smallest there is: a root and no patterns.
    const empty = Automaton.build([]).toBytes();
    expect(empty.shape).toMatchObject({ nodes: 1, patterns: 0 });
    expect(found(Automaton.fromBytes(empty.shape, empty.bytes), 'anything')).toEqual([]);
  });

  it('reads bytes that start at an odd offset of their buffer', () => {
    const { shape, bytes } = Automaton.build(patterns).toBytes();
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const loaded = Automaton.fromBytes(shape, shifted.subarray(1));
    const text = 'huawei ascend 910b h200';
    expect(found(loaded, text)).toEqual(naive(patterns, text));
  });
});
