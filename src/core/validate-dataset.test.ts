import { describe, expect, it } from 'vitest';
import { validateDataset, validateEntry } from './validate-dataset';

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

describe('validateDataset: how many problems it lists', () => {
  it('lists at most 50 shape problems, however many there are', () => {
    const bad = Array.from({ length: 60 }, (_, i) => chip({ id: `chip-${i}`, sumary: 'typo' }));
    const errors = errorsOf(dataset(bad));
    expect(errors).toHaveLength(50);
    expect(errors[49]).toMatch(/^entries\[49\] \(chip-49\)\.sumary: /);
  });

  it('lists at most 50 problems of links between entries', () => {
    const orphans = Array.from({ length: 60 }, (_, i) => chip({ id: `chip-${i}`, related: [] }));
    const errors = errorsOf(dataset(orphans));
    expect(errors).toHaveLength(50);
    expect(errors[0]).toBe('chip-0: facts.vendor names "nvidia", which is not in the dataset');
  });
});

describe('validateEntry', () => {
  it('checks one entry file on its own, naming the field of each problem', () => {
    expect(validateEntry(chip())).toEqual([]);
    expect(validateEntry(chip({ summary: { en: 'A GPU.', ru: 'Ускоритель.' }, sumary: 'typo' }))).toEqual([
      'summary.zh: is missing',
      expect.stringMatching(/^sumary: /),
    ]);
  });

  it('lists at most 50 problems of one entry', () => {
    const sources = Array.from({ length: 60 }, () => ({ ...source, url: 'http://example.com' }));
    const errors = validateEntry(chip({ sources }));
    expect(errors).toHaveLength(50);
    expect(errors[49]).toBe('sources[49].url: source links must use https');
  });
});

describe('validateDataset: where a problem is, and links and timelines in detail', () => {
  it('names an entry only by an id it has', () => {
    expect(errorsOf(dataset([null, nvidia]))).toEqual([expect.stringMatching(/^entries\[0\]: /)]);
    const { id: _, ...anonymous } = nvidia;
    expect(errorsOf(dataset([chip(), anonymous]))).toEqual(['entries[1].id: is missing']);
    // An entry file on its own names no entry, whatever stray fields it holds.
    expect(validateEntry(chip({ related: [5], entries: [{ id: 'other' }] }))).toEqual([
      expect.stringMatching(/^related\[0\]: .*string/),
      expect.stringMatching(/^entries: /),
    ]);
  });

  it('refuses an entry related to itself, once', () => {
    expect(errorsOf(dataset([chip({ related: ['nvidia', 'nvidia-h20'] }), nvidia]))).toEqual(['nvidia-h20: an entry cannot be related to itself']);
  });

  it('checks the source numbers of timeline events too, up to the last source', () => {
    const event = (src: number[]) => ({ date: '2024', status: 'no-licence-needed', region: { en: 'China' }, src });
    expect(errorsOf(dataset([chip({ facts: { vendor: 'nvidia', exportStatus: [event([0]), event([1])] } }), nvidia]))).toEqual([
      'nvidia-h20: a fact cites source #1, but the entry has 1 sources',
    ]);
  });

  it("keeps a company's Entity List timeline oldest first too", () => {
    const listed = (date: string, status: string) => ({ date, status, src: [0] });
    const company = { ...nvidia, facts: { ...nvidia.facts, entityList: [listed('2025-09', 'listed'), listed('2024-12', 'removed')] } };
    expect(errorsOf(dataset([company]))).toEqual(['nvidia: facts.entityList must be oldest first (2025-09 comes before 2024-12)']);
  });

  it("keeps a rule's status timeline oldest first too, and takes events of the same day as in order", () => {
    const rule = (status: { date: string; status: string; src: number[] }[]) => ({
      id: 'ai-diffusion',
      kind: 'rule',
      name: { en: 'AI Diffusion Rule', ru: 'Правило', zh: '规则' },
      aliases: { en: ['AI Diffusion Rule'] },
      summary: { en: 'A rule.', ru: 'Правило.', zh: '规则。' },
      related: [],
      sources: [source],
      asOf: '2026-11-28',
      facts: { issuer: { name: { en: 'BIS' }, src: [0] }, dates: [], status },
    });
    expect(
      errorsOf(
        dataset([
          rule([
            { date: '2025-05-13', status: 'rescinded', src: [0] },
            { date: '2025-01-15', status: 'in-force', src: [0] },
          ]),
        ]),
      ),
    ).toEqual(['ai-diffusion: facts.status must be oldest first (2025-05-13 comes before 2025-01-15)']);
    const sameDay = rule([
      { date: '2025-01-15', status: 'proposed', src: [0] },
      { date: '2025-01-15', status: 'in-force', src: [0] },
    ]);
    expect(validateDataset(dataset([sameDay])).ok).toBe(true);
  });
});
