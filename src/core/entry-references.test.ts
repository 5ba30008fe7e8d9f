import { describe, expect, it } from 'vitest';
import type { Entry } from './dataset-schema';
import { REFERENCE_FIELDS, referencedIds } from './entry-references';

const entry = (kind: Entry['kind'], more: Record<string, unknown>) => ({ id: 'x', kind, related: [], facts: {}, ...more }) as unknown as Entry;

describe('the fields that name other entries', () => {
  it("reads each kind's own fields: related, a chip's vendor and the rules of its statuses, a model's maker, a rule's issuer", () => {
    const chip = entry('chip', { related: ['a'], facts: { vendor: 'nvidia', exportStatus: [{ rule: 'r1' }, { rule: 'r2' }, {}] } });
    expect(referencedIds(chip)).toEqual(['a', 'nvidia', 'r1', 'r2']);
    expect(referencedIds(entry('model', { facts: { maker: 'alibaba' } }))).toEqual(['alibaba']);
    expect(referencedIds(entry('rule', { related: ['b'], facts: { issuer: { entity: 'us-bis' } } }))).toEqual(['b', 'us-bis']);
    // Fields of other kinds are not read.
    expect(referencedIds(entry('company', { facts: { vendor: 'nvidia', maker: 'x', issuer: { entity: 'y' }, exportStatus: [{ rule: 'r' }] } }))).toEqual([]);
  });

  it('names each id once, skips what is not an id, and tolerates an entry not yet validated', () => {
    expect(referencedIds(entry('chip', { related: ['nvidia', 'nvidia'], facts: { vendor: 'nvidia', exportStatus: [{ rule: 3 }] } }))).toEqual(['nvidia']);
    expect(referencedIds(entry('chip', { related: 'nvidia', facts: { exportStatus: 'x' } }))).toEqual([]);
    expect(referencedIds({ id: 'x', kind: 'rule' } as unknown as Entry)).toEqual([]);
  });

  it('tolerates, in an entry not yet validated, missing facts, a missing issuer and an empty status event', () => {
    expect(referencedIds({ id: 'x', kind: 'chip', related: ['a'] } as unknown as Entry)).toEqual(['a']);
    expect(referencedIds({ id: 'x', kind: 'model', related: ['a'] } as unknown as Entry)).toEqual(['a']);
    expect(referencedIds(entry('rule', { related: ['a'], facts: {} }))).toEqual(['a']);
    expect(referencedIds(entry('chip', { facts: { exportStatus: [null, { rule: 'r1' }] } }))).toEqual(['r1']);
  });

  it('makes only the links that assembly mirrors two-way, and says which kinds each may name', () => {
    const twoWay = REFERENCE_FIELDS.filter((f) => f.twoWay).map((f) => f.field);
    expect(twoWay).toEqual(['related', 'facts.vendor', 'facts.maker']);
    const kinds = Object.fromEntries(REFERENCE_FIELDS.map((f) => [f.field, f.kinds]));
    expect(kinds['facts.exportStatus.rule']).toEqual(['rule']);
    expect(kinds['facts.issuer.entity']).toEqual(['company']);
    expect(kinds.related).toEqual(['chip', 'company', 'model', 'rule']);
  });
});
