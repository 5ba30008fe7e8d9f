import { describe, expect, it } from 'vitest';
import { buildAliasTable, findAliasConflicts } from './alias-table';
import type { Dataset, Entry } from './dataset-schema';
import { Matcher } from './matcher';

function entry(id: string, kind: Entry['kind'], aliases: Entry['aliases']): Entry {
  // Only the fields the alias table reads matter here.
  return { id, kind, aliases } as Entry;
}

const dataset = {
  format: 1,
  version: 1,
  asOf: '2026-01-01',
  entries: [
    entry('nvidia', 'company', { en: ['NVIDIA'], ru: ['Нвидиа'], zh: ['英伟达', '輝達'] }),
    entry('nvidia-h20', 'chip', { en: ['NVIDIA H20', { text: 'H20', caseSensitive: true }], zh: ['英伟达H20'] }),
    entry('nvidia-h200', 'chip', { en: [{ text: 'H200', caseSensitive: true }] }),
    entry('huawei', 'company', { en: ['Huawei'], ru: ['Хуавэй', 'Хуавей'], zh: ['华为', '華為'] }),
    entry('us-ear', 'rule', { en: [{ text: 'EAR', caseSensitive: true }] }),
    entry('ai-diffusion-rule', 'rule', { en: ['AI Diffusion Rule'], ru: [{ text: 'Правило распространения ИИ', inflect: 0 }] }),
  ],
} as Dataset;

const matcher = new Matcher(buildAliasTable(dataset));

function found(text: string): string[] {
  return matcher.findMentions(text).map((m) => `${text.slice(m.start, m.end)}=${matcher.table.entries[m.entry]!.id}`);
}

describe('Matcher', () => {
  it('prefers the longest alias at a position', () => {
    expect(found('продажи NVIDIA H20 и чипов NVIDIA')).toEqual(['NVIDIA H20=nvidia-h20', 'NVIDIA=nvidia']);
  });

  it('respects word boundaries in Latin and Cyrillic script', () => {
    expect(found('the H200 and H20, not H20x or xH20')).toEqual(['H200=nvidia-h200', 'H20=nvidia-h20']);
    expect(found('YEAR EAR ear')).toEqual(['EAR=us-ear']);
  });

  it('matches case-sensitive aliases only in their case', () => {
    expect(found('h20 water, H20 chip')).toEqual(['H20=nvidia-h20']);
  });

  it('finds Russian case forms', () => {
    expect(found('в Хуавэе и у Хуавея, чипы Нвидии')).toEqual([
      'Хуавэе=huawei',
      'Хуавея=huawei',
      'Нвидии=nvidia',
    ]);
    expect(found('после отмены Правила распространения ИИ')).toEqual(['Правила распространения ИИ=ai-diffusion-rule']);
  });

  it('needs no word boundaries in Chinese, and a Latin alias may touch Chinese text', () => {
    expect(found('英伟达H20芯片和华为的产品')).toEqual(['英伟达H20=nvidia-h20', '华为=huawei']);
    expect(found('使用H20芯片')).toEqual(['H20=nvidia-h20']);
    expect(found('輝達與華為')).toEqual(['輝達=nvidia', '華為=huawei']);
  });

  it('maps offsets back through soft hyphens, no-break spaces and quotes', () => {
    const text = '«AI\u00A0Diffu\u00ADsion Rule»';
    const [m] = matcher.findMentions(text);
    expect(text.slice(m!.start, m!.end)).toBe('AI\u00A0Diffu\u00ADsion Rule');
  });

  it('returns nothing for text without aliases', () => {
    expect(found('Nothing to see here.')).toEqual([]);
    expect(found('')).toEqual([]);
  });

  it('reports spellings that two entries claim', () => {
    const clash = { ...dataset, entries: [...dataset.entries, entry('other', 'company', { en: ['Huawei'] })] } as Dataset;
    expect(findAliasConflicts(buildAliasTable(clash))).toEqual([{ text: 'huawei', ids: ['huawei', 'other'] }]);
  });

  it('allows a shared spelling only when every entry declares it ambiguous', () => {
    const hopper = (id: string, ambiguous: boolean) =>
      entry(id, 'chip', { en: [ambiguous ? { text: 'Hopper', ambiguous: true } : 'Hopper'] });
    const one = { ...dataset, entries: [hopper('a', true), hopper('b', false)] } as Dataset;
    const both = { ...dataset, entries: [hopper('a', true), hopper('b', true)] } as Dataset;
    expect(findAliasConflicts(buildAliasTable(one))).toEqual([{ text: 'hopper', ids: ['a', 'b'] }]);
    expect(findAliasConflicts(buildAliasTable(both))).toEqual([]);
  });
});
