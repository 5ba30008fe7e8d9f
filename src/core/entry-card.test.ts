import { describe, expect, it } from 'vitest';
import type { Entry } from './dataset-schema';
import { buildEntryCard, happenedBy, safeLink, statusInWords } from './entry-card';
import type { EntryView } from './messages';

const sources = [
  { url: 'https://example.com/specs', title: 'Specs', publisher: 'Example', published: '2024', accessed: '2026-11-28' },
  { url: 'https://example.com/rule', title: 'Rule', accessed: '2026-11-28' },
];

const h20 = {
  id: 'nvidia-h20',
  kind: 'chip',
  name: { en: 'NVIDIA H20', ru: 'NVIDIA H20', zh: '英伟达 H20' },
  aliases: { en: ['NVIDIA H20'] },
  summary: { en: 'A China-market GPU.', ru: 'Ускоритель для Китая.', zh: '面向中国市场的 GPU。' },
  related: ['nvidia', 'gone'],
  sources,
  asOf: '2026-11-28',
  facts: {
    vendor: 'nvidia',
    memory: { gb: 96, type: 'HBM3', src: [0] },
    bandwidth: { tbps: 4, src: [0] },
    compute: { tflops: 148, format: 'BF16', sparse: false, src: [0] },
    exportStatus: [
      { date: '2024', status: 'no-licence-needed', region: { en: 'China' }, src: [0] },
      { date: '2025-04-09', status: 'licence-required', region: { en: 'China', ru: 'Китай' }, rule: 'h20-rule', src: [1] },
    ],
  },
} as Entry;

const view: EntryView = {
  entry: h20,
  refs: {
    nvidia: { kind: 'company', name: { en: 'NVIDIA', zh: '英伟达' } },
    'h20-rule': { kind: 'rule', name: { en: 'H20 licence requirement' } },
  },
};

describe('buildEntryCard', () => {
  it('puts the latest export status first, with its date and sources', () => {
    const card = buildEntryCard(view, 'en');
    expect(card.status).toMatchObject({
      label: 'Export controls: China',
      value: 'Licence required',
      date: '2025-04-09',
      dateLabel: 'since',
      tone: 'bad',
      note: 'H20 licence requirement',
      cite: [2],
    });
  });

  it('lists the key figures with units, each citing its source by number', () => {
    const card = buildEntryCard(view, 'en');
    expect(card.facts.map((f) => `${f.label}: ${f.value} ${f.cite.join(',')}`)).toEqual([
      'Vendor: NVIDIA 1',
      'Memory: 96 GB HBM3 1',
      'Memory bandwidth: 4 TB/s 1',
      'Compute: 148 TFLOPS BF16 (dense) 1',
    ]);
    expect(card.sources.map((s) => s.n)).toEqual([1, 2]);
  });

  it('says dense or sparse only when the source does', () => {
    const { sparse: _, ...unsaid } = (view.entry as Extract<Entry, { kind: 'chip' }>).facts.compute!;
    const entry = { ...view.entry, facts: { ...view.entry.facts, compute: unsaid } } as Entry;
    expect(buildEntryCard({ ...view, entry }, 'en').facts.find((f) => f.label === 'Compute')?.value).toBe('148 TFLOPS BF16');
  });

  it("speaks the reader's language, falling back to English per field", () => {
    const ru = buildEntryCard(view, 'ru');
    expect(ru.summary).toBe('Ускоритель для Китая.');
    expect(ru.status?.label).toBe('Экспортный контроль: Китай');
    expect(ru.title).toBe('NVIDIA H20');
    const zh = buildEntryCard(view, 'zh');
    expect(zh.title).toBe('英伟达 H20');
    expect(zh.summary).toBe('面向中国市场的 GPU。');
    expect(zh.status?.label).toBe('出口管制: China');
    expect(zh.facts[0]!.value).toBe('英伟达');
  });

  it('shows caveats with their sources', () => {
    const withCaveat = {
      ...view,
      entry: { ...h20, caveats: [{ text: { en: 'Reported, not confirmed.', ru: 'Сообщалось, не подтверждено.' }, src: [1] }] } as Entry,
    };
    expect(buildEntryCard(withCaveat, 'ru').caveats).toEqual([{ text: 'Сообщалось, не подтверждено.', cite: [2] }]);
    expect(buildEntryCard(view, 'en').caveats).toEqual([]);
  });

  it('drops related entries that are not in the dataset', () => {
    expect(buildEntryCard(view, 'en').related).toEqual([{ id: 'nvidia', kind: 'company', name: 'NVIDIA' }]);
  });

  it('dates a checked state "as of" and a change "since"', () => {
    const company = {
      id: 'acme',
      kind: 'company',
      name: { en: 'Acme', ru: 'Акме', zh: '阿克米' },
      aliases: { en: ['Acme'] },
      summary: { en: 'Acme.', ru: 'Акме.', zh: '阿克米。' },
      related: [],
      sources,
      asOf: '2026-11-28',
      facts: {
        country: { code: 'CN', src: [0] },
        activity: { text: { en: 'Chips' }, src: [0] },
        entityList: [{ date: '2026-11-28', status: 'not-listed', src: [0] }],
      },
    } as Entry;
    const card = buildEntryCard({ entry: company, refs: {} }, 'en');
    expect(card.status).toMatchObject({ value: 'Not on the Entity List', dateLabel: 'as of' });
    expect(card.facts[0]).toMatchObject({ label: 'Country', value: 'China' });
  });
});

