import { describe, expect, it } from 'vitest';
import type { Dataset, Entry } from './dataset-schema';
import { lintDataset } from './dataset-lint';

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
