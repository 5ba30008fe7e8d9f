// Scans with two deliberately damaged automata and prints what each found,
// as JSON. automaton.test.ts runs it in a child process with a time limit:
// a scan that never ends is a synchronous loop, which no test timeout can
// interrupt in the test's own process.
import { Automaton, Hits } from './automaton';

const patterns = ['h20', 'h200', '20', 'huawei', 'hua', 'ascend 910b', '910b', '910', 'a', 'aa', 'aaa', '英伟达', '伟达', 'хуавэй', 'entity list'];
const text = 'huawei ascend 910b h200 entity list 英伟达 хуавэй aaaa';

function found(automaton: Automaton): [number, number][] {
  const hits = new Hits();
  automaton.scan(text, hits);
  const out: [number, number][] = [];
  for (let k = 0; k < hits.length; k += 2) out.push([hits.values[k]!, hits.values[k + 1]!]);
  return out;
}

/** Within bounds, so it loads, but every node's edges are wrong: runs past the last edge, or ending before they start. */
function edgesOutOfOrder(): Automaton {
  const { shape, bytes } = Automaton.build(patterns).toBytes();
  const values = new Uint16Array(bytes.buffer.slice(0));
  for (let n = 1; n < shape.nodes; n++) values[n] = n % 2 === 1 ? 1 : shape.nodes;
  return Automaton.fromBytes(shape, new Uint8Array(values.buffer));
}

/** Failure and output links that point every node at itself. */
function linksInCircles(): Automaton {
  const { shape, bytes } = Automaton.build(patterns).toBytes();
  const { nodes } = shape;
  const values = new Uint16Array(bytes.buffer.slice(0));
  // Failure and output links start after the edge starts and classes; the next-pattern links after the first patterns.
  const failAt = nodes + 1 + nodes - 1;
  const outAt = failAt + nodes;
  const sameAt = 5 * nodes;
  for (let n = 1; n < nodes; n++) {
    values[failAt + n] = n;
    values[outAt + n] = n;
  }
  values[sameAt] = 1;
  values[sameAt + 1] = 1;
  return Automaton.fromBytes(shape, new Uint8Array(values.buffer));
}

console.log(JSON.stringify({ patterns, text, edgesOutOfOrder: found(edgesOutOfOrder()), linksInCircles: found(linksInCircles()) }));
