import { describe, expect, it } from 'vitest';
import type { Dataset, Entry, Source } from './dataset-schema';
import { checkSources, isBefore, type SourcePolicy } from './source-rules';

const policy: SourcePolicy = {
  sharedLimit: 2,
  refusedHosts: { 'mirror.example': 'republishes other texts' },
  sharedSources: { 'https://fr.example/rule': { why: 'the rule lists every company', entries: ['a', 'b', 'c'] } },
};

const src = (url: string, published?: string, extra: Partial<Source> = {}): Source => ({
  url,
  title: 't',
  accessed: '2026-11-28',
  ...(published ? { published } : {}),
  ...extra,
});

function company(id: string, sources: Source[], entityList: unknown[] = []): Entry {
  return {
    id,
    kind: 'company',
    sources,
    asOf: '2026-11-28',
    facts: { country: { code: 'CN', src: [0] }, activity: { text: { en: 'x', ru: 'x', zh: 'x' }, src: [0] }, entityList },
  } as unknown as Entry;
}

function rule(id: string, sources: Source[], dates: unknown[], status: unknown[]): Entry {
  return { id, kind: 'rule', sources, asOf: '2026-11-28', facts: { issuer: { name: { en: 'x' }, src: [0] }, dates, status } } as unknown as Entry;
}

const dataset = (entries: Entry[]) => ({ format: 1, version: 1, asOf: '2026-11-28', entries }) as Dataset;
const messages = (entries: Entry[]) => checkSources(dataset(entries), policy).map((p) => `${p.id}: ${p.message}`);

describe('checkSources', () => {
  it('compares partial dates at the coarser precision', () => {
    expect(isBefore('2025-08', '2025-08-22')).toBe(false);
    expect(isBefore('2025-07-31', '2025-08')).toBe(true);
    expect(isBefore('2025', '2024-12-31')).toBe(false);
  });

  it('asks every source for a date, and takes the day it was read for a live page', () => {
    expect(messages([company('a', [src('https://a.example/x'), src('https://a.example/register', undefined, { live: true })])])).toEqual([
      'a: sources[0] (https://a.example/x): undated; add "published", or "live": true for a page kept current',
    ]);
  });

  it('refuses a source published before the event it backs', () => {
    const entry = company(
      'a',
      [src('https://a.example/2024', '2024-05'), src('https://a.example/2025', '2025-09-02')],
      [
        { date: '2025-09-02', status: 'listed', src: [1] },
        { date: '2025-09-02', status: 'listed', src: [0, 1] },
      ],
    );
    expect(messages([entry])).toEqual(['a: facts.entityList[1]: source 0 is dated 2024-05, before the event it backs (2025-09-02)']);
  });

  it('lets a rule text back the effective date it set in advance, and the status that began then', () => {
    const text = src('https://a.example/rule', '2025-01-15');
    const entry = rule(
      'r',
      [text],
      [
        { kind: 'published', date: '2025-01-15', src: [0] },
        { kind: 'effective', date: '2025-02-14', src: [0] },
      ],
      [
        { date: '2025-02-14', status: 'in-force', src: [0] },
        { date: '2025-03-01', status: 'amended', src: [0] },
      ],
    );
    expect(messages([entry])).toEqual(['r: facts.status[1]: source 0 is dated 2025-01-15, before the event it backs (2025-03-01)']);
  });

  it('refuses hosts on the policy list, subdomains included', () => {
    expect(messages([company('a', [src('https://news.mirror.example/x', '2025')])])).toEqual([
      'a: sources[0] (https://news.mirror.example/x): mirror.example is refused (republishes other texts); cite the original report',
    ]);
  });

  it('flags a URL backing facts in more entries than the limit, unless the policy declares it', () => {
    const shared = src('https://blog.example/list', '2025');
    const declared = src('https://fr.example/rule', '2025');
    const entries = ['a', 'b', 'c'].map((id) => company(id, [shared, declared]));
    expect(messages(entries)).toEqual(
      ['a', 'b', 'c'].map(
        (id) =>
          `${id}: https://blog.example/list backs facts in 3 entries (limit 2); cite a source that states this entry's fact, or declare the URL in dataset/source-policy.json with why`,
      ),
    );
    // Declared for some entries only: the others still count.
    const partly = ['a', 'b', 'c', 'd', 'e'].map((id) => company(id, [declared]));
    expect(messages(partly)).toEqual([]);
    const more = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => company(id, [declared]));
    expect(messages(more).map((m) => m.slice(0, 2))).toEqual(['d:', 'e:', 'f:']);
    // Listed in an entry's sources without backing a fact: not counted.
    const listedOnly = ['a', 'b', 'c'].map((id) => company(id, [src(`https://own.example/${id}`, '2025'), shared]));
    expect(messages(listedOnly)).toEqual([]);
  });
});

