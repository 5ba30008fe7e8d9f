import { describe, expect, it } from 'vitest';
import type { Dataset, Entry } from './dataset-schema';
import { buildAliasTable } from './alias-table';
import { HanFold, looksTraditional } from './han-fold';
import { hanFoldPairs } from './han-fold-pairs';
import { Matcher } from './matcher';
import { EntrySearch } from './search-index';
import { decodeStoredTable, encodeStoredTable } from './stored-table';

const pairs = hanFoldPairs();
const fold = new HanFold(pairs);
/** The pairs and fold made afresh inside a test: Stryker counts only code a test runs itself (not at import) as covered by it. */
function made() {
  const pairs = hanFoldPairs();
  return { pairs, fold: new HanFold(pairs) };
}

describe('hanFoldPairs', () => {
  it('gives one-for-one pairs of single BMP units, in code order', () => {
    const { pairs } = made();
    expect(pairs.length % 2).toBe(0);
    expect(pairs.length / 2).toBeGreaterThan(2500);
    const froms = [...pairs].filter((_, i) => i % 2 === 0).map((c) => c.charCodeAt(0));
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    expect([...pairs].every((c) => c.length === 1)).toBe(true);
  });

  it('folds Traditional characters and Taiwan and Hong Kong variants to Simplified, and folding twice changes nothing', () => {
    const { fold } = made();
    expect(fold.apply('臺積電與華為')).toBe('台积电与华为');
    expect(fold.apply('裡面 綫路 峯會')).toBe('里面 线路 峰会');
    const sample = '輝達騰訊寒武紀中芯國際長鑫存儲摩爾線程壁仞科技';
    expect(fold.apply(fold.apply(sample))).toBe(fold.apply(sample));
    expect(fold.apply(sample)).toBe('辉达腾讯寒武纪中芯国际长鑫存储摩尔线程壁仞科技');
  });

  it('follows a fold to its end, so that no character it folds to folds again', () => {
    const { pairs, fold } = made();
    // 薴 → 苧 → 苎 and 麼 → 么 → 幺 in OpenCC's tables.
    expect(fold.apply('薴麼')).toBe('苎幺');
    const froms = new Set([...pairs].filter((_, i) => i % 2 === 0));
    expect([...pairs].filter((_, i) => i % 2 === 1).filter((to) => froms.has(to))).toEqual([]);
    // A kept character ends the chain there.
    expect(new HanFold(hanFoldPairs(new Set('么'))).apply('麼')).toBe('么');
  });

  it('prefers the Traditional-to-Simplified table over a variant table, and leaves characters outside the BMP', () => {
    const { fold } = made();
    // 偽 is Traditional for 伪, and Taiwan's variant table also takes it to 僞.
    expect(fold.apply('偽')).toBe('伪');
    // 㗲's Simplified form is outside the BMP: folding it would change the text's length.
    expect(fold.apply('㗲')).toBe('㗲');
  });

  it('leaves the characters it is told to keep, and what folds to them', () => {
    expect(new HanFold(hanFoldPairs()).apply('昇騰')).toBe('升腾');
    expect(new HanFold(hanFoldPairs(new Set('昇'))).apply('昇騰')).toBe('昇腾');
  });
});

describe('HanFold', () => {
  it('keeps the length and returns the text itself when nothing folds', () => {
    const text = 'NVIDIA 英伟达 H20, Нвидиа';
    expect(fold.apply(text)).toBe(text);
    const traditional = '據報導，輝達（NVIDIA）的H20晶片';
    expect(fold.apply(traditional)).toHaveLength(traditional.length);
  });
});

function entry(id: string, aliases: Entry['aliases'], zhName: string): Entry {
  return {
    id,
    kind: 'company',
    aliases,
    related: [],
    name: { en: id, ru: id, zh: zhName },
    summary: { en: '', ru: '', zh: '' },
    facts: {},
  } as unknown as Entry;
}

const dataset = {
  format: 1,
  version: 1,
  asOf: '2026-12-07',
  entries: [
    entry('tsmc', { en: ['TSMC'], zh: ['台积电'] }, '台积电'),
    entry('huawei', { en: ['Huawei'], zh: ['华为'] }, '华为'),
    entry('huawei-ascend', { en: ['Ascend'], zh: ['昇腾'] }, '华为昇腾'),
  ],
} as unknown as Dataset;

describe('matching Traditional pages with Simplified aliases', () => {
  const found = (matcher: Matcher, text: string) =>
    matcher.findMentions(text).map((m) => `${matcher.table.entries[m.entry]!.id}:${text.slice(m.start, m.end)}`);

  it('finds Simplified aliases in Traditional text, at the original offsets, in built and stored tables', async () => {
    const table = buildAliasTable(dataset);
    const text = '據報導，臺積電與華為的昇騰晶片';
    const expected = ['tsmc:臺積電', 'huawei:華為', 'huawei-ascend:昇騰'];
    expect(found(new Matcher(table), text)).toEqual(expected);
    const stored = await decodeStoredTable(await encodeStoredTable(table));
    expect(found(new Matcher(stored!.table, stored!.automaton), text)).toEqual(expected);
  });

  it('keeps characters the dataset writes in Simplified: 升腾, an ordinary word, is not 昇腾', () => {
    const matcher = new Matcher(buildAliasTable(dataset));
    expect(found(matcher, '股价升腾')).toEqual([]);
    expect(found(matcher, '华为昇腾')).toEqual(['huawei:华为', 'huawei-ascend:昇腾']);
  });

  it('lets the popup find entries by their Traditional names', () => {
    const search = new EntrySearch(dataset);
    expect(search.search('華為').map((hit) => hit.id)[0]).toBe('huawei');
    expect(search.search('臺積電').map((hit) => hit.id)[0]).toBe('tsmc');
  });
});

describe('looksTraditional', () => {
  it('takes a text as Traditional when at least two characters fold, or as many as asked', () => {
    expect(looksTraditional(fold, '華為發布新晶片')).toBe(true);
    expect(looksTraditional(fold, '华为發布新芯片')).toBe(false);
    expect(looksTraditional(fold, '华为發布新芯片', 1)).toBe(true);
    expect(looksTraditional(fold, '華為發布', 3)).toBe(true);
    expect(looksTraditional(fold, '華為發布', 4)).toBe(false);
  });

  it('never takes Simplified or non-Chinese text as Traditional', () => {
    expect(looksTraditional(fold, '华为发布新芯片', 1)).toBe(false);
    expect(looksTraditional(fold, 'Huawei', 1)).toBe(false);
  });
});

describe('HanFold: its pairs', () => {
  it('reads pairs two units at a time and ignores a last unit without a partner', () => {
    const small = new HanFold('華华為为臺');
    expect(small.apply('華為臺')).toBe('华为臺');
  });
});
