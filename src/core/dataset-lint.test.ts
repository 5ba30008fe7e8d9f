import { describe, expect, it } from 'vitest';
import type { Dataset, Entry } from './dataset-schema';
import { lintDataset } from './dataset-lint';
import { normalizeKey } from './normalize';
import { inflectPhrase } from './ru-inflect';

function rule(id: string, dates: unknown[], aliases: Entry['aliases'] = { en: [id] }): Entry {
  return {
    id,
    kind: 'rule',
    aliases,
    sources: [{ url: 'https://example.com', title: 'x', published: '2025-05', accessed: '2026-11-28' }],
    asOf: '2026-11-28',
    facts: { dates, status: [{ date: '2025-01-13', status: 'in-force', src: [0] }] },
  } as unknown as Entry;
}

const dataset = (entries: Entry[]) => ({ format: 1, version: 1, asOf: '2026-11-28', entries }) as Dataset;

describe('lintDataset', () => {
  it('flags notes, caveats and other texts written in English only, naming the languages they lack', () => {
    const entry = rule('a', [
      { kind: 'effective', date: '2025-01-13', note: { en: 'In force.' }, src: [0] },
      { kind: 'compliance', date: '2025-05-15', note: { en: 'Due.', ru: 'Срок.' }, src: [0] },
      { kind: 'published', date: '2025-01-15', note: { en: 'Published.', ru: 'Опубликовано.', zh: '已发布。' }, src: [0] },
    ]);
    // Alias lists are keyed by language too, but hold no text to translate.
    expect(lintDataset(dataset([entry]), '2026-11-28').map((p) => p.message)).toEqual([
      'facts.dates[0].note: written in English only, add ru and zh',
      'facts.dates[1].note: written in English only, add zh',
    ]);
  });

  it('flags dates after today, at their own precision', () => {
    const problems = lintDataset(
      dataset([
        rule('a', [
          { kind: 'effective', date: '2026-11-28', src: [0] },
          { kind: 'compliance', date: '2026-12', src: [0] },
          { kind: 'compliance', date: '2026', src: [0] },
          { kind: 'compliance', date: '2027-01-01', scheduled: true, src: [0] },
        ]),
      ]),
      '2026-11-28',
    );
    expect(problems).toEqual([{ id: 'a', message: 'facts.dates[1].date: 2026-12 is in the future (today is 2026-11-28)' }]);
  });

  it('flags a spelling that two entries share without declaring it', () => {
    const problems = lintDataset(dataset([rule('a', [], { en: ['Entity List'] }), rule('b', [], { en: ['entity list'] })]), '2026-11-28');
    expect(problems.map((p) => p.id)).toEqual(['a', 'b']);
    expect(problems[0]!.message).toMatch(/alias "entity list" is also used by b/);
  });
});

