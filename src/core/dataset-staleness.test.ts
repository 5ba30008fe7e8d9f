import { describe, expect, it } from 'vitest';
import type { Entry } from './dataset-schema';
import { addDays, checkableFacts, latestChecked, quietEntries, staleFacts, whollyBefore, yearBefore } from './dataset-staleness';

const TODAY = '2026-12-07';
const src = [0];
const base = {
  name: { en: 'X', ru: 'X', zh: 'X' },
  aliases: {},
  summary: { en: 'X', ru: 'X', zh: 'X' },
  related: [],
  sources: [{ url: 'https://example.com/', title: 'Example', accessed: '2026-11-28' }],
  asOf: '2026-11-28',
};

const chip = (id: string, facts: Record<string, unknown>, caveats?: unknown[]) =>
  ({ ...base, id, kind: 'chip', facts: { vendor: 'acme', ...facts }, ...(caveats ? { caveats } : {}) }) as Entry;
const rule = (id: string, status: [string, string][], dates: Record<string, unknown>[] = []) =>
  ({
    ...base,
    id,
    kind: 'rule',
    facts: { issuer: { name: { en: 'BIS' }, src }, dates: dates.map((d) => ({ src, ...d })), status: status.map(([date, s]) => ({ date, status: s, src })) },
  }) as unknown as Entry;
const exportStatus = (...dates: string[]) => dates.map((date) => ({ date, status: 'licence-required', region: { en: 'China' }, src }));

describe('checkableFacts', () => {
  it('lists every fact that can carry a checked date, by its path in the entry file', () => {
    const entry = chip(
      'x1',
      {
        memory: { gb: 1, type: 'HBM3', checked: '2026-01-01', src },
        compute: { tflops: 1, format: 'FP8', sparse: false, src },
        exportStatus: [...exportStatus('2024', '2025'), { ...exportStatus('2026')[0], checked: '2026-02-02' }],
      },
      [{ text: { en: 'c' }, checked: '2026-03-03', src }],
    );
    expect(checkableFacts(entry)).toEqual([
      { path: 'facts.memory', checked: '2026-01-01' },
      { path: 'facts.compute' },
      { path: 'facts.exportStatus[0]' },
      { path: 'facts.exportStatus[1]' },
      { path: 'facts.exportStatus[2]', checked: '2026-02-02' },
      { path: 'caveats[0]', checked: '2026-03-03' },
    ]);
    expect(latestChecked(entry)).toBe('2026-03-03');
    expect(latestChecked(chip('x2', {}))).toBeUndefined();
  });

  it('covers companies, models and rules', () => {
    const company = {
      ...base,
      id: 'c',
      kind: 'company',
      facts: { country: { code: 'CN', src }, activity: { text: { en: 'a' }, src }, entityList: [{ date: '2024', status: 'listed', src }] },
    } as Entry;
    const model = { ...base, id: 'm', kind: 'model', facts: { maker: 'c', released: { date: '2025', src }, openWeights: { value: true, src } } } as Entry;
    expect(checkableFacts(company).map((f) => f.path)).toEqual(['facts.entityList[0]']);
    expect(checkableFacts(model).map((f) => f.path)).toEqual(['facts.released', 'facts.openWeights']);
    expect(checkableFacts(rule('r', [['2025', 'in-force']], [{ kind: 'effective', date: '2025' }])).map((f) => f.path)).toEqual([
      'facts.dates[0]',
      'facts.status[0]',
    ]);
  });
});

