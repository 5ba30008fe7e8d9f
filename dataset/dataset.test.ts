import { describe, expect, it } from 'vitest';
import { bundledDatasetJson } from './index';
import { validateDataset } from '../src/core/validate-dataset';
import type { Dataset } from '../src/core/dataset-schema';
import { buildAliasTable, findAliasConflicts } from '../src/core/alias-table';
import { countByKind } from '../src/background/dataset-db';

function load(): Dataset {
  const result = validateDataset(bundledDatasetJson);
  if (!result.ok) throw new Error(`bundled dataset is invalid:\n${result.errors.join('\n')}`);
  return result.dataset;
}

describe('bundled dataset', () => {
  it('passes the schema and integrity checks', () => {
    const result = validateDataset(bundledDatasetJson);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has no source fact without a source date of reading', () => {
    for (const entry of load().entries) {
      for (const source of entry.sources) expect(source.accessed, `${entry.id} ${source.url}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('never dates a fact after the day it was checked', () => {
    for (const entry of load().entries) {
      for (const source of entry.sources) {
        if (source.published) expect(source.published <= entry.asOf, `${entry.id}: ${source.url}`).toBe(true);
      }
    }
  });

  it('covers the field: at least 15 chips, 20 companies, 8 models and 8 rules', () => {
    const counts = countByKind(load().entries);
    expect(counts.chip).toBeGreaterThanOrEqual(15);
    expect(counts.company).toBeGreaterThanOrEqual(20);
    expect(counts.model).toBeGreaterThanOrEqual(8);
    expect(counts.rule).toBeGreaterThanOrEqual(8);
  });

  it('gives no spelling to two entries', () => {
    expect(findAliasConflicts(buildAliasTable(load()))).toEqual([]);
  });

  it('relates every chip to its vendor and every model to its maker', () => {
    for (const entry of load().entries) {
      const owner = entry.kind === 'chip' ? entry.facts.vendor : entry.kind === 'model' ? entry.facts.maker : undefined;
      if (owner) expect(entry.related, `${entry.id} should list ${owner} as related`).toContain(owner);
    }
  });
});
