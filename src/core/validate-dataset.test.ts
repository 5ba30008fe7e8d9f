import { describe, expect, it } from 'vitest';
import { validateDataset } from './validate-dataset';

const source = { url: 'https://example.com/h20', title: 'H20 specs', accessed: '2026-11-28' };

function chip(overrides: Record<string, unknown> = {}) {
  return {
    id: 'nvidia-h20',
    kind: 'chip',
    name: { en: 'NVIDIA H20', ru: 'NVIDIA H20', zh: '英伟达 H20' },
    aliases: { en: ['NVIDIA H20'] },
    summary: { en: 'A GPU.', ru: 'Ускоритель.', zh: '加速器。' },
    related: ['nvidia'],
    sources: [source],
    asOf: '2026-11-28',
    facts: {
      vendor: 'nvidia',
      memory: { gb: 96, type: 'HBM3', src: [0] },
      exportStatus: [
        { date: '2024', status: 'no-licence-needed', region: { en: 'China' }, src: [0] },
        { date: '2025-04-09', status: 'licence-required', region: { en: 'China' }, src: [0] },
      ],
    },
    ...overrides,
  };
}

const nvidia = {
  id: 'nvidia',
  kind: 'company',
  name: { en: 'NVIDIA', ru: 'NVIDIA', zh: '英伟达' },
  aliases: { en: ['NVIDIA'] },
  summary: { en: 'A chip designer.', ru: 'Разработчик чипов.', zh: '芯片设计公司。' },
  related: [],
  sources: [source],
  asOf: '2026-11-28',
  facts: { country: { code: 'US', src: [0] }, activity: { text: { en: 'GPUs' }, src: [0] } },
};

function dataset(entries: unknown[]) {
  return { format: 1, version: 2026112801, asOf: '2026-11-28', entries };
}

function errorsOf(input: unknown): string[] {
  const result = validateDataset(input);
  return result.ok ? [] : result.errors;
}

describe('validateDataset', () => {
  it('accepts a well-formed dataset', () => {
    const result = validateDataset(dataset([chip(), nvidia]));
    expect(result.ok).toBe(true);
  });

  it('rejects what is not a dataset at all', () => {
    expect(errorsOf('<html>')).toEqual([expect.stringMatching(/^dataset: /)]);
    expect(errorsOf({ ...dataset([nvidia]), format: 2 })).toEqual(['format: dataset format must be 1']);
  });

  it('names the entry and field of a bad value', () => {
    const bad = chip({ facts: { vendor: 'nvidia', memory: { gb: '96', type: 'HBM3', src: [0] } } });
    expect(errorsOf(dataset([bad, nvidia]))).toEqual([expect.stringMatching(/^entries\[0\] \(nvidia-h20\)\.facts\.memory\.gb: .*number/)]);
  });

  it('refuses non-https sources and facts without sources', () => {
    expect(errorsOf(dataset([chip({ sources: [{ ...source, url: 'http://example.com' }] }), nvidia]))).toEqual([
      'entries[0] (nvidia-h20).sources[0].url: source links must use https',
    ]);
    const unsourced = chip({ facts: { vendor: 'nvidia', memory: { gb: 96, type: 'HBM3', src: [] } } });
    expect(errorsOf(dataset([unsourced, nvidia]))).toEqual(['entries[0] (nvidia-h20).facts.memory.src: a fact needs at least one source']);
  });

  it('requires names and summaries in English, Russian and Chinese', () => {
    expect(errorsOf(dataset([chip({ summary: { en: 'A GPU.', ru: 'Ускоритель.' } }), nvidia]))).toEqual(['entries[0] (nvidia-h20).summary.zh: is missing']);
  });

  it('refuses unknown fields, so typos are not silently dropped', () => {
    expect(errorsOf(dataset([chip({ sumary: 'typo' }), nvidia]))[0]).toMatch(/^entries\[0\] \(nvidia-h20\)\.sumary: /);
  });

  it('checks links between entries and source numbers', () => {
    expect(errorsOf(dataset([chip()]))).toEqual([
      'nvidia-h20: related names "nvidia", which is not in the dataset',
      'nvidia-h20: facts.vendor names "nvidia", which is not in the dataset',
    ]);
    const citesMissing = chip({ facts: { vendor: 'nvidia', memory: { gb: 96, type: 'HBM3', src: [3] } } });
    expect(errorsOf(dataset([citesMissing, nvidia]))).toEqual(['nvidia-h20: a fact cites source #3, but the entry has 1 sources']);
    expect(errorsOf(dataset([chip({ facts: { vendor: 'nvidia-h20' } }), nvidia]))).toEqual([
      'nvidia-h20: facts.vendor "nvidia-h20" is a chip, expected company',
    ]);
  });

  it('refuses duplicate ids, entries without aliases and timelines out of order', () => {
    expect(errorsOf(dataset([chip(), nvidia, nvidia]))).toContain('nvidia: the id is used twice');
    expect(errorsOf(dataset([chip({ aliases: {} }), nvidia]))).toEqual(['nvidia-h20: no aliases, so it can never be found on a page']);
    const reversed = chip({
      facts: {
        vendor: 'nvidia',
        exportStatus: [
          { date: '2025-04-09', status: 'licence-required', region: { en: 'China' }, src: [0] },
          { date: '2024', status: 'no-licence-needed', region: { en: 'China' }, src: [0] },
        ],
      },
    });
    expect(errorsOf(dataset([reversed, nvidia]))).toEqual(['nvidia-h20: facts.exportStatus must be oldest first (2025-04-09 comes before 2024)']);
  });
});