describe('dates', () => {
  it('counts days across months and years, and a year back', () => {
    expect(addDays(TODAY, -180)).toBe('2026-06-10');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(yearBefore(TODAY)).toBe('2025-12-07');
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('takes a month or a year as lying before a day only when all of it does', () => {
    expect(whollyBefore('2025-11', '2025-12-07')).toBe(true);
    expect(whollyBefore('2025-12', '2025-12-07')).toBe(false);
    expect(whollyBefore('2025-12-06', '2025-12-07')).toBe(true);
    expect(whollyBefore('2025-12-07', '2025-12-07')).toBe(false);
    expect(whollyBefore('2024', '2025-01-01')).toBe(true);
    expect(whollyBefore('2025', '2025-12-07')).toBe(false);
  });
});

describe('staleFacts', () => {
  const entries = [
    chip('b-chip', {
      year: { value: 2024, checked: '2026-06-10', src }, // exactly 180 days: fresh
      memory: { gb: 1, type: 'HBM3', checked: '2026-06-09', src }, // 181 days: stale
      bandwidth: { tbps: 1, src }, // never checked
      exportStatus: exportStatus('2024').map((e) => ({ ...e, checked: '2025-01-01' })),
    }),
    chip('a-chip', { compute: { tflops: 1, format: 'FP8', sparse: false, checked: TODAY, src } }, [{ text: { en: 'c' }, src }]),
  ];

  it('lists facts checked more than 180 days ago or never, never-checked first, then oldest first', () => {
    const { cutoff, total, stale } = staleFacts(entries, TODAY);
    expect(cutoff).toBe('2026-06-10');
    expect(total).toBe(6);
    expect(stale).toEqual([
      { id: 'a-chip', kind: 'chip', path: 'caveats[0]' },
      { id: 'b-chip', kind: 'chip', path: 'facts.bandwidth' },
      { id: 'b-chip', kind: 'chip', path: 'facts.exportStatus[0]', checked: '2025-01-01' },
      { id: 'b-chip', kind: 'chip', path: 'facts.memory', checked: '2026-06-09' },
    ]);
  });

  it('takes another age when asked', () => {
    expect(staleFacts(entries, TODAY, 1000).stale.map((f) => f.path)).toEqual(['caveats[0]', 'facts.bandwidth']);
  });
});

describe('quietEntries', () => {
  it('finds chips whose latest export-status event is more than a year old', () => {
    const entries = [
      chip('old', { exportStatus: exportStatus('2023-10-17', '2025-11') }),
      chip('this-month-last-year', { exportStatus: exportStatus('2025-12') }),
      chip('recent', { exportStatus: exportStatus('2022', '2026-01-15') }),
      chip('no-timeline', {}),
    ];
    const { since, live, quiet } = quietEntries(entries, TODAY);
    expect(since).toBe('2025-12-07');
    expect(live).toBe(3);
    expect(quiet).toEqual([{ id: 'old', kind: 'chip', status: 'licence-required', latest: '2025-11' }]);
  });

  it('finds live rules whose latest status or date event is more than a year old', () => {
    const entries = [
      rule('in-force-quiet', [
        ['2023-10-17', 'published'],
        ['2023-11-17', 'in-force'],
      ]),
      rule(
        'amended-quiet',
        [
          ['2022', 'in-force'],
          ['2024-03', 'amended'],
        ],
        [{ kind: 'effective', date: '2022' }],
      ),
      rule('dated-lately', [['2023', 'in-force']], [{ kind: 'amended', date: '2026-02-01' }]),
      rule('status-lately', [
        ['2023', 'announced'],
        ['2026-05', 'not-enforced'],
      ]),
      rule('only-scheduled-ahead', [['2024-01', 'published']], [{ kind: 'compliance', date: '2027-01-01', scheduled: true }]),
      rule('rescinded', [
        ['2020', 'in-force'],
        ['2021', 'rescinded'],
      ]),
      rule('proposed', [['2020', 'proposed']]),
      rule('rescission', [
        ['2020', 'in-force'],
        ['2024-06', 'rescission-announced'],
      ]),
    ];
    const { live, quiet } = quietEntries(entries, TODAY);
    expect(live).toBe(6);
    expect(quiet).toEqual([
      { id: 'in-force-quiet', kind: 'rule', status: 'in-force', latest: '2023-11-17' },
      { id: 'only-scheduled-ahead', kind: 'rule', status: 'published', latest: '2024-01' },
      { id: 'amended-quiet', kind: 'rule', status: 'amended', latest: '2024-03' },
      { id: 'rescission', kind: 'rule', status: 'rescission-announced', latest: '2024-06' },
    ]);
  });
});

describe('staleness: order, paths and entries without a timeline', () => {
  it('orders facts of the same age by entry id, then by path with numbers in numeric order', () => {
    const entries = [
      chip('z-chip', { bandwidth: { tbps: 1, src } }),
      chip('a-chip', { memory: { gb: 1, type: 'HBM3', src }, exportStatus: exportStatus(...Array.from({ length: 11 }, (_, i) => `${2000 + i}`)) }),
    ];
    const paths = staleFacts(entries, TODAY).stale.map((f) => `${f.id} ${f.path}`);
    expect(paths.slice(0, 3)).toEqual(['a-chip facts.exportStatus[0]', 'a-chip facts.exportStatus[1]', 'a-chip facts.exportStatus[2]']);
    expect(paths.slice(-3)).toEqual(['a-chip facts.exportStatus[10]', 'a-chip facts.memory', 'z-chip facts.bandwidth']);
  });

  it("names a chip's year by its path", () => {
    expect(checkableFacts(chip('y', { year: { value: 2024, src } }))).toEqual([{ path: 'facts.year' }]);
  });

  it('leaves companies and models out of the quiet entries, without reading a timeline they do not have', () => {
    const company = { ...base, id: 'acme', kind: 'company', facts: {} } as unknown as Entry;
    const model = { ...base, id: 'm', kind: 'model', facts: {} } as unknown as Entry;
    expect(quietEntries([company, model], TODAY)).toEqual({ since: yearBefore(TODAY), live: 0, quiet: [] });
  });
});