describe('lintDataset: Traditional twins, blank translations and what is not a date', () => {
  it('flags a Traditional alias that folds onto another alias of the same entry, and only that one', () => {
    const problems = lintDataset(dataset([rule('huawei', [], { en: ['Huawei'], zh: ['华为', '華為'] })]), '2026-11-28');
    expect(problems).toEqual([
      { id: 'huawei', message: 'alias "華為" is redundant: Traditional text is folded to Simplified, so "华为" already finds it; remove it' },
    ]);
    expect(lintDataset(dataset([rule('huawei', [], { en: ['Huawei'], zh: ['華為'] })]), '2026-11-28')).toEqual([]);
  });

  it("flags a chip's or model's alias with its maker's possessive, not a rule's with a country's", () => {
    const chip = { ...rule('nvidia-h20', [], { en: ['H20', "Nvidia's H20", 'NVIDIA’s H20 chip'] }), kind: 'chip' } as Entry;
    expect(lintDataset(dataset([chip]), '2026-11-28')).toEqual([
      { id: 'nvidia-h20', message: `alias "Nvidia's H20" has a possessive: the maker and the product are two mentions, remove it` },
      { id: 'nvidia-h20', message: 'alias "NVIDIA’s H20 chip" has a possessive: the maker and the product are two mentions, remove it' },
    ]);
    expect(lintDataset(dataset([rule('china-export-control-law', [], { en: ["China's Export Control Law"] })]), '2026-11-28')).toEqual([]);
  });

  it('flags a Russian alias declined into more spellings than a page should pay for', () => {
    // Five words declined together: their endings still multiply within each case.
    const five = rule('gac', [], { en: ['GAC'], ru: [{ text: 'Первый главный государственный таможенный комитет', inflect: [0, 1, 2, 3, 4] }] });
    const problems = lintDataset(dataset([five]), '2026-11-28');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /^alias "Первый главный государственный таможенный комитет" declines into \d+ spellings \(at most 600\): list its case forms as aliases instead$/,
    );
    // Three words agree in case, so they stay few.
    const three = rule('gac', [], { en: ['GAC'], ru: [{ text: 'Главное таможенное управление', inflect: [0, 1, 2] }] });
    expect(lintDataset(dataset([three]), '2026-11-28')).toEqual([]);
    const two = rule('ndrc', [], {
      en: ['NDRC'],
      ru: [
        { text: 'Государственный комитет', inflect: [0, 1] },
        { text: 'Минторг', inflect: true },
      ],
    });
    expect(lintDataset(dataset([two]), '2026-11-28')).toEqual([]);
  });

  it('takes a translation made of spaces as missing', () => {
    const entry = rule('a', [{ kind: 'effective', date: '2025-01-13', note: { en: 'In force.', ru: '  ', zh: '生效。' }, src: [0] }]);
    expect(lintDataset(dataset([entry]), '2026-11-28').map((p) => p.message)).toEqual(['facts.dates[0].note: written in English only, add ru']);
  });

  it('reads only date fields as dates, and a list of texts as no text', () => {
    const entry = rule('a', [{ kind: 'effective', date: '2025-01-13', note: { en: 'x', ru: 'x', zh: 'x' }, label: '2099', src: [0] }]);
    (entry as unknown as { extra: unknown }).extra = [{ en: 'x', ru: 'x', zh: 'x' }, ['en'], null];
    expect(lintDataset(dataset([entry]), '2026-11-28')).toEqual([]);
  });

  it('names every other entry that shares a spelling', () => {
    const problems = lintDataset(dataset(['a', 'b', 'c'].map((id) => rule(id, [], { en: ['Entity List'] }))), '2026-11-28');
    expect(problems.map((p) => p.message.replace(/;.*/, ''))).toEqual([
      'alias "entity list" is also used by b, c',
      'alias "entity list" is also used by a, c',
      'alias "entity list" is also used by a, b',
    ]);
  });
});

describe('lintDataset: which aliases it reads, and fields left empty', () => {
  it("flags a model's alias with its maker's possessive, written as an alias object too", () => {
    const model = {
      ...rule('deepseek-r1', [], { en: ['DeepSeek R1', { text: "DeepSeek's R1 model" }] }),
      kind: 'model',
    } as unknown as Entry;
    expect(lintDataset(dataset([model]), '2026-11-28')).toEqual([
      { id: 'deepseek-r1', message: `alias "DeepSeek's R1 model" has a possessive: the maker and the product are two mentions, remove it` },
    ]);
  });

  it('reads an entry whose list for a language is left undefined', () => {
    const chip = { ...rule('nvidia-h20', [], { en: ["Nvidia's H20"], ru: undefined }), kind: 'chip' } as Entry;
    expect(lintDataset(dataset([chip]), '2026-11-28').map((p) => p.message)).toEqual([
      `alias "Nvidia's H20" has a possessive: the maker and the product are two mentions, remove it`,
    ]);
  });

  it('counts the spellings only of Russian aliases it declines: not plain strings, nor ones without inflect or with inflect false', () => {
    // Declined word by word, this name would make well over 600 spellings.
    const name = 'Первый главный государственный таможенный комитет';
    const undeclined = rule('gac', [], {
      en: ['GAC'],
      ru: [name, { text: name }, { text: name, inflect: false }, { text: 'Министерство торговли', inflect: 0 }],
    });
    expect(lintDataset(dataset([undeclined]), '2026-11-28')).toEqual([]);
  });

  it('allows an alias that declines into exactly the limit of 600 spellings', () => {
    // Two adjectives, two nouns ending in a consonant and one in -ь, declined in agreement: 600 spellings.
    const alias = { text: 'Новый государственный комитет Госсовет Контроль', inflect: [0, 1, 2, 3, 4] };
    expect(inflectPhrase(normalizeKey(alias.text), alias.inflect)).toHaveLength(600);
    expect(lintDataset(dataset([rule('x', [], { en: ['X'], ru: [alias] })]), '2026-11-28')).toEqual([]);
  });

  it('passes over fields left null (the schema check reports those), dates among them', () => {
    const entry = rule('a', [{ kind: 'effective', date: '2025-01-13', note: null, src: [0] }]);
    (entry.sources[0] as unknown as { published: unknown }).published = null;
    expect(lintDataset(dataset([entry]), '2026-11-28')).toEqual([]);
  });
});
