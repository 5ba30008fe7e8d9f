// How far a mention reaches: point releases after a model name, Chinese
// company forms glued on, and which entry an ambiguous spelling goes to.
import { describe, expect, it } from 'vitest';
import { buildAliasTable } from './alias-table';
import type { Dataset, Entry } from './dataset-schema';
import { Matcher } from './matcher';
import { PageContext } from './page-context';
import { decodeStoredTable, encodeStoredTable } from './stored-table';

function entry(id: string, kind: Entry['kind'], aliases: Entry['aliases'], more: Partial<Entry> = {}): Entry {
  return { id, kind, aliases, related: [], facts: {}, ...more } as unknown as Entry;
}

const dataset = {
  format: 1,
  version: 1,
  asOf: '2026-01-01',
  entries: [
    entry('deepseek-v3', 'model', { en: ['DeepSeek V3', { text: 'V3', caseSensitive: true, needsContext: true }] }, { related: ['deepseek'] }),
    entry('deepseek', 'company', { en: ['DeepSeek'] }),
    entry('gpt-4', 'model', { en: ['GPT-4'] }),
    entry('cambricon', 'company', { zh: ['寒武纪'] }),
    entry('tencent', 'company', { zh: ['腾讯'] }),
    entry('mofcom', 'company', { zh: [{ text: '商务部', ambiguous: true }] }, { context: { zh: ['中方'] } }),
    entry(
      'us-commerce',
      'company',
      { zh: ['美国商务部', { text: '商务部', ambiguous: true, needsContext: true }] },
      { context: { zh: ['美方'] }, related: ['entity-list'] },
    ),
    entry('entity-list', 'rule', { zh: ['实体清单'] }),
  ],
} as Dataset;

const matcher = new Matcher(buildAliasTable(dataset));
const spans = (text: string, page?: PageContext<number>) =>
  matcher.match(text, page).mentions.map((m) => `${text.slice(m.start, m.end)}=${matcher.table.entries[m.entry]!.id}`);

describe('model point releases', () => {
  it('runs a model name on over a point release written after its number', () => {
    expect(spans('DeepSeek V3.1 ties GPT-4.5 on most tests.')).toEqual(['DeepSeek V3.1=deepseek-v3', 'GPT-4.5=gpt-4']);
    expect(spans('DeepSeek V3.1的表现')).toEqual(['DeepSeek V3.1=deepseek-v3']);
  });

  it('stops at a full stop, and at a number that is not a point release', () => {
    expect(spans('We tried GPT-4. Then we stopped.')).toEqual(['GPT-4=gpt-4']);
    expect(spans('GPT-4.123 is not a version.')).toEqual(['GPT-4=gpt-4']);
  });
});

describe('Chinese company forms', () => {
  it('takes in a form glued to the name', () => {
    expect(spans('寒武纪科技股价大涨')).toEqual(['寒武纪科技=cambricon']);
    expect(spans('腾讯控股发布财报')).toEqual(['腾讯控股=tencent']);
    expect(spans('寒武纪科技有限公司')).toEqual(['寒武纪科技有限公司=cambricon']);
    // Traditional text is folded before matching.
    expect(spans('寒武紀科技')).toEqual(['寒武紀科技=cambricon']);
  });

  it('leaves out a generic noun and tech stocks', () => {
    expect(spans('寒武纪公司表示')).toEqual(['寒武纪=cambricon']);
    expect(spans('寒武纪科技股走强')).toEqual(['寒武纪=cambricon']);
  });
});

describe('an ambiguous spelling', () => {
  it('falls back to the entry that needs no context', () => {
    expect(spans('商务部表示')).toEqual(['商务部=mofcom']);
  });

  it('goes to the entry the page supports before one a cue word hints at', () => {
    const page = new PageContext<number>(matcher.table);
    page.record(0, matcher.match('美国商务部将更多企业列入实体清单。', page));
    expect(spans('中方回应后，商务部表示', page)).toEqual(['商务部=us-commerce']);
    expect(spans('中方回应后，商务部表示')).toEqual(['商务部=mofcom']);
  });
});

describe('a version of a model', () => {
  it("says an alias that is another of the model's aliases plus a version names a version, in a stored table too", async () => {
    const models = {
      ...dataset,
      entries: [entry('qwen', 'model', { en: ['Qwen', 'Qwen3-Max', 'Tongyi Qianwen'], zh: ['千问', '千问APP'] })],
    } as Dataset;
    const table = buildAliasTable(models);
    const text = 'Qwen, Qwen3-Max, Tongyi Qianwen, 千问APP.';
    const variants = (m: Matcher) => m.match(text).mentions.map((x) => `${text.slice(x.start, x.end)}:${x.variant === true}`);
    const expected = ['Qwen:false', 'Qwen3-Max:true', 'Tongyi Qianwen:false', '千问APP:false'];
    expect(variants(new Matcher(table))).toEqual(expected);
    const stored = await decodeStoredTable(await encodeStoredTable(table));
    expect(variants(new Matcher(stored!.table, stored!.automaton))).toEqual(expected);
  });

  it('says a mention that runs on past the name names a version', () => {
    const result = matcher.match('DeepSeek V3.1 and DeepSeek V3 shipped.');
    expect(result.mentions.map((m) => [m.end - m.start, m.variant === true])).toEqual([
      [13, true],
      [11, false],
    ]);
  });
});
