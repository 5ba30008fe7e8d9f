import { describe, expect, it } from 'vitest';
import type { Dataset, Entry } from './dataset-schema';
import { EntrySearch, tokenize } from './search-index';

function entry(id: string, kind: Entry['kind'], name: Partial<Entry['name']>, aliases: Entry['aliases']): Entry {
  const en = name.en ?? id;
  return { id, kind, name: { en, ru: en, zh: en, ...name }, aliases, summary: { en: `About ${en}`, ru: `О ${en}`, zh: `关于${en}` } } as Entry;
}

const entries = [
  entry('nvidia', 'company', { en: 'NVIDIA', zh: '英伟达' }, { en: ['NVIDIA', 'Nvidia'], ru: ['Нвидиа'], zh: ['英伟达', '輝達'] }),
  entry('nvidia-h20', 'chip', { en: 'NVIDIA H20' }, { en: ['NVIDIA H20', 'H20'], zh: ['英伟达H20'] }),
  entry('nvidia-h200', 'chip', { en: 'NVIDIA H200' }, { en: ['NVIDIA H200', 'H200'] }),
  entry('huawei', 'company', { en: 'Huawei', ru: 'Хуавэй' }, { en: ['Huawei'], ru: ['Хуавэй', 'Хуавей'], zh: ['华为'] }),
  entry('huawei-ascend-910b', 'chip', { en: 'Huawei Ascend 910B', zh: '华为昇腾910B' }, { en: ['Ascend 910B'], zh: ['昇腾910B'] }),
  entry('alibaba', 'company', { en: 'Alibaba Group' }, { en: ['Alibaba'], ru: ['Алибаба'], zh: ['阿里巴巴'] }),
  entry('us-entity-list', 'rule', { en: 'Entity List' }, { en: ['Entity List'], ru: ['Список организаций'] }),
  entry('amd-mi308', 'chip', { en: 'AMD Instinct MI308X' }, { en: ['MI308X', 'MI308', 'Instinct MI308X'] }),
];
// Built in each test, not as the file loads: Stryker counts code run at load as no test's.
const searchOf = (list: Entry[] = entries) => new EntrySearch({ entries: list } as Dataset);
const ids = (q: string, list?: Entry[]) =>
  searchOf(list)
    .search(q)
    .map((h) => h.id);