describe('safeLink', () => {
  it('lets only https through', () => {
    expect(safeLink('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(safeLink('http://example.com')).toBeUndefined();
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
    expect(safeLink('not a url')).toBeUndefined();
  });
});

describe('then and now', () => {
  it("shows the status when the page was written beside today's when they differ", () => {
    const card = buildEntryCard(view, 'en', { pageDate: '2024-06-30' });
    expect(card.status).toMatchObject({ value: 'Licence required', date: '2025-04-09' });
    expect(card.then).toMatchObject({ pageDate: '2024-06-30', status: { value: 'No licence needed', date: '2024' } });
  });

  it('says nothing more when nothing changed since the page was written', () => {
    expect(buildEntryCard(view, 'en', { pageDate: '2025-05-01' }).then).toBeUndefined();
    expect(buildEntryCard(view, 'en').then).toBeUndefined();
  });

  it('picks, on a longer timeline, the status in force on the day the page was written', () => {
    const events = [
      { date: '2023-11', status: 'no-licence-needed', region: { en: 'China' }, src: [0] },
      { date: '2025-04-09', status: 'licence-required', region: { en: 'China' }, src: [1] },
      { date: '2025-08', status: 'allowed-with-conditions', region: { en: 'China' }, src: [1] },
      { date: '2025-08-22', status: 'sales-halted', region: { en: 'China' }, src: [1] },
    ];
    const long = { ...view, entry: { ...h20, facts: { ...h20.facts, exportStatus: events } } as Entry };
    const then = (pageDate: string) => buildEntryCard(long, 'en', { pageDate }).then?.status?.value;
    expect(buildEntryCard(long, 'en').status).toMatchObject({ value: 'Sales halted', date: '2025-08-22' });
    // A mid-2025 page was written under the licence requirement, not before it.
    expect(then('2025-06-15')).toBe('Licence required');
    expect(then('2025-04-08')).toBe('No licence needed');
    expect(then('2025-08-10')).toBe('Allowed with conditions');
    expect(buildEntryCard(long, 'en', { pageDate: '2025-09-01' }).then).toBeUndefined();
  });

  it('says when the data has no record as early as the page', () => {
    expect(buildEntryCard(view, 'en', { pageDate: '2023-03-01' }).then).toEqual({ pageDate: '2023-03-01', pageDateText: '1 March 2023' });
  });

  it('counts a month or a year from its first day', () => {
    expect(happenedBy('2025-08', '2025-08-10')).toBe(true);
    expect(happenedBy('2025-08-15', '2025-08-10')).toBe(false);
    expect(happenedBy('2024', '2023-12-31')).toBe(false);
    expect(happenedBy('2024', '2024-01-01')).toBe(true);
  });
});

describe('claim types', () => {
  const claimed = {
    ...h20,
    facts: {
      vendor: 'nvidia',
      year: { value: 2023, claim: 'official', src: [0] },
      memory: { gb: 96, type: 'HBM3', claim: 'vendor', src: [0] },
      bandwidth: { tbps: 4, src: [0] },
      compute: { tflops: 148, format: 'BF16', sparse: false, claim: 'estimate', src: [0] },
      exportStatus: [
        { date: '2024', status: 'no-licence-needed', region: { en: 'China' }, claim: 'vendor', src: [0] },
        { date: '2025-04-09', status: 'licence-required', region: { en: 'China' }, claim: 'press', src: [1] },
      ],
    },
    caveats: [
      { text: { en: 'Reportedly halted.' }, claim: 'press', src: [1] },
      { text: { en: 'Per the rule.' }, claim: 'official', src: [1] },
    ],
  } as Entry;
  const card = buildEntryCard({ ...view, entry: claimed }, 'en', { pageDate: '2024-06-30' });

  it('marks vendor figures, press reports and estimates, and nothing official or unsaid', () => {
    expect(card.facts.map((f) => [f.label, f.claim])).toEqual([
      ['Vendor', undefined],
      ['Year', undefined],
      ['Memory', 'vendor'],
      ['Memory bandwidth', undefined],
      ['Compute', 'estimate'],
    ]);
    for (const line of card.facts.filter((f) => f.claim === undefined)) expect(line).not.toHaveProperty('claim');
  });

  it("marks today's status, the status then, and caveats", () => {
    expect(card.status).toMatchObject({ value: 'Licence required', claim: 'press' });
    expect(card.then?.status).toMatchObject({ value: 'No licence needed', claim: 'vendor' });
    expect(card.caveats).toEqual([
      { text: 'Reportedly halted.', claim: 'press', cite: [2] },
      { text: 'Per the rule.', cite: [2] },
    ]);
    expect(buildEntryCard(view, 'en').status).not.toHaveProperty('claim');
  });

  it('marks the facts of companies, models and rules too', () => {
    const base = { name: { en: 'X', ru: 'X', zh: 'X' }, aliases: {}, summary: { en: 'X', ru: 'X', zh: 'X' }, related: [], sources, asOf: '2026-11-28' };
    const company = {
      ...base,
      id: 'acme',
      kind: 'company',
      facts: {
        country: { code: 'CN', src: [0] },
        activity: { text: { en: 'Chips' }, src: [0] },
        entityList: [{ date: '2025', status: 'listed', claim: 'press', src: [0] }],
      },
    } as Entry;
    const model = {
      ...base,
      id: 'm',
      kind: 'model',
      facts: { maker: 'acme', released: { date: '2025-01', claim: 'press', src: [0] }, openWeights: { value: true, claim: 'vendor', src: [0] } },
    } as Entry;
    const rule = {
      ...base,
      id: 'r',
      kind: 'rule',
      facts: {
        issuer: { name: { en: 'BIS' }, src: [0] },
        dates: [
          { kind: 'announced', date: '2025-01', claim: 'press', src: [0] },
          { kind: 'effective', date: '2025-02', claim: 'official', src: [0] },
        ],
        status: [{ date: '2025-02', status: 'in-force', claim: 'estimate', src: [0] }],
      },
    } as Entry;
    expect(buildEntryCard({ entry: company, refs: {} }, 'en').status?.claim).toBe('press');
    expect(buildEntryCard({ entry: model, refs: {} }, 'en').facts.map((f) => f.claim)).toEqual([undefined, 'press', 'vendor']);
    const ruleCard = buildEntryCard({ entry: rule, refs: {} }, 'en');
    expect(ruleCard.facts.map((f) => f.claim)).toEqual([undefined, 'press', undefined]);
    expect(ruleCard.status?.claim).toBe('estimate');
  });
});

describe('"as of" from the facts', () => {
  const withChecked = (changes: { memory?: string; status?: string; caveat?: string }) =>
    ({
      ...h20,
      facts: {
        ...h20.facts,
        memory: { gb: 96, type: 'HBM3', src: [0], ...(changes.memory ? { checked: changes.memory } : {}) },
        exportStatus: [
          { date: '2024', status: 'no-licence-needed', region: { en: 'China' }, checked: '2026-01-05', src: [0] },
          { date: '2025-04-09', status: 'licence-required', region: { en: 'China' }, src: [1], ...(changes.status ? { checked: changes.status } : {}) },
        ],
      },
      caveats: [{ text: { en: 'Reported.' }, src: [1], ...(changes.caveat ? { checked: changes.caveat } : {}) }],
    }) as Entry;
  const asOf = (entry: Entry) => buildEntryCard({ ...view, entry }, 'en').asOf;

  it('is the latest date any fact was checked: a status event, a figure or a caveat', () => {
    expect(asOf(withChecked({}))).toBe('2026-01-05');
    expect(asOf(withChecked({ status: '2026-03-01', memory: '2026-02-01', caveat: '2026-01-10' }))).toBe('2026-03-01');
    expect(asOf(withChecked({ status: '2026-03-01', memory: '2026-04-01', caveat: '2026-01-10' }))).toBe('2026-04-01');
    expect(asOf(withChecked({ status: '2026-03-01', memory: '2026-02-01', caveat: '2026-05-01' }))).toBe('2026-05-01');
  });

  it("falls back to the entry's date only when no fact was checked", () => {
    expect(asOf(h20)).toBe('2026-11-28');
  });
});

describe('no silent statuses', () => {
  const company = (facts: object) =>
    ({
      id: 'acme',
      kind: 'company',
      name: { en: 'Acme', ru: 'Acme', zh: 'Acme' },
      aliases: { en: ['Acme'] },
      summary: { en: 'A company.', ru: 'Компания.', zh: '公司。' },
      related: [],
      sources,
      asOf: '2026-11-28',
      facts: { country: { code: 'US', src: [0] }, activity: { text: { en: 'Things' }, src: [0] }, ...facts },
    }) as Entry;

  it("says a chip or company the dataset follows on no list is not tracked, in the reader's language", () => {
    const { exportStatus: _, ...untracked } = (h20 as Extract<Entry, { kind: 'chip' }>).facts;
    const chip = buildEntryCard({ entry: { ...h20, facts: untracked } as Entry, refs: {} }, 'ru');
    expect(chip.status).toBeUndefined();
    expect(chip.untracked).toEqual({ label: 'Экспортный контроль', value: 'ChipLens не отслеживает' });
    expect(buildEntryCard({ entry: company({}), refs: {} }, 'en').untracked).toEqual({ label: 'US Entity List', value: 'Not tracked by ChipLens' });
  });

  it('shows a checked "not listed" as a status, not as untracked', () => {
    const card = buildEntryCard({ entry: company({ entityList: [{ date: '2026-11-30', status: 'not-listed', src: [0] }] }), refs: {} }, 'en');
    expect(card.untracked).toBeUndefined();
    expect(card.status).toMatchObject({ label: 'US Entity List', value: 'Not on the Entity List', dateLabel: 'as of' });
  });

  it('dates a listing and a removal "since", with their tones, and keeps their notes', () => {
    const listed = buildEntryCard(
      { entry: company({ entityList: [{ date: '2020-12-18', status: 'listed', note: { en: 'With 60 others.' }, src: [0] }] }), refs: {} },
      'en',
    );
    expect(listed.status).toMatchObject({
      value: 'On the Entity List',
      dateLabel: 'since',
      dateText: '18 December 2020',
      tone: 'bad',
      note: 'With 60 others.',
    });
    const removed = buildEntryCard(
      {
        entry: company({
          entityList: [
            { date: '2020-12-18', status: 'listed', src: [0] },
            { date: '2024-05', status: 'removed', src: [1] },
          ],
        }),
        refs: {},
      },
      'en',
    );
    expect(removed.status).toMatchObject({ value: 'Removed from the Entity List', dateLabel: 'since', dateText: 'May 2024', tone: 'neutral', cite: [2] });
    expect(removed.status).not.toHaveProperty('note');
  });

  it('labels agencies and organisations as what they are, with no Entity List line', () => {
    const agency = buildEntryCard({ entry: company({ type: 'agency' }), refs: {} }, 'en');
    expect(agency.kindLabel).toBe('Government body');
    expect(agency.untracked).toBeUndefined();
    expect(buildEntryCard({ entry: company({ type: 'organisation' }), refs: {} }, 'zh').kindLabel).toBe('组织');
    expect(buildEntryCard({ entry: company({}), refs: {} }, 'en').kindLabel).toBe('Company');
  });
});

describe('a version of a model', () => {
  const qwen = {
    id: 'qwen',
    kind: 'model',
    name: { en: 'Qwen', ru: 'Qwen', zh: '通义千问' },
    aliases: { en: ['Qwen'] },
    summary: { en: "Alibaba's model family.", ru: 'Семейство моделей.', zh: '模型系列。' },
    related: [],
    sources,
    asOf: '2026-11-28',
    facts: {
      maker: 'alibaba',
      released: { date: '2023-08', src: [0] },
      openWeights: { value: true, src: [0] },
    },
  } as unknown as Entry;

  it("is titled as the page wrote it, says whose version it is, and leaves out the family's release and licence", () => {
    const card = buildEntryCard({ entry: qwen, refs: { alibaba: { kind: 'company', name: { en: 'Alibaba' } } } }, 'en', { variant: 'Qwen3-Max' });
    expect(card.title).toBe('Qwen3-Max');
    expect(card.variantOf).toBe('Qwen');
    expect(card.facts.map((f) => f.label)).toEqual(['Maker']);
    const family = buildEntryCard({ entry: qwen, refs: {} }, 'en');
    expect(family.variantOf).toBeUndefined();
    expect(family.facts.map((f) => f.label)).toEqual(['Maker', 'Released', 'Open weights']);
  });
});

describe('statusInWords', () => {
  it("words a chip's export status, a rule's status and a company's listing, with their tones", () => {
    expect(statusInWords('chip', 'presumption-of-denial', 'en')).toEqual({ value: 'Presumption of denial', tone: 'bad' });
    expect(statusInWords('chip', 'no-licence-needed', 'en')?.tone).toBe('good');
    expect(statusInWords('rule', 'in-force', 'ru')).toEqual({ value: 'Действует', tone: 'bad' });
    expect(statusInWords('company', 'listed', 'zh')).toEqual({ value: '列入实体清单', tone: 'bad' });
    expect(statusInWords('company', 'removed', 'en')).toEqual({ value: 'Removed from the Entity List', tone: 'neutral' });
  });

  it("gives nothing for a key of another kind's statuses, an unknown key, or a model", () => {
    expect(statusInWords('rule', 'presumption-of-denial', 'en')).toBeUndefined();
    expect(statusInWords('chip', 'in-force', 'en')).toBeUndefined();
    expect(statusInWords('chip', 'listed', 'en')).toBeUndefined();
    expect(statusInWords('company', 'in-force', 'en')).toBeUndefined();
    expect(statusInWords('model', 'listed', 'en')).toBeUndefined();
  });
});

describe('what each kind of card shows', () => {
  const base = { name: { en: 'X', ru: 'X', zh: 'X' }, aliases: {}, summary: { en: 'X', ru: 'X', zh: 'X' }, related: [], asOf: '2026-11-28' };
  const chip = (facts: object, more: object = {}) => ({ ...base, id: 'c', kind: 'chip', sources, facts: { vendor: 'nvidia', ...facts }, ...more }) as Entry;
  const company = (facts: object) =>
    ({
      ...base,
      id: 'acme',
      kind: 'company',
      sources,
      facts: { country: { code: 'CN', src: [0] }, activity: { text: { en: 'Chips' }, src: [1] }, ...facts },
    }) as Entry;
  const rule = (facts: object) =>
    ({ ...base, id: 'r', kind: 'rule', sources, facts: { issuer: { name: { en: 'BIS' }, src: [0] }, dates: [], status: [], ...facts } }) as Entry;
  const ruDate = (entry: Entry) => buildEntryCard({ entry, refs: {} }, 'ru').status?.dateText.replace(/\s/g, ' ');

  it('joins the note of an export status and the rule it follows with a dot', () => {
    const entry = chip({
      exportStatus: [{ date: '2025-04-09', status: 'licence-required', region: { en: 'China' }, note: { en: 'By letter.' }, rule: 'h20-rule', src: [1] }],
    });
    expect(buildEntryCard({ ...view, entry }, 'en').status?.note).toBe('By letter. · H20 licence requirement');
  });

  it('writes a month after "since" in the Russian genitive, and a checked state\'s month in the nominative', () => {
    expect(ruDate(chip({ exportStatus: [{ date: '2025-10', status: 'licence-required', region: { en: 'China' }, src: [0] }] }))).toBe('октября 2025 г.');
    expect(ruDate(rule({ status: [{ date: '2025-02', status: 'in-force', src: [0] }] }))).toBe('февраля 2025 г.');
    expect(ruDate(company({ entityList: [{ date: '2020-12', status: 'listed', src: [0] }] }))).toBe('декабря 2020 г.');
    expect(ruDate(company({ entityList: [{ date: '2024-05', status: 'removed', src: [0] }] }))).toBe('мая 2024 г.');
    expect(ruDate(company({ entityList: [{ date: '2026-11', status: 'not-listed', src: [0] }] }))).toBe('ноябрь 2026 г.');
  });

  it("gives a rule's status its tone and keeps its note", () => {
    const inForce = buildEntryCard({ entry: rule({ status: [{ date: '2025-02', status: 'in-force', note: { en: 'Partly.' }, src: [0] }] }), refs: {} }, 'en');
    expect(inForce.status).toMatchObject({ label: 'Status', value: 'In force', tone: 'bad', note: 'Partly.', dateLabel: 'since' });
    const rescinded = buildEntryCard({ entry: rule({ status: [{ date: '2025-05', status: 'rescinded', src: [0] }] }), refs: {} }, 'en');
    expect(rescinded.status?.tone).toBe('good');
  });

  it('shows a model with no status, no status "then" and no untracked line, even given the page\'s date', () => {
    const model = { ...base, id: 'm', kind: 'model', sources, facts: { maker: 'alibaba' } } as Entry;
    const card = buildEntryCard({ entry: model, refs: {} }, 'en', { pageDate: '2024-06-30' });
    expect(card).not.toHaveProperty('status');
    expect(card).not.toHaveProperty('then');
    expect(card).not.toHaveProperty('untracked');
  });

  it('rounds figures to two decimals', () => {
    const card = buildEntryCard({ ...view, entry: chip({ bandwidth: { tbps: 4.8123, src: [0] } }) }, 'en');
    expect(card.facts.find((f) => f.label === 'Memory bandwidth')?.value).toBe('4.81 TB/s');
  });

  it("lists a company's country, in the reader's language, and its business, each with its sources", () => {
    expect(buildEntryCard({ entry: company({}), refs: {} }, 'ru').facts).toEqual([
      { label: 'Страна', value: 'Китай', cite: [1] },
      { label: expect.any(String), value: 'Chips', cite: [2] },
    ]);
    expect(buildEntryCard({ entry: company({}), refs: {} }, 'en').facts[1]).toEqual({ label: 'Business', value: 'Chips', cite: [2] });
  });

  it('shows a country code that cannot be named as it is', () => {
    expect(buildEntryCard({ entry: company({ country: { code: '1', src: [0] } }), refs: {} }, 'en').facts[0]).toEqual({
      label: 'Country',
      value: '1',
      cite: [1],
    });
  });

  it("lists a model's maker, citing the main source, its release with a note, and whether its weights are open", () => {
    const model = {
      ...base,
      id: 'm',
      kind: 'model',
      sources,
      facts: { maker: 'alibaba', released: { date: '2023-08', note: { en: 'As a preview.' }, src: [1] }, openWeights: { value: false, src: [0] } },
    } as Entry;
    expect(buildEntryCard({ entry: model, refs: { alibaba: { kind: 'company', name: { en: 'Alibaba' } } } }, 'en').facts).toEqual([
      { label: 'Maker', value: 'Alibaba', cite: [1] },
      { label: 'Released', value: 'August 2023', note: 'As a preview.', cite: [2] },
      { label: 'Open weights', value: 'no', cite: [1] },
    ]);
  });

  it("lists a rule's issuer, citation and dates, with their notes and sources", () => {
    const entry = rule({
      citation: { value: '90 FR 1', src: [1] },
      dates: [
        { kind: 'published', date: '2025-01-15', src: [1] },
        { kind: 'effective', date: '2025-05', note: { en: 'For most parts.' }, src: [0] },
      ],
    });
    expect(buildEntryCard({ entry, refs: {} }, 'en').facts).toEqual([
      { label: 'Issuer', value: 'BIS', cite: [1] },
      { label: 'Citation', value: '90 FR 1', cite: [2] },
      { label: 'Published', value: '15 January 2025', cite: [2] },
      { label: 'Effective', value: 'May 2025', note: 'For most parts.', cite: [1] },
    ]);
    expect(buildEntryCard({ entry: rule({}), refs: {} }, 'en').facts.map((f) => f.label)).toEqual(['Issuer']);
  });

  it('says nothing more when the status then is the one in force today, though a later event restated it', () => {
    const entry = chip({
      exportStatus: [
        { date: '2024', status: 'licence-required', region: { en: 'China' }, src: [0] },
        { date: '2025-04-09', status: 'licence-required', region: { en: 'China' }, src: [1] },
      ],
    });
    expect(buildEntryCard({ ...view, entry }, 'en', { pageDate: '2024-06-30' }).then).toBeUndefined();
  });

  it('numbers the sources and keeps their publisher, date and whether they are the primary text', () => {
    const entry = chip(
      {},
      {
        sources: [
          { url: 'https://example.com/specs', title: 'Specs', publisher: 'Example', published: '2024', accessed: '2026-11-28' },
          { url: 'https://www.federalregister.gov/d/2025-1', title: 'Rule', accessed: '2026-11-28' },
        ],
      },
    );
    expect(buildEntryCard({ ...view, entry }, 'en').sources).toEqual([
      { n: 1, url: 'https://example.com/specs', title: 'Specs', publisher: 'Example', published: '2024' },
      { n: 2, url: 'https://www.federalregister.gov/d/2025-1', title: 'Rule', primary: true },
    ]);
  });
});

describe('a status the card does not know', () => {
  it('gets a neutral tone, for a chip and a rule', () => {
    const chip = {
      ...h20,
      facts: { ...h20.facts, exportStatus: [{ date: '2026', status: 'embargoed', region: { en: 'China' }, src: [0] }] },
    } as unknown as Entry;
    expect(buildEntryCard({ ...view, entry: chip }, 'en').status?.tone).toBe('neutral');
    const rule = {
      ...h20,
      id: 'r',
      kind: 'rule',
      facts: { issuer: { name: { en: 'BIS' }, src: [0] }, dates: [], status: [{ date: '2026', status: 'repealed-twice', src: [0] }] },
    } as unknown as Entry;
    expect(buildEntryCard({ entry: rule, refs: {} }, 'en').status?.tone).toBe('neutral');
  });
});
