import { describe, expect, it } from 'vitest';
import { bundledDatasetJson } from '../../dataset/index';
import { buildAliasTable } from '../../src/core/alias-table';
import { Matcher } from '../../src/core/matcher';
import { validateDataset } from '../../src/core/validate-dataset';
import { labelProblems, loadFixture } from '../labels';

const result = validateDataset(bundledDatasetJson);
if (!result.ok) throw new Error(result.errors.join('\n'));
const matcher = new Matcher(buildAliasTable(result.dataset));

describe('seed article (servernews.ru, Russian)', () => {
  const { body, labels } = loadFixture('01-ru-servernews-seed');

  it('highlights every labelled mention and nothing else', () => {
    // Matched paragraph by paragraph, as the content script reads blocks.
    const found = body
      .split(/\n\s*\n/)
      .flatMap((paragraph) => matcher.findMentions(paragraph).map((m) => ({ text: paragraph.slice(m.start, m.end), id: matcher.table.entries[m.entry]!.id })));
    expect(labelProblems(body, labels, found)).toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(20);
  });

  it('has a dataset entry for every labelled name', () => {
    const ids = new Set(result.ok ? result.dataset.entries.map((e) => e.id) : []);
    for (const label of labels) if (label.id) expect(ids.has(label.id), label.id).toBe(true);
  });
});

describe('labelProblems', () => {
  const body = 'NVIDIA H20 and NVIDIA';
  const labels = [
    { text: 'NVIDIA H20', kind: 'chip', canonical: 'H20', count: 1, id: 'nvidia-h20' },
    { text: 'NVIDIA', kind: 'company', canonical: 'NVIDIA', count: 2, id: 'nvidia' },
  ];

  it('accepts exactly the labelled mentions', () => {
    expect(
      labelProblems(body, labels, [
        { text: 'NVIDIA H20', id: 'nvidia-h20' },
        { text: 'NVIDIA', id: 'nvidia' },
      ]),
    ).toEqual([]);
  });

  it('reports a miss, a wrong entry and an unlabelled highlight', () => {
    expect(
      labelProblems(body, labels, [
        { text: 'NVIDIA', id: 'nvidia' },
        { text: 'and', id: 'x' },
      ]),
    ).toEqual(['highlighted "and" as x, which no label allows', '"NVIDIA H20" (nvidia-h20): expected 1 highlights, found 0']);
    expect(
      labelProblems(body, labels, [
        { text: 'NVIDIA H20', id: 'nvidia' },
        { text: 'NVIDIA', id: 'nvidia' },
      ]),
    ).toContain('highlighted "NVIDIA H20" as nvidia, which no label allows');
  });
});
