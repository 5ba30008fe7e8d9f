import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset-schema';
import { dateNamedAliases } from './date-named-aliases';

const rule = (id: string, citation: string | undefined, dates: [kind: string, date: string][]) => ({
  id,
  kind: 'rule',
  facts: { ...(citation ? { citation: { value: citation } } : {}), dates: dates.map(([kind, date]) => ({ kind, date })) },
});

const texts = (aliases: unknown[] | undefined) => (aliases ?? []).map((a) => (typeof a === 'string' ? a : (a as { text: string }).text));

describe('names of Federal Register rules by month', () => {
  const dataset = {
    entries: [
      rule('oct-2022', '87 FR 62186', [
        ['effective', '2022-09-01'],
        ['published', '2022-10-13'],
        ['announced', '2022-10-07'],
      ]),
      rule('jan-a', '90 FR 4544', [['announced', '2025-01-13']]),
      rule('jan-b', '90 FR 5298', [['published', '2025-01-16']]),
      rule('law', 'Public Law 115-232', [['published', '2018-08-13']]),
      rule('no-citation', undefined, [['published', '2019-05-01']]),
      rule('year-only', '1 FR 1', [['published', '2001']]),
      // Published in March, announced in February: the earlier month counts, whatever the order.
      rule('feb-2024', '89 FR 1', [
        ['published', '2024-03-01'],
        ['announced', '2024-02-27'],
      ]),
      { id: 'company', kind: 'company', facts: { citation: { value: '90 FR 1' }, dates: [{ kind: 'published', date: '2023-05-01' }] } },
    ],
  } as unknown as Dataset;
  it('come from the first announced or published date, in English, Russian and Chinese', () => {
    // Made inside each test: Stryker counts only what a test runs itself as covered by it.
    const byId = dateNamedAliases(dataset);
    const names = texts(byId.get('oct-2022'));
    expect(names).toContain('October 2022 rules');
    expect(names).toContain('October 2022 package');
    expect(names).toContain('ограничения октября 2022 года');
    expect(names).toContain('2022年10月出台的规则');
    expect(names.some((n) => n.includes('September'))).toBe(false);
    expect(byId.get('oct-2022')).toContainEqual({ text: 'правила октября 2022 года', inflect: 0 });
  });

  it('are left out for a month two rules share, for rules not in the Federal Register and for dates without a month', () => {
    const byId = dateNamedAliases(dataset);
    expect([...byId.keys()]).toEqual(['oct-2022', 'feb-2024']);
    expect(texts(byId.get('feb-2024'))).toContain('February 2024 rules');
  });
});
