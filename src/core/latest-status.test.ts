import { describe, expect, it } from 'vitest';
import type { Entry } from './dataset-schema';
import { latestStatusKey } from './latest-status';

const entry = (kind: Entry['kind'], facts: Record<string, unknown>) => ({ id: 'x', kind, facts }) as unknown as Entry;

describe("an entry's latest status", () => {
  it("reads a chip's export status, a company's Entity List status and a rule's status: the last event", () => {
    // Three events each: the second of three is neither the first nor the last.
    const chip = [{ status: 'no-licence' }, { status: 'licence-required' }, { status: 'case-by-case' }];
    expect(latestStatusKey(entry('chip', { exportStatus: chip }))).toBe('case-by-case');
    expect(latestStatusKey(entry('company', { entityList: [{ status: 'listed' }, { status: 'removed' }, { status: 'listed' }] }))).toBe('listed');
    expect(latestStatusKey(entry('rule', { status: [{ status: 'proposed' }, { status: 'in-force' }, { status: 'rescinded' }] }))).toBe('rescinded');
  });

  it('has none for a model, nor for a chip or company without events', () => {
    expect(latestStatusKey(entry('model', { status: [{ status: 'in-force' }] }))).toBeUndefined();
    expect(latestStatusKey(entry('chip', {}))).toBeUndefined();
    expect(latestStatusKey(entry('company', { entityList: [] }))).toBeUndefined();
    expect(latestStatusKey(entry('chip', { exportStatus: [] }))).toBeUndefined();
    expect(latestStatusKey(entry('company', {}))).toBeUndefined();
    expect(latestStatusKey(entry('rule', { status: [] }))).toBeUndefined();
  });
});
