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
const search = new EntrySearch({ entries } as Dataset);
const ids = (q: string) => search.search(q).map((h) => h.id);

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
    expect(search.search('nvidia', 20, 'chip').every((h) => h.kind === 'chip')).toBe(true);
    expect(search.search('nvidia', 20, 'company').map((h) => h.id)).toEqual(['nvidia']);
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
    expect(search.search('нвидиа')[0]!.matched).toBe('Нвидиа');
  });
});

describe('tokenize', () => {
  it('splits Han runs into characters and pairs', () => {
    expect(tokenize('昇腾')).toEqual(['昇', '昇腾', '腾']);
    expect(tokenize('NVIDIA H20')).toEqual(['nvidia', 'h20']);
  });
});
