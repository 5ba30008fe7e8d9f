// The evaluation corpus must be internally consistent before its figures
// mean anything: every label occurs in its article as often as it says, and
// names a dataset entry of the right kind (or says the dataset lacks one).
import { describe, expect, it } from 'vitest';
import { bundledDatasetJson } from '../../dataset/index';
import { validateDataset } from '../../src/core/validate-dataset';
import { fixtureNames, loadFixture, occurrences } from '../labels';

const result = validateDataset(bundledDatasetJson);
if (!result.ok) throw new Error(result.errors.join('\n'));
const kinds = new Map(result.dataset.entries.map((e) => [e.id, e.kind]));

describe.each(fixtureNames())('corpus article %s', (name) => {
  const fixture = loadFixture(name);

  it('has a source URL and a language', () => {
    expect(fixture.header.URL).toMatch(/^https:\/\//);
    expect(['en', 'ru', 'zh']).toContain(fixture.lang);
  });

  it('labels only what the text contains, as often as it occurs', () => {
    for (const label of fixture.labels) {
      expect(occurrences(fixture.body, label.text).length, `"${label.text}"`).toBe(label.count);
    }
    for (const lookalike of fixture.lookalikes) {
      expect(occurrences(fixture.body, lookalike.text).length, `look-alike "${lookalike.text}"`).toBeGreaterThan(0);
    }
  });

  it('points each label at an entry of its kind, or marks it missing', () => {
    for (const label of fixture.labels) {
      if (label.missing) {
        expect(label.id ?? null, `"${label.text}" is marked missing`).toBeNull();
        continue;
      }
      if (label.optional && !label.id) continue;
      expect(kinds.get(label.id!), `"${label.text}" → ${label.id}`).toBe(label.kind);
    }
  });
});