describe('EntrySearch', () => {
  it('ranks the exact chip first for its model number', () => {
    expect(ids('h20')[0]).toBe('nvidia-h20');
    expect(ids('H20')[0]).toBe('nvidia-h20');
  });

  it('finds entries by Cyrillic alias, ignoring case and ё', () => {
    expect(ids('нвидиа')[0]).toBe('nvidia');
    expect(ids('ХУАВЕЙ')[0]).toBe('huawei');
  });

  it('finds by prefix and tolerates a typo in longer words', () => {
    expect(ids('alib')[0]).toBe('alibaba');
    expect(ids('nvdia')[0]).toBe('nvidia');
  });

  it('forgives a typo in a short word of a longer query, and only when nothing matches as typed', () => {
    expect(ids('entity lst')[0]).toBe('us-entity-list');
    expect(ids('enity list')[0]).toBe('us-entity-list');
    expect(ids('lst')).toEqual([]);
  });

  it('finds a name run together with its number or split differently', () => {
    expect(ids('ascend910b')[0]).toBe('huawei-ascend-910b');
    expect(ids('h 20')[0]).toBe('nvidia-h20');
    expect(ids('mi-308')[0]).toBe('amd-mi308');
    expect(ids('MI 308X')[0]).toBe('amd-mi308');
  });

  it('filters by kind', () => {
    expect(
      searchOf()
        .search('nvidia', 20, 'chip')
        .every((h) => h.kind === 'chip'),
    ).toBe(true);
    expect(
      searchOf()
        .search('nvidia', 20, 'company')
        .map((h) => h.id),
    ).toEqual(['nvidia']);
  });

  it('finds Chinese names inside longer Chinese words', () => {
    expect(ids('昇腾')[0]).toBe('huawei-ascend-910b');
    expect(ids('英伟达')[0]).toBe('nvidia');
  });

  it('returns nothing for an empty query or no match', () => {
    expect(ids('   ')).toEqual([]);
    expect(ids('zzzzqqq')).toEqual([]);
  });

  it('says which alias matched when it is not the name', () => {
    expect(searchOf().search('нвидиа')[0]!.matched).toBe('Нвидиа');
  });

  it('says no alias matched when the query names the entry by its English name', () => {
    const [hit] = searchOf().search('nvidia');
    expect(hit!.id).toBe('nvidia');
    expect(hit!.matched).toBeUndefined();
  });

  it('says which alias matched when the query also holds words of the name', () => {
    // "huawei" is in the name, 昇腾 only in the Chinese alias.
    const [hit] = searchOf().search('huawei 昇腾');
    expect(hit!.id).toBe('huawei-ascend-910b');
    expect(hit!.matched).toBe('昇腾910B');
  });

  it('returns at most as many hits as asked for, the best first', () => {
    expect(
      searchOf()
        .search('nvidia', 1)
        .map((h) => h.id),
    ).toEqual(['nvidia']);
    expect(searchOf().search('nvidia').length).toBeGreaterThan(1);
  });

  it('finds a model number whose parts are written apart with spaces or spaced dashes', () => {
    expect(ids('MI 308 X')[0]).toBe('amd-mi308');
    expect(ids('mi - 308 - x')[0]).toBe('amd-mi308');
  });

  it('does not split one or two letters from the number they run into ("h20" is a name in itself)', () => {
    // Read as "h 910", it would find Huawei Ascend 910B.
    expect(ids('h910')).toEqual([]);
  });

  it('forgives two typos in a word of eight letters or more when a short word of the query has one', () => {
    expect(ids('amf insitnct')[0]).toBe('amd-mi308');
  });

  it('forgives no typo in a word of one or two letters', () => {
    const list = [entry('kirin-x9', 'chip', { en: 'Kirin X9' }, { en: ['Kirin X9'] })];
    expect(ids('kirn x9', list)).toEqual(['kirin-x9']);
    expect(ids('kirn x8', list)).toEqual([]);
  });

  describe('readings of a name and its number', () => {
    const kirins = () => [
      entry('kirin-9000', 'chip', { en: 'Kirin 9000' }, { en: ['Kirin 9000', 'Kirin9000'] }),
      entry('kirin-9000s', 'chip', { en: 'Kirin 9000S' }, { en: ['Kirin 9000S'] }),
      entry('kirin9000x', 'chip', { en: 'K9000X' }, { en: ['Kirin9000X'] }),
      entry('kirin-8000', 'chip', { en: 'Kirin 8000' }, { en: ['Kirin 8000'] }),
    ];

    it('ranks an entry by its best reading of the query', () => {
      // "kirin 9000" as typed names Kirin 9000 best; run together it also finds it, with a lower score.
      expect(ids('kirin 9000', kirins())[0]).toBe('kirin-9000');
    });

    it('reads a name run together with its number apart only when nothing matches as typed', () => {
      const found = ids('kirin9000', kirins());
      expect(found).toContain('kirin-9000');
      expect(found).not.toContain('kirin-9000s');
    });

    it('finds a number written with a space between its thousands, as Russian writes it', () => {
      // Read as "kirin9000", not as "kirin9 000".
      expect(ids('kirin 9 000', kirins())).toEqual(ids('kirin9000', kirins()));
    });

    it('forgives typos only when nothing matches as typed', () => {
      expect(ids('kirin 9000', kirins())).not.toContain('kirin-8000');
    });
  });

  it('finds an entry by a word of its summary in English or Russian, below one that bears the word as a name', () => {
    const list = [
      entry('blackwell', 'chip', { en: 'Blackwell' }, { en: ['B200'] }),
      entry('hopper', 'chip', { en: 'NVIDIA H100' }, { en: ['H100', 'NVIDIA Hopper GPU architecture'] }),
    ];
    list[0]!.summary = { en: 'After Hopper', ru: 'После Hopper', zh: '继Hopper之后' };
    expect(ids('после', list)).toEqual(['blackwell']);
    expect(ids('after', list)).toEqual(['blackwell']);
    expect(ids('hopper', list)).toEqual(['hopper', 'blackwell']);
  });

  it('finds an entry by an alias written with its options', () => {
    const list = [entry('kunlun-p800', 'chip', { en: 'Kunlunxin P800' }, { en: [{ text: 'XPU-P800', needsContext: true }] })];
    expect(ids('xpu', list)).toEqual(['kunlun-p800']);
  });

  it('finds an entry with no aliases by its names only', () => {
    const list = [entry('biren-br100', 'chip', { en: 'Biren BR100', ru: 'Бирен BR100', zh: '壁仞BR100' }, {})];
    expect(ids('бирен', list)).toEqual(['biren-br100']);
    expect(ids('壁仞', list)).toEqual(['biren-br100']);
    expect(ids('was here', list)).toEqual([]);
  });

  it('still finds an entry one of whose aliases is only signs', () => {
    const list = [entry('plus', 'company', { en: 'Plus Semiconductor' }, { en: ['+'] })];
    expect(ids('plus', list)).toEqual(['plus']);
  });
});

describe('tokenize', () => {
  it('splits Han runs into characters and pairs', () => {
    expect(tokenize('昇腾')).toEqual(['昇', '昇腾', '腾']);
    expect(tokenize('NVIDIA H20')).toEqual(['nvidia', 'h20']);
  });
});
