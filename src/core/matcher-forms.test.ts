// How far a mention reaches: point releases after a model name, Chinese
// company forms glued on, and which entry an ambiguous spelling goes to.
import { describe, expect, it } from 'vitest';
import { buildAliasTable } from './alias-table';
import type { Dataset, Entry } from './dataset-schema';
import { Matcher, type PageSupport } from './matcher';
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

describe('edges of the rules', () => {
  // Built in each test (Stryker counts what runs as the file loads as no test's).
  // The US ministry comes first: entry 0 must count like any other.
  const edges = () => {
    const m = new Matcher(
      buildAliasTable({
        ...dataset,
        entries: [
          entry(
            'us-commerce',
            'company',
            { zh: ['美国商务部', { text: '商务部', ambiguous: true, needsContext: true }] },
            { context: { zh: ['美方'] }, related: ['entity-list'] },
          ),
          entry('mofcom', 'company', { zh: [{ text: '商务部', ambiguous: true }] }, { context: { zh: ['中方'] } }),
          entry('deepseek-v3', 'model', { en: [{ text: 'V3', caseSensitive: true, needsContext: true }] }, { related: ['deepseek'] }),
          entry('deepseek', 'company', { en: ['DeepSeek'] }),
          entry('kimi', 'model', { en: [{ text: 'Kimi', needsContext: true }] }, { related: ['moonshot'], context: { en: ['chatbot'] } }),
          entry('moonshot', 'company', { en: ['Moonshot'] }),
          entry('kimi-k2', 'model', { en: [{ text: 'K2', caseSensitive: true, needsContext: true }] }, { related: ['kimi'] }),
          entry('apple', 'company', { en: ['Apple'], zh: ['苹果'] }, { broad: true }),
          entry('google', 'company', { en: ['Google'] }, { broad: true }),
          entry('nvidia', 'company', { en: [{ text: 'NV', caseSensitive: true, ambiguous: true }] }),
          entry('nv-energy', 'company', { en: [{ text: 'NV', caseSensitive: true, ambiguous: true }] }),
          entry('huawei', 'company', { en: ['Huawei'], zh: ['华为'] }),
          entry('ascend-910b', 'chip', { en: ['Ascend 910B'], zh: ['昇腾910B'] }, { facts: { vendor: 'huawei' } }),
          entry('other-910b', 'chip', { en: ['910B'] }),
          entry('trillium', 'chip', { en: ['Trillium'] }, { facts: { vendor: 'google' } }),
          entry('gemini', 'model', { en: ['Gemini'] }, { facts: { maker: 'google' } }),
          entry('qwen', 'model', { en: ['Qwen'], zh: ['千问'] }, { facts: { maker: 'alibaba' } }),
          entry('qwq', 'model', { en: ['QwQ'] }, { facts: { maker: 'alibaba' } }),
          entry('alibaba', 'company', { zh: ['阿里'] }),
          entry('grok', 'model', { en: ['Grok'] }),
          entry('o3', 'model', { en: [{ text: 'o3', caseSensitive: true }] }),
          entry('doubao', 'model', { zh: ['豆包'] }, { facts: { maker: 'bytedance' } }),
          entry('nano-banana', 'model', { en: ['Nano Banana'] }, { facts: { maker: 'google' } }),
          entry('smic-beijing', 'company', { zh: ['中芯北京'] }),
          entry('eccn-3a090', 'rule', { en: [{ text: '3A090', caseSensitive: true }] }),
          entry('us-ear', 'rule', { en: [{ text: 'EAR', caseSensitive: true }] }),
          entry('gpt-4', 'model', { en: ['GPT-4'] }),
          entry('entity-list', 'rule', { zh: ['实体清单'] }),
          entry('hygon', 'company', { zh: ['海光'] }),
        ],
      } as Dataset),
    );
    const id = (entry: number) => m.table.entries[entry]!.id;
    return {
      m,
      found: (text: string, page?: PageSupport) => m.match(text, page).mentions.map((x) => `${text.slice(x.start, x.end)}=${id(x.entry)}`),
      deferred: (text: string, page?: PageSupport) => m.match(text, page).deferred.map(id),
      index: (name: string) => m.table.entries.findIndex((e) => e.id === name),
    };
  };

  it('defers nothing in a text without names, or with only certain ones', () => {
    const { m } = edges();
    expect(m.match('Nothing to see here.')).toEqual({ mentions: [], deferred: [] });
    expect(m.match('Huawei and DeepSeek').deferred).toEqual([]);
  });

  it('defers exactly the names left unsupported, and keeps those a cue supports', () => {
    const { found, deferred } = edges();
    // 美方 supports the US ministry; nothing supports V3.
    expect(found('美方称商务部将限制V3')).toEqual(['商务部=us-commerce']);
    expect(deferred('美方称商务部将限制V3')).toEqual(['deepseek-v3']);
    expect(found('Kimi the chatbot, and V3')).toEqual(['Kimi=kimi']);
    expect(deferred('Kimi the chatbot, and V3')).toEqual(['deepseek-v3']);
  });

  it('follows support along a chain, whatever the order of the names', () => {
    // K2 needs Kimi, which needs Moonshot.
    expect(edges().found('K2 beats Kimi, says Moonshot')).toEqual(['K2=kimi-k2', 'Kimi=kimi', 'Moonshot=moonshot']);
  });

  it('puts a broad name on topic through a certain name of another kind in the text, not through another broad one', () => {
    const { found, index } = edges();
    expect(found('美国商务部约谈苹果')).toEqual(['美国商务部=us-commerce', '苹果=apple']);
    expect(found('Apple and Google')).toEqual([]);
    // Google named elsewhere on the page, which is not on topic: Google counts again, Apple not.
    const google = index('google');
    expect(found('Google and Apple', { has: (e) => e === google })).toEqual(['Google=google']);
  });

  it('puts a broad name on topic through a name that an ambiguous spelling falls back to, later in the text', () => {
    expect(edges().found('Apple and NV')).toEqual(['Apple=apple', 'NV=nvidia']);
  });

  it('gives a longer name to its own entry, not to one of a shorter name inside it that the page confirms', () => {
    const { found, index } = edges();
    const other = index('other-910b');
    expect(found('Ascend 910B', { has: (e) => e === other })).toEqual(['Ascend 910B=ascend-910b']);
  });

  it('keeps a name written in two scripts straight after each other as two mentions, as a reader reads them', () => {
    expect(edges().found('华为Huawei与Huawei华为')).toEqual(['华为=huawei', 'Huawei=huawei', 'Huawei=huawei', '华为=huawei']);
  });

  it("joins a maker's models glued together, but not models of different makers or none, nor a model and a chip of one maker", () => {
    const { found } = edges();
    expect(found('千问QwQ')).toEqual(['千问QwQ=qwq']);
    expect(found('Grok o3')).toEqual(['Grok=grok', 'o3=o3']);
    expect(found('Gemini Qwen')).toEqual(['Gemini=gemini', 'Qwen=qwen']);
    expect(found('Trillium Gemini')).toEqual(['Trillium=trillium', 'Gemini=gemini']);
    expect(found('Gemini Trillium')).toEqual(['Gemini=gemini', 'Trillium=trillium']);
  });

  it('keeps a version run on past a name when another name follows right after it', () => {
    const { found } = edges();
    expect(found('Qwen3阿里')).toEqual(['Qwen3=qwen', '阿里=alibaba']);
    // A tier glued to a Chinese name stops where a name starts with it.
    expect(found('豆包Nano Banana')).toEqual(['豆包=doubao', 'Nano Banana=nano-banana']);
  });

  it('does not start a Chinese name inside a common word', () => {
    expect(edges().found('上海华为集团与上海光源')).toEqual(['上海华为集团=huawei']);
  });

  it("takes a plural only of a chip's name, and a version only after a model's", () => {
    const { found } = edges();
    expect(found('two 3A090s')).toEqual([]);
    expect(found('Huawei3 phones')).toEqual([]);
  });

  it("does not take in a city before a chip's name, or one that is the tail of the mention before", () => {
    const { found } = edges();
    expect(found('深圳昇腾910B')).toEqual(['昇腾910B=ascend-910b']);
    expect(found('中芯北京华为集团')).toEqual(['中芯北京=smic-beijing', '华为集团=huawei']);
  });

  it('takes a paragraph only after an ECCN', () => {
    expect(edges().found('the EAR.a rule and 3A090.a')).toEqual(['EAR=us-ear', '3A090.a=eccn-3a090']);
  });

  it('leaves alone names in a web address with a scheme and no www, or with www and no scheme', () => {
    const { found } = edges();
    expect(found('see https://example.com/huawei-news')).toEqual([]);
    expect(found('see www.example.com/huawei')).toEqual([]);
  });

  it('takes a legal form only as a word of its own after a space, and a second one after a comma', () => {
    const { found } = edges();
    expect(found('Huawei Co, Ltd')).toEqual(['Huawei Co, Ltd=huawei']);
    expect(found('Use Huawei Corp.')).toEqual(['Huawei Corp=huawei']);
    expect(found('Huawei,Co')).toEqual(['Huawei=huawei']);
    expect(found('Huawei Co.Ltd')).toEqual(['Huawei Co=huawei']);
    expect(found('Huawei Technologies-Ltd')).toEqual(['Huawei=huawei']);
    expect(found('Huawei Ltd。')).toEqual(['Huawei Ltd=huawei']);
  });

  it('takes a Chinese form glued to a Chinese name only', () => {
    expect(edges().found('Huawei科技')).toEqual(['Huawei=huawei']);
  });

  it("reads a model's version from 0 to 9, but not a point release after a name without a number, nor a number after one with its own", () => {
    const { found } = edges();
    expect(found('Qwen9 and Qwen0.5')).toEqual(['Qwen9=qwen', 'Qwen0.5=qwen']);
    expect(found('Qwen.5')).toEqual(['Qwen=qwen']);
    expect(found('GPT-4 10 times')).toEqual(['GPT-4=gpt-4']);
    expect(found('QwenMax')).toEqual([]);
  });

  it('reads a tier after a version only after a space, and an edition after the tier', () => {
    const { found } = edges();
    expect(found('Qwen 2.5/Max')).toEqual(['Qwen 2.5=qwen']);
    expect(found('Qwen 2.5 -Max')).toEqual(['Qwen 2.5=qwen']);
    expect(found('Qwen 2.5 Max-Preview')).toEqual(['Qwen 2.5 Max-Preview=qwen']);
  });

  it('says a bare model name names the model, not a variant', () => {
    expect(edges().m.match('Qwen').mentions[0]!.variant).toBeUndefined();
  });

  it("says a spelling two models share names a variant by the alias of the model it goes to, not by the other's", () => {
    // "Kite 2" is a version of the first model here (beside "Kite"), a name of its own for the second; the first listed wins.
    const variant = (first: Entry['aliases'], second: Entry['aliases']) =>
      new Matcher(buildAliasTable({ ...dataset, entries: [entry('a', 'model', first), entry('b', 'model', second)] } as Dataset)).match('Kite 2').mentions[0]!
        .variant === true;
    const shared = { text: 'Kite 2', ambiguous: true } as const;
    expect(variant({ en: ['Kite', shared] }, { en: [shared] })).toBe(true);
    expect(variant({ en: [shared] }, { en: ['Kite', shared] })).toBe(false);
  });
});