describe('checkSources: chips, models and rule dates', () => {
  const chip = (id: string, sources: Source[], exportStatus: unknown[]): Entry =>
    ({ id, kind: 'chip', sources, asOf: '2026-11-28', facts: { vendor: 'acme', exportStatus } }) as unknown as Entry;
  const model = (id: string, sources: Source[], released?: unknown): Entry =>
    ({ id, kind: 'model', sources, asOf: '2026-11-28', facts: { developer: 'acme', ...(released ? { released } : {}) } }) as unknown as Entry;

  it("checks a chip's export-status events, except one on a date its rule set in advance", () => {
    const text = src('https://a.example/rule', '2025-01-15');
    const ruleEntry = rule('r', [text], [{ kind: 'effective', date: '2025-02-14', src: [0] }], [{ date: '2025-02-14', status: 'in-force', src: [0] }]);
    const early = src('https://a.example/early', '2025-01-15');
    const entry = chip(
      'h1',
      [early],
      [
        { date: '2025-02-14', status: 'licence-required', rule: 'r', src: [0] },
        { date: '2025-03-01', status: 'licence-required', rule: 'r', src: [0] },
        { date: '2025-03-02', status: 'licence-required', src: [0] },
      ],
    );
    expect(messages([ruleEntry, entry])).toEqual([
      'h1: facts.exportStatus[1]: source 0 is dated 2025-01-15, before the event it backs (2025-03-01)',
      'h1: facts.exportStatus[2]: source 0 is dated 2025-01-15, before the event it backs (2025-03-02)',
    ]);
    expect(messages([chip('h2', [early], [])])).toEqual([]);
  });

  it("checks a model's release date, and a model without one", () => {
    const early = src('https://a.example/teaser', '2025-01-01');
    expect(messages([model('m', [early], { date: '2025-02-01', src: [0] })])).toEqual([
      'm: facts.released: source 0 is dated 2025-01-01, before the event it backs (2025-02-01)',
    ]);
    expect(messages([model('m', [early])])).toEqual([]);
  });

  it("takes a rule's own dates marked scheduled as set in advance, and its other dates as events", () => {
    const text = src('https://a.example/rule', '2025-01-15');
    const entry = rule(
      'r',
      [text],
      [
        { kind: 'published', date: '2025-01-20', src: [0] },
        { kind: 'other', date: '2025-06-01', scheduled: true, src: [0] },
      ],
      [{ date: '2025-06-01', status: 'in-force', src: [0] }],
    );
    expect(messages([entry])).toEqual(['r: facts.dates[0]: source 0 is dated 2025-01-15, before the event it backs (2025-01-20)']);
  });

  it('takes www. off a host only at its start', () => {
    const refusing: SourcePolicy = { ...policy, refusedHosts: { 'awww.example': 'copies' } };
    expect(checkSources(dataset([company('a', [src('https://www.awww.example/x', '2025')])]), refusing).map((p) => p.message)).toEqual([
      'sources[0] (https://www.awww.example/x): awww.example is refused (copies); cite the original report',
    ]);
    expect(checkSources(dataset([company('a', [src('https://notmirror.example/x', '2025')])]), policy)).toEqual([]);
  });
});

describe('checkSources: rules chips cite, and entries without timelines', () => {
  const chip = (id: string, sources: Source[], exportStatus?: unknown[]): Entry =>
    ({ id, kind: 'chip', sources, asOf: '2026-11-28', facts: { vendor: 'acme', ...(exportStatus ? { exportStatus } : {}) } }) as unknown as Entry;

  it("checks a chip's event on a date its rule has but did not set in advance, and one citing a rule not in the dataset", () => {
    const ruleEntry = rule('r', [src('https://a.example/rule', '2025-01-15')], [{ kind: 'published', date: '2025-01-20', src: [0] }], []);
    const early = src('https://a.example/early', '2025-01-10');
    const entry = chip(
      'h1',
      [early],
      [
        { date: '2025-01-20', status: 'licence-required', rule: 'r', src: [0] },
        { date: '2025-01-21', status: 'licence-required', rule: 'gone', src: [0] },
      ],
    );
    expect(messages([ruleEntry, entry]).filter((m) => m.startsWith('h1'))).toEqual([
      'h1: facts.exportStatus[0]: source 0 is dated 2025-01-10, before the event it backs (2025-01-20)',
      'h1: facts.exportStatus[1]: source 0 is dated 2025-01-10, before the event it backs (2025-01-21)',
    ]);
  });

  it('passes a chip without export-status events and a company without Entity List events', () => {
    const lone = { ...company('a', [src('https://a.example/x', '2025')]), facts: { country: { code: 'CN', src: [0] } } } as unknown as Entry;
    expect(messages([chip('h', [src('https://a.example/h', '2025')]), lone])).toEqual([]);
  });

  it('keeps a www. inside a host name', () => {
    const refusing: SourcePolicy = { ...policy, refusedHosts: { 'awww.example': 'copies' } };
    expect(checkSources(dataset([company('a', [src('https://awww.example/x', '2025')])]), refusing).map((p) => p.message)).toEqual([
      'sources[0] (https://awww.example/x): awww.example is refused (copies); cite the original report',
    ]);
  });

  it('counts a URL cited only by timeline events towards the limit', () => {
    const own = (id: string) => src(`https://own.example/${id}`, '2025');
    const shared = src('https://blog.example/list', '2025');
    const entries = ['a', 'b', 'c'].map((id) => company(id, [own(id), shared], [{ date: '2025-09-02', status: 'listed', src: [1] }]));
    expect(messages(entries)).toEqual(['a', 'b', 'c'].map((id) => expect.stringMatching(`^${id}: https://blog.example/list backs facts in 3 entries`)));
  });
});
