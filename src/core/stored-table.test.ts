import { describe, expect, it } from 'vitest';
import { buildAliasTable } from './alias-table';
import { Automaton } from './automaton';
import type { Dataset, Entry } from './dataset-schema';
import { decodeStoredTable, encodeStoredTable } from './stored-table';

type Head = Record<string, unknown> & { entries: Record<string, unknown>[]; automaton: { patterns: number } };

/** A name table of two companies with one name each (made inside each test, see docs/mutation-testing.md). */
function twoCompanies() {
  const company = (id: string, name: string) => ({ id, kind: 'company', aliases: { en: [name] }, related: [], facts: {} }) as unknown as Entry;
  return buildAliasTable({ format: 1, version: 1, asOf: '2026-01-01', entries: [company('huawei', 'Huawei'), company('nvidia', 'NVIDIA')] } as Dataset);
}

const at4 = (n: number) => n + ((4 - (n % 4)) % 4);

/** The layout's parts (see stored-table.ts): where the automaton and the pattern words start. */
function layout(packed: Uint8Array) {
  const jsonLength = new DataView(packed.buffer, packed.byteOffset).getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(packed.subarray(4, 4 + jsonLength))) as Head;
  const automatonAt = at4(4 + jsonLength);
  return { head, automatonAt, wordsAt: at4(automatonAt + Automaton.byteLength(head.automaton as never)) };
}

/** The packed table with its JSON head replaced, and the rest moved to where the new head's length puts it. */
function withHeadText(packed: Uint8Array, json: string): Uint8Array {
  const bytes = new TextEncoder().encode(json);
  const rest = packed.subarray(layout(packed).automatonAt);
  const out = new Uint8Array(at4(4 + bytes.length) + rest.length);
  new DataView(out.buffer).setUint32(0, bytes.length, true);
  out.set(bytes, 4);
  out.set(rest, at4(4 + bytes.length));
  return out;
}

function withHead(packed: Uint8Array, change: (head: Head) => void): Uint8Array {
  const { head } = layout(packed);
  change(head);
  return withHeadText(packed, JSON.stringify(head));
}

async function unpack(stored: string): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([Buffer.from(stored, 'base64')]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer());
}

async function pack(bytes: Uint8Array): Promise<string> {
  const compressed = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer();
  return Buffer.from(compressed).toString('base64');
}

describe('decodeStoredTable', () => {
  it('reads back the table of a dataset whose entries have no names', async () => {
    const nameless = { id: 'huawei', kind: 'company', aliases: {}, related: [], facts: {} } as unknown as Entry;
    const loaded = await decodeStoredTable(
      await encodeStoredTable(buildAliasTable({ format: 1, version: 7, asOf: '2026-01-01', entries: [nameless] } as unknown as Dataset)),
    );
    expect(loaded?.table.patternCount).toBe(0);
    expect(loaded?.table.datasetVersion).toBe(7);
    expect(loaded?.automaton).toBeDefined();
  });

  it('tells `busy` of the time spent decoding and of the time spent reading the inflated table, apart', async () => {
    const stretches: [number, number][] = [];
    const loaded = await decodeStoredTable(await encodeStoredTable(twoCompanies()), (start, end) => stretches.push([start, end]));
    expect(loaded).toBeDefined();
    // The wait for the inflating in between is not the page's thread's time.
    expect(stretches).toHaveLength(2);
    expect(stretches[1]![0]).toBeGreaterThanOrEqual(stretches[0]![1]);
  });

  it('gives undefined, without throwing, for bytes too short for their head, or a head that is not a table head', async () => {
    expect(await decodeStoredTable(await pack(new Uint8Array([1, 2])))).toBeUndefined();
    const packed = await unpack(await encodeStoredTable(twoCompanies()));
    expect(await decodeStoredTable(await pack(packed))).toBeDefined();
    for (const head of ['null', '5', '"table"', '[]']) expect(await decodeStoredTable(await pack(withHeadText(packed, head))), head).toBeUndefined();
    const noFold = withHead(packed, (h) => {
      delete h.hanFold;
    });
    expect(await decodeStoredTable(await pack(noFold))).toBeUndefined();
  });

  it('gives undefined, without throwing, for a copy cut short in its pattern words', async () => {
    const packed = await unpack(await encodeStoredTable(twoCompanies()));
    const cut = packed.slice(0, layout(packed).wordsAt + 2);
    expect(await decodeStoredTable(await pack(cut))).toBeUndefined();
  });

  it('refuses a pattern that names the entry just past the last', async () => {
    const table = twoCompanies();
    const packed = await unpack(await encodeStoredTable(table));
    const { wordsAt } = layout(packed);
    new DataView(packed.buffer).setUint32(wordsAt, table.entries.length * 2, true);
    expect(await decodeStoredTable(await pack(packed))).toBeUndefined();
    new DataView(packed.buffer).setUint32(wordsAt, (table.entries.length - 1) * 2, true);
    expect(await decodeStoredTable(await pack(packed))).toBeDefined();
  });

  it('refuses a cue whose supported entries are not all in range', async () => {
    const packed = await unpack(await encodeStoredTable(twoCompanies()));
    const also = (entries: number[]) =>
      withHead(packed, (h) => {
        h.also = [[0, entries]];
      });
    expect(await decodeStoredTable(await pack(also([0, 1])))).toBeDefined();
    expect(await decodeStoredTable(await pack(also([0, 2])))).toBeUndefined();
  });

  it('refuses a copy whose automaton finds other patterns than the head counts, when its texts do not make up for it', async () => {
    const packed = await unpack(await encodeStoredTable(twoCompanies()));
    // One pattern fewer in the head than in the automaton: the texts still hold two.
    const fewer = withHead(packed, (h) => {
      h.patternCount = h.automaton.patterns - 1;
      h.aliasCount = h.automaton.patterns - 1;
    });
    expect(await decodeStoredTable(await pack(fewer))).toBeUndefined();
  });

  it('rebuilds a damaged automaton from the texts only when there is one text per pattern', async () => {
    const packed = await unpack(await encodeStoredTable(twoCompanies()));
    // The automaton's first edge count, made to run past its arrays.
    new DataView(packed.buffer).setUint32(layout(packed).automatonAt, 0xffffff, true);
    const rebuilt = await decodeStoredTable(await pack(packed));
    expect(rebuilt).toBeDefined();
    expect(rebuilt!.automaton).toBeUndefined();
    expect(rebuilt!.table.texts()).toEqual(['huawei', 'nvidia']);
    const oneTextMore = new Uint8Array([...packed, ...new TextEncoder().encode('\nintel')]);
    expect(await decodeStoredTable(await pack(oneTextMore))).toBeUndefined();
  });
});
