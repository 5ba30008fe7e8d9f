import { describe, expect, it } from 'vitest';
import { bundledDatasetJson } from './index';
import { validateDataset } from '../src/core/validate-dataset';
import type { Dataset } from '../src/core/dataset-schema';

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
});
