import { describe, expect, it } from 'vitest';
import { assembleDataset } from './assemble-dataset';

const meta = { format: 1, version: 7, asOf: '2026-11-28' };
const file = (path: string, data: Record<string, unknown>) => ({ path, data });

describe('assembleDataset', () => {
  it('makes relations two-way, including vendor and maker', () => {
    const { json, problems } = assembleDataset(meta, [
      file('companies/nvidia.json', { id: 'nvidia', kind: 'company', related: [] }),
      file('chips/nvidia-h20.json', { id: 'nvidia-h20', kind: 'chip', related: ['h20-rule'], facts: { vendor: 'nvidia' } }),
      file('rules/h20-rule.json', { id: 'h20-rule', kind: 'rule', related: [] }),
    ]);
    expect(problems).toEqual([]);
    const byId = Object.fromEntries((json as { entries: { id: string; related: string[] }[] }).entries.map((e) => [e.id, e.related]));
    expect(byId).toEqual({ nvidia: ['nvidia-h20'], 'nvidia-h20': ['h20-rule', 'nvidia'], 'h20-rule': ['nvidia-h20'] });
  });

  it('orders entries by kind, then id, and keeps the meta', () => {
    const { json } = assembleDataset(meta, [
      file('rules/b.json', { id: 'b', kind: 'rule', related: [] }),
      file('chips/z.json', { id: 'z', kind: 'chip', related: [] }),
      file('chips/a.json', { id: 'a', kind: 'chip', related: [] }),
    ]);
    expect(json).toMatchObject({ format: 1, version: 7, asOf: '2026-11-28' });
    expect((json as { entries: { id: string }[] }).entries.map((e) => e.id)).toEqual(['a', 'z', 'b']);
  });

  it('names files that are misnamed, misplaced or not an object', () => {
    const { problems } = assembleDataset(meta, [
      file('chips/h20.json', { id: 'nvidia-h20', kind: 'chip', related: [] }),
      file('companies/x.json', { id: 'x', kind: 'chip', related: [] }),
      { path: 'chips/list.json', data: [] },
    ]);
    expect(problems).toEqual([
      'chips/h20.json: the file must be named after its id (nvidia-h20.json)',
      'companies/x.json: a chip belongs in chips/',
      'chips/list.json: an entry file holds one JSON object',
    ]);
  });

  it('does not change the files it was given', () => {
    const data = { id: 'a', kind: 'company', related: [] as string[] };
    assembleDataset(meta, [file('companies/a.json', data), file('chips/c.json', { id: 'c', kind: 'chip', related: ['a'] })]);
    expect(data.related).toEqual([]);
  });
});

describe('assembleDataset: odd files and odd relations', () => {
  const relatedOf = (json: unknown) => Object.fromEntries((json as { entries: { id: string; related: unknown }[] }).entries.map((e) => [e.id, e.related]));

  it('names a file holding null or a string, and goes on with the others', () => {
    const { json, problems } = assembleDataset(meta, [
      { path: 'chips/null.json', data: null },
      { path: 'chips/text.json', data: 'x' },
      file('chips/a.json', { id: 'a', kind: 'chip', related: [] }),
    ]);
    expect(problems).toEqual(['chips/null.json: an entry file holds one JSON object', 'chips/text.json: an entry file holds one JSON object']);
    expect(Object.keys(relatedOf(json))).toEqual(['a']);
  });

  it('reads the folder and name from the end of a longer path', () => {
    const { problems } = assembleDataset(meta, [file('dataset/entries/chips/a.json', { id: 'a', kind: 'chip', related: [] })]);
    expect(problems).toEqual([]);
  });

  it('does not link an entry to itself, to a missing entry, or through an entry without a related list', () => {
    const { json } = assembleDataset(meta, [
      file('chips/a.json', { id: 'a', kind: 'chip', related: ['a', 'ghost', 'b', 'c'], facts: { vendor: 'v' } }),
      file('chips/b.json', { id: 'b', kind: 'chip', related: [] }),
      file('chips/c.json', { id: 'c', kind: 'chip' }),
      file('companies/v.json', { id: 'v', kind: 'company', related: 'none' }),
      file('chips/d.json', { id: 'd', kind: 'chip', facts: { vendor: 'b' } }),
    ]);
    expect(relatedOf(json)).toEqual({ a: ['a', 'ghost', 'b', 'c'], b: ['a'], c: undefined, d: undefined, v: 'none' });
  });

  it('links only by its two-way fields', () => {
    const { json } = assembleDataset(meta, [
      file('chips/a.json', { id: 'a', kind: 'chip', related: [], facts: { vendor: 'v', exportStatus: [{ rule: 'r' }] } }),
      file('companies/v.json', { id: 'v', kind: 'company', related: [] }),
      file('rules/r.json', { id: 'r', kind: 'rule', related: [] }),
    ]);
    expect(relatedOf(json)).toEqual({ a: ['v'], v: ['a'], r: [] });
  });
});

describe('assembleDataset: entries that name themselves or nothing', () => {
  it('does not relate an entry to itself through its own vendor field', () => {
    const { json } = assembleDataset(meta, [file('chips/a.json', { id: 'a', kind: 'chip', related: [], facts: { vendor: 'a' } })]);
    expect((json as { entries: { related: string[] }[] }).entries[0]!.related).toEqual([]);
  });

  it('leaves the naming of a file without an id to the schema check', () => {
    expect(assembleDataset(meta, [file('chips/a.json', { kind: 'chip', related: [] })]).problems).toEqual([]);
  });
});
