import { describe, expect, it } from 'vitest';
import { buildAliasTable, findAliasConflicts } from './alias-table';
import { decodeStoredTable, encodeStoredTable } from './stored-table';
import type { Dataset, Entry } from './dataset-schema';
import { Automaton } from './automaton';
import { Matcher } from './matcher';
import { PageContext } from './page-context';

function entry(
  id: string,
  kind: Entry['kind'],
  aliases: Entry['aliases'],
  more: { related?: string[]; maker?: string; context?: Entry['context']; broad?: true } = {},
): Entry {
  // Only the fields the alias table reads matter here.
  const facts = kind === 'chip' ? { vendor: more.maker } : kind === 'model' ? { maker: more.maker } : {};
  return { id, kind, aliases, related: more.related ?? [], context: more.context, facts, ...(more.broad ? { broad: true } : {}) } as Entry;
}

const dataset = {
  format: 1,
  version: 1,
  asOf: '2026-01-01',
  entries: [
    entry('nvidia', 'company', { en: ['NVIDIA'], ru: ['Нвидиа'], zh: ['英伟达', '輝達'] }),
    entry('nvidia-h20', 'chip', { en: ['NVIDIA H20', { text: 'H20', caseSensitive: true }], zh: ['英伟达H20'] }, { maker: 'nvidia' }),
    entry('nvidia-h200', 'chip', { en: [{ text: 'H200', caseSensitive: true }, 'NVIDIA H200', 'H200 NVL72'] }),
    entry('huawei', 'company', { en: ['Huawei'], ru: ['Хуавэй', 'Хуавей'], zh: ['华为', '華為'] }),
    entry('us-ear', 'rule', { en: [{ text: 'EAR', caseSensitive: true }] }),
    entry('ai-diffusion-rule', 'rule', { en: ['AI Diffusion Rule'], ru: [{ text: 'Правило распространения ИИ', inflect: 0 }] }),
    entry('huawei-ascend-910b', 'chip', { en: ['Ascend 910B'], zh: ['昇腾910B'] }, { maker: 'huawei' }),
    entry('qwen', 'model', { en: ['Qwen'], zh: ['千问', '通义千问'] }, { maker: 'alibaba' }),
    entry('alibaba', 'company', { en: ['Alibaba'], zh: ['阿里', '阿里巴巴'] }),
    entry('o3', 'model', { en: [{ text: 'o3', caseSensitive: true }] }),
    entry('qwq', 'model', { en: ['QwQ'] }, { maker: 'alibaba' }),
    entry('seed', 'model', { en: [{ text: 'Seed', caseSensitive: true, withVersion: true }] }),
    entry('qualcomm', 'company', { zh: ['高通'] }),
    entry('unicom', 'company', { zh: ['联通'] }),
    entry('montage', 'company', { zh: ['澜起'] }),
    entry('chips-act', 'rule', { en: ['CHIPS Act'], zh: ['芯片法案'] }),
    entry('export-law', 'rule', { ru: [{ text: 'Закон КНР об экспортном контроле', inflect: 0 }] }),
    entry('cyber-law', 'rule', { zh: ['《网络安全法》'] }),
    entry('eccn-3a090', 'rule', { en: ['ECCN 3A090', { text: '3A090', caseSensitive: true }] }),
    entry('mofcom', 'company', { ru: [{ text: 'Минторг КНР', inflect: 0 }], zh: ['商务部'] }),
    entry('china-export-control-law', 'rule', { zh: ['出口管制法'] }),
    entry(
      'kimi',
      'model',
      { en: [{ text: 'Kimi', needsContext: true }] },
      {
        maker: 'moonshot',
        related: ['moonshot'],
        context: { en: ['chatbot', 'model'], ru: ['чат-бот'], zh: ['大模型'] },
      },
    ),
    entry('moonshot', 'company', { en: ['Moonshot AI'] }, { related: ['kimi'] }),
    entry('cac', 'company', { ru: [{ text: 'Главное управление киберпространства Китая', inflect: [0, 1] }] }),
    entry('samr', 'company', { en: ['Market Regulator'], zh: ['市场监管总局'] }, { broad: true }),
    entry('bank-of-china', 'company', { en: ['Bank of China'] }),
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
    // A Russian word that merely contains a name is not a mention of it.
    expect(found('сНвидиа, Нвидиаш и Хуавэйка')).toEqual([]);
    expect(found('«Нвидиа», Хуавэй.')).toEqual(['Нвидиа=nvidia', 'Хуавэй=huawei']);
  });

  it('matches case-sensitive aliases only in their case', () => {
    expect(found('h20 water, H20 chip')).toEqual(['H20=nvidia-h20']);
  });

  it('finds Russian case forms', () => {
    expect(found('в Хуавэе и у Хуавея, чипы Нвидии')).toEqual(['Хуавэе=huawei', 'Хуавея=huawei', 'Нвидии=nvidia']);
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

  it('joins a maker and its product into one mention of the product', () => {
    expect(found('Huawei Ascend 910B and Huawei, Ascend 910B')).toEqual([
      'Huawei Ascend 910B=huawei-ascend-910b',
      'Huawei=huawei',
      'Ascend 910B=huawei-ascend-910b',
    ]);
    expect(found('华为昇腾 910B 与 阿里千问Qwen、阿里通义千问')).toEqual(['华为昇腾 910B=huawei-ascend-910b', '阿里千问Qwen=qwen', '阿里通义千问=qwen']);
    // A company next to another company's product stays two mentions.
    expect(found('NVIDIA Qwen')).toEqual(['NVIDIA=nvidia', 'Qwen=qwen']);
  });

  it("keeps a company's legal form with its name, but not the full stop", () => {
    expect(found('Huawei Technologies Ltd. and Alibaba Group said; Huawei Co-founder')).toEqual([
      'Huawei Technologies Ltd=huawei',
      'Alibaba=alibaba',
      'Huawei=huawei',
    ]);
    // Whole words only, in any script.
    expect(found('Nvidia Corporation; Nvidia Corpus; Nvidia Co2; Nvidia Coé; Nvidia Co英伟达; Huawei Electronics Co, Huawei Group Ltd')).toEqual([
      'Nvidia Corporation=nvidia',
      'Nvidia=nvidia',
      'Nvidia=nvidia',
      'Nvidia=nvidia',
      'Nvidia=nvidia',
      '英伟达=nvidia',
      'Huawei Electronics Co=huawei',
      'Huawei Group Ltd=huawei',
    ]);
    // A second form after a comma; not a list of companies.
    expect(found('Huawei Technologies Co., Ltd. said; Huawei Co, Alibaba')).toEqual([
      'Huawei Technologies Co., Ltd=huawei',
      'Huawei Co=huawei',
      'Alibaba=alibaba',
    ]);
    // Or after a full stop or a space ("Co. Ltd", "JSC Ltd"), but only a legal form.
    expect(found('Huawei Co. Ltd; Huawei JSC Ltd; Huawei Co lost')).toEqual(['Huawei Co. Ltd=huawei', 'Huawei JSC Ltd=huawei', 'Huawei Co=huawei']);
  });

  it('runs a model name on over a version written straight after it', () => {
    expect(found('Qwen3 and Qwen 3, 千问2.5发布, Qwen3b')).toEqual(['Qwen3=qwen', 'Qwen 3=qwen', '千问2.5=qwen']);
    expect(found('Qwen 2.5-Max beat Qwen-2.5-72B; Qwen3-Coder-Plus; the Qwen 2025 plan; Qwen-based apps')).toEqual([
      'Qwen 2.5-Max=qwen',
      'Qwen-2.5-72B=qwen',
      'Qwen3-Coder-Plus=qwen',
      'Qwen=qwen',
      'Qwen=qwen',
    ]);
  });

  it('runs a model name on over a tier: after a dash, after a version and a space, or glued to a Chinese name', () => {
    expect(found('Qwen-Turbo, Qwen-Long, Qwen3-Max-Preview, Qwen 3 Thinking, Qwen 2.5 Max and 千问Pro')).toEqual([
      'Qwen-Turbo=qwen',
      'Qwen-Long=qwen',
      'Qwen3-Max-Preview=qwen',
      'Qwen 3 Thinking=qwen',
      'Qwen 2.5 Max=qwen',
      '千问Pro=qwen',
    ]);
    // Without a version a word after a space is not a tier, nor is a word that only begins like one.
    expect(found('Qwen Max users; Qwen 3 professionals; Qwen 3 pros; 千问Profile')).toEqual(['Qwen=qwen', 'Qwen 3=qwen', 'Qwen 3=qwen', '千问=qwen']);
    // Without a version, a dash and a code is not a tier: another model may follow ("ChatGPT-o3").
    // A size is a version of its own ("Qwen-7B"), and may follow a series letter ("Hunyuan-A13B").
    // Chinese sites space the dash; sizes may have decimals.
    expect(found('Qwen3.5 - Plus、Qwen - 3 - max、Qwen3.5-0.8B/2B; Qwen - the family')).toEqual([
      'Qwen3.5 - Plus=qwen',
      'Qwen - 3 - max=qwen',
      'Qwen3.5-0.8B=qwen',
      'Qwen=qwen',
    ]);
    expect(found('Qwen-x3, Qwen-7b, Qwen 72B, Qwen-A13B and Qwen k1.5; Qwen3b')).toEqual([
      'Qwen=qwen',
      'Qwen-7b=qwen',
      'Qwen 72B=qwen',
      'Qwen-A13B=qwen',
      'Qwen k1.5=qwen',
    ]);
    // A version or edition does not swallow the next name: o3 is a model of its own.
    expect(found('Qwen-o3 and Qwen o3')).toEqual(['Qwen=qwen', 'o3=o3', 'Qwen=qwen', 'o3=o3']);
  });

  it('runs a model name on over a sub-brand after a dash, and over a size after a tier', () => {
    expect(found('Qwen-Image, Qwen-Next, Qwen-Large, Qwen-Coder-7B, Qwen-Math-1.5 and Qwen-VL-Max')).toEqual([
      'Qwen-Image=qwen',
      'Qwen-Next=qwen',
      'Qwen-Large=qwen',
      'Qwen-Coder-7B=qwen',
      'Qwen-Math-1.5=qwen',
      'Qwen-VL-Max=qwen',
    ]);
    // Editions named after a version: coding, special and final releases.
    expect(found('Qwen 5.3-Codex, Qwen3.2-Speciale, Qwen-3.1-Terminus, Qwen-2-Instant and Qwen2-Distill')).toEqual([
      'Qwen 5.3-Codex=qwen',
      'Qwen3.2-Speciale=qwen',
      'Qwen-3.1-Terminus=qwen',
      'Qwen-2-Instant=qwen',
      'Qwen2-Distill=qwen',
    ]);
    // The adjectives a dash makes are not editions, nor is a code without a tier before it.
    expect(found('Qwen-based, Qwen-style, Qwen-powered; Qwen-Imagery; Qwen-x3')).toEqual(['Qwen=qwen', 'Qwen=qwen', 'Qwen=qwen', 'Qwen=qwen', 'Qwen=qwen']);
  });

  it('reads a letter that ends a version as part of it ("Qwen-4o"), but not a word', () => {
    expect(found('Qwen-4o, Qwen 2.5v and Qwen-4ox; Qwen 4 owners')).toEqual(['Qwen-4o=qwen', 'Qwen 2.5v=qwen', 'Qwen=qwen', 'Qwen 4=qwen']);
  });

  it("takes in the city a Chinese company's registered name starts with, not what lies before a mention", () => {
    expect(found('北京阿里巴巴集团与杭州阿里巴巴人工智能公司，华为在北京')).toEqual([
      '北京阿里巴巴集团=alibaba',
      '杭州阿里巴巴人工智能公司=alibaba',
      '华为=huawei',
    ]);
    // Not a country before a Latin name (the tail of the mention before: matcher-forms.test.ts).
    expect(found('中國Market Regulator調查芯片')).toEqual(['Market Regulator=samr']);
    // Before a bare name the city says where the company is: "a small Shanghai Alibaba".
    expect(found('体量较小的上海阿里巴巴，杭州阿里')).toEqual(['阿里巴巴=alibaba', '阿里=alibaba']);
    // A city written in Latin letters, or one that is the tail of another mention, stays out.
    expect(found('Beijing 华为集团，华为北京华为集团')).toEqual(['华为集团=huawei', '华为=huawei', '北京华为集团=huawei']);
    // Taiwan's press names Beijing's bodies with the mainland before them.
    expect(found('大陸市場監管總局與中共市场监管总局調查芯片')).toEqual(['大陸市場監管總局=samr', '中共市场监管总局=samr']);
    // The country goes with a ministry or regulator (a broad name), not with a company.
    expect(found('中國市场监管总局调查芯片，中国华为')).toEqual(['中國市场监管总局=samr', '华为=huawei']);
    // English puts the country's possessive before it, "China's" or "China’s"; not a longer word's.
    expect(found("China's Market Regulator probed chips; China’s Market Regulator; Indochina's Market Regulator; China's Huawei")).toEqual([
      "China's Market Regulator=samr",
      'China’s Market Regulator=samr',
      'Market Regulator=samr',
      'Huawei=huawei',
    ]);
    // Not a country that ends the mention before.
    expect(found("Bank of China's Market Regulator probed chips")).toEqual(['Bank of China=bank-of-china', 'Market Regulator=samr']);
    // Only a country's possessive, each country's own.
    expect(found("Malaysia's Market Regulator probed chips; China1s Market Regulator; China'x Market Regulator; China's-Market Regulator")).toEqual([
      "Malaysia's Market Regulator=samr",
      'Market Regulator=samr',
      'Market Regulator=samr',
      'Market Regulator=samr',
    ]);
  });

  it("takes in a chip's rack size, and another spelling of the chip inside it", () => {
    expect(found('NVIDIA H200 NVL72 racks, H200 NVL144 and H200 NVLink')).toEqual([
      'NVIDIA H200 NVL72=nvidia-h200',
      'H200 NVL144=nvidia-h200',
      'H200=nvidia-h200',
    ]);
  });

  it('takes in 大模型 after a Chinese model name, with a version after it, but no other noun', () => {
    expect(found('千问大模型，千问大模型2.5，千问视觉模型')).toEqual(['千问大模型=qwen', '千问大模型2.5=qwen', '千问=qwen']);
    // A Latin name does not take it.
    expect(found('Qwen大模型')).toEqual(['Qwen=qwen']);
  });

  it('reads a number a Chinese date or count unit follows as no version', () => {
    expect(found('千问3月初发布，千问3亿次，千问3发布')).toEqual(['千问=qwen', '千问=qwen', '千问3=qwen']);
  });

  it("reads a maker's family name before another of its models as that model", () => {
    expect(found('Qwen‑QwQ-32B, Qwen QwQ-32B-high, and Qwen and QwQ')).toEqual(['Qwen‑QwQ-32B=qwq', 'Qwen QwQ-32B-high=qwq', 'Qwen=qwen', 'QwQ=qwq']);
    // Another maker's model stays apart.
    expect(found('Qwen-o3')).toEqual(['Qwen=qwen', 'o3=o3']);
  });

  it("takes in a registered name's trade and bracketed city when a full form follows", () => {
    expect(found('华为技术有限公司、华为(深圳)股份有限公司、华为智能科技（北京）有限公司')).toEqual([
      '华为技术有限公司=huawei',
      '华为(深圳)股份有限公司=huawei',
      '华为智能科技（北京）有限公司=huawei',
    ]);
    // A limited-liability form glued to the name is one too.
    expect(found('华为有限责任公司')).toEqual(['华为有限责任公司=huawei']);
    // Without a full form, the brackets and the trade are the sentence's, not the name's.
    expect(found('华为(深圳)办公室，华为技术强')).toEqual(['华为=huawei', '华为=huawei']);
  });

  it("finds Taiwan's words for a Chinese alias, and China spelled out for a Russian one", () => {
    expect(found('美國晶片法案與芯片法案')).toEqual(['晶片法案=chips-act', '芯片法案=chips-act']);
    expect(found('Минторгом Китая и Минторга Китайской Народной Республики')).toEqual([
      'Минторгом Китая=mofcom',
      'Минторга Китайской Народной Республики=mofcom',
    ]);
  });

  it('finds a Russian law with its title in quotes, as Russian writes it', () => {
    expect(found('законом КНР «Об экспортном контроле» и Закона Китая "об экспортном контроле"')).toEqual([
      'законом КНР «Об экспортном контроле»=export-law',
      'Закона Китая "об экспортном контроле"=export-law',
    ]);
  });

  it('leaves the title marks out of a law named with them, and finds only the marked name', () => {
    expect(found('依据《网络安全法》的规定；美国网络安全法')).toEqual(['网络安全法=cyber-law']);
  });

  it("takes in an ECCN's paragraph, but not a longer word or a sentence's full stop", () => {
    expect(found('ECCN 3A090.a的推定, 3A090.b.1 chips, 3A090. Next, 3A090.ab')).toEqual([
      'ECCN 3A090.a=eccn-3a090',
      '3A090.b.1=eccn-3a090',
      '3A090=eccn-3a090',
      '3A090=eccn-3a090',
    ]);
  });

  it('finds a name that is an everyday word only with a one-digit version after it', () => {
    expect(found('Seed 2.0 Pro, Seed-1.6 and Seed2; a Seed round, Seed 10, Seed 2,000 and seed 2.0')).toEqual([
      'Seed 2.0 Pro=seed',
      'Seed-1.6=seed',
      'Seed2=seed',
    ]);
    // A digit that starts a longer word is no version.
    expect(found('Seed 2xy')).toEqual([]);
  });

  it("takes in a statute's year written after its title, but not another number or word", () => {
    expect(found('the CHIPS Act of 2022 and the CHIPS Act; CHIPS Act of 20225, CHIPS Act of 1850, CHIPS Act of Congress')).toEqual([
      'CHIPS Act of 2022=chips-act',
      'CHIPS Act=chips-act',
      'CHIPS Act=chips-act',
      'CHIPS Act=chips-act',
      'CHIPS Act=chips-act',
    ]);
    // Only an act's title takes a year.
    expect(found('the EAR of 2020')).toEqual(['EAR=us-ear']);
  });

  it('does not end or start a Chinese name inside a common word', () => {
    // 通胀 (inflation), 法令 (laws and decrees), 法律 (law), 上海 (Shanghai) …
    expect(found('美国高通胀，遵守出口管制法令与法律；出口管制法律体系')).toEqual([]);
    // 互联通信 (interconnect), 波澜起伏 (ups and downs).
    expect(found('芯片互联通信，行业波澜起伏；联通与澜起')).toEqual(['联通=unicom', '澜起=montage']);
    // … but the law stipulates (法规定) is the law, and so is the name alone.
    expect(found('依出口管制法规定，违反出口管制法规；《出口管制法》；高通芯片')).toEqual([
      '出口管制法=china-export-control-law',
      '出口管制法=china-export-control-law',
      '高通=qualcomm',
    ]);
  });

  it('reads a plural of a chip named with a number ("H20s"), not a longer word', () => {
    expect(found('thousands of H20s and H200s; H20st')).toEqual(['H20=nvidia-h20', 'H200=nvidia-h200']);
  });

  it("reads a possessive as two mentions: the maker's, then its product", () => {
    expect(found("NVIDIA's H20 and NVIDIA’s H20")).toEqual(['NVIDIA=nvidia', 'H20=nvidia-h20', 'NVIDIA=nvidia', 'H20=nvidia-h20']);
  });

  it('reads a Cyrillic letter typed for its Latin twin before a number ("Н20")', () => {
    // Н here is Cyrillic; «в2020» and «сН20» are not a name.
    expect(found('ускоритель Н20 и чип H20, в2020, сН20')).toEqual(['Н20=nvidia-h20', 'H20=nvidia-h20']);
  });

  it('keeps a context-dependent alias only where the text or the page supports it', () => {
    expect(found('Kimi Raikkonen won the race.')).toEqual([]);
    expect(found('The Kimi chatbot answered.')).toEqual(['Kimi=kimi']);
    expect(found('Moonshot AI said Kimi is free.')).toEqual(['Moonshot AI=moonshot', 'Kimi=kimi']);
    const moonshot = matcher.table.entries.findIndex((e) => e.id === 'moonshot');
    const kimi = matcher.table.entries.findIndex((e) => e.id === 'kimi');
    expect(matcher.match('Kimi answered.')).toEqual({ mentions: [], deferred: [kimi] });
    expect(matcher.findMentions('Kimi answered.', new Set([moonshot]))).toHaveLength(1);
  });

  it('declines an adjective with its noun', () => {
    expect(found('решение принято Главным управлением киберпространства Китая')).toEqual(['Главным управлением киберпространства Китая=cac']);
  });

  it('reads a space between Chinese and Latin or digits as optional', () => {
    expect(found('英伟达 H20 与 昇腾910B')).toEqual(['英伟达 H20=nvidia-h20', '昇腾910B=huawei-ascend-910b']);
  });

  it('leaves names inside written-out web addresses alone', () => {
    expect(found('Source: https://example.com/huawei-h20-news and www.huawei.com, but Huawei here')).toEqual(['Huawei=huawei']);
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
    const hopper = (id: string, ambiguous: boolean) => entry(id, 'chip', { en: [ambiguous ? { text: 'Hopper', ambiguous: true } : 'Hopper'] });
    const one = { ...dataset, entries: [hopper('a', true), hopper('b', false)] } as Dataset;
    const both = { ...dataset, entries: [hopper('a', true), hopper('b', true)] } as Dataset;
    expect(findAliasConflicts(buildAliasTable(one))).toEqual([{ text: 'hopper', ids: ['a', 'b'] }]);
    expect(findAliasConflicts(buildAliasTable(both))).toEqual([]);
  });
});

describe('PageContext', () => {
  it('reads a paragraph again once another confirms what it needed', () => {
    const page = new PageContext<number>(matcher.table);
    const first = matcher.match('Kimi answered.', page.confirmed);
    expect(first.mentions).toEqual([]);
    expect(page.record(0, first)).toEqual([]);
    const second = matcher.match('Moonshot AI launched it.', page.confirmed);
    expect(page.record(1, second)).toEqual([0]);
    expect(matcher.findMentions('Kimi answered.', page.confirmed)).toHaveLength(1);
    // Nothing new confirmed: nothing to read again.
    expect(page.record(2, matcher.match('Moonshot AI again.', page.confirmed))).toEqual([]);
  });

  it('does not read again a paragraph it was told to forget', () => {
    const page = new PageContext<number>(matcher.table);
    page.record(0, matcher.match('Kimi answered.', page.confirmed));
    page.record(1, matcher.match('Kimi again.', page.confirmed));
    expect(page.waitingCount).toBe(2);
    page.forget(0);
    expect(page.waitingCount).toBe(1);
    expect(page.record(2, matcher.match('Moonshot AI launched it.', page.confirmed))).toEqual([1]);
  });
});

describe('Matcher with a stored table', () => {
  const sample = 'NVIDIA H20, Huawei Ascend 910B and 英伟达H20; Хуавэй and the EAR under the AI Diffusion Rule, Qwen3 and 通义千问.';

  it('matches exactly as when it builds the automaton itself', async () => {
    const table = buildAliasTable(dataset);
    const stored = await encodeStoredTable(table);
    const loaded = (await decodeStoredTable(stored))!;
    expect(loaded.automaton).toBeDefined();
    const own = new Matcher(table).match(sample);
    expect(own.mentions.length).toBeGreaterThan(5);
    expect(new Matcher(loaded.table, loaded.automaton).match(sample)).toEqual(own);
  });

  it('answers every pattern and text as the table it was made from', async () => {
    // A second entry with the cue "model" gives that cue an `also`.
    const glm = entry('glm', 'model', { en: [{ text: 'GLM', needsContext: true }] }, { context: { en: ['model'] } });
    const table = buildAliasTable({ ...dataset, entries: [...dataset.entries, glm] });
    const loaded = (await decodeStoredTable(await encodeStoredTable(table)))!;
    const all = [...table.patterns, ...table.cues];
    expect(loaded.table.aliasCount).toBe(table.patterns.length);
    expect(loaded.table.patternCount).toBe(all.length);
    expect(loaded.table.texts()).toEqual(all.map((p) => p.text));
    expect(all.some((p) => p.cased) && all.some((p) => p.needsContext) && all.some((p) => p.also) && all.some((p) => p.withVersion)).toBe(true);
    all.forEach(({ entry, cased, needsContext, withVersion, also, topic }, i) => {
      expect(loaded.table.pattern(i)).toEqual({
        entry,
        ...(cased === undefined ? {} : { cased }),
        ...(needsContext ? { needsContext } : {}),
        ...(withVersion ? { withVersion } : {}),
        ...(also ? { also } : {}),
        ...(topic ? { topic } : {}),
      });
    });
  });

  it('refuses a copy whose patterns point past its entries, and rebuilds a damaged automaton from the texts', async () => {
    const table = buildAliasTable(dataset);
    const packed = await unpack(await encodeStoredTable(table));
    const view = new DataView(packed.buffer);
    const jsonLength = view.getUint32(0, true);
    const at4 = (n: number) => n + ((4 - (n % 4)) % 4);
    const automatonAt = at4(4 + jsonLength);
    const shape = JSON.parse(new TextDecoder().decode(packed.subarray(4, 4 + jsonLength))).automaton;
    const lastWordAt = at4(automatonAt + Automaton.byteLength(shape)) + 4 * (table.patterns.length + table.cues.length - 1);
    const last = view.getUint32(lastWordAt, true);
    view.setUint32(lastWordAt, (table.entries.length + 5) * 2, true);
    expect(await decodeStoredTable(await pack(packed))).toBeUndefined();
    view.setUint32(lastWordAt, last, true);
    expect(await decodeStoredTable(await pack(packed))).toBeDefined();
    // The automaton's first edge count, made to run past the arrays.
    view.setUint32(automatonAt, 0xffffff, true);
    const loaded = (await decodeStoredTable(await pack(packed)))!;
    expect(loaded.automaton).toBeUndefined();
    expect(new Matcher(loaded.table).match(sample)).toEqual(new Matcher(table).match(sample));
  });

  it('refuses a copy whose head breaks its shape, field by field, and takes one that keeps it', async () => {
    const table = buildAliasTable(dataset);
    const packed = await unpack(await encodeStoredTable(table));
    const patterns = table.patterns.length + table.cues.length;
    const entries = table.entries.length;
    const changed = async (change: (head: Record<string, unknown> & { entries: Record<string, unknown>[] }) => void) =>
      decodeStoredTable(await pack(withHead(packed, change)));
    expect(await changed(() => undefined)).toBeDefined();
    const valid: [string, (h: Record<string, unknown> & { entries: Record<string, unknown>[] }) => void][] = [
      [
        'a maker in range',
        (h) => {
          h.entries[1]!.maker = entries - 1;
        },
      ],
      [
        'supporters in range',
        (h) => {
          h.entries[0]!.supporters = [0, entries - 1];
        },
      ],
      [
        'broad',
        (h) => {
          h.entries[0]!.broad = true;
        },
      ],
      [
        'no aliases',
        (h) => {
          h.aliasCount = 0;
        },
      ],
      [
        'a cased pattern in range',
        (h) => {
          h.cased = [[patterns - 1, 'X']];
        },
      ],
      [
        'a cue supporting entries in range',
        (h) => {
          h.also = [[patterns - 1, [0, entries - 1]]];
        },
      ],
      [
        'a variant in range',
        (h) => {
          h.variants = [0, patterns - 1];
        },
      ],
      [
        'topic words in range',
        (h) => {
          h.topic = [0, patterns - 1];
        },
      ],
    ];
    for (const [what, change] of valid) expect(await changed(change), what).toBeDefined();
    const broken: [string, (h: Record<string, unknown> & { entries: Record<string, unknown>[] }) => void][] = [
      [
        'another format',
        (h) => {
          h.format = 1;
        },
      ],
      [
        'a version that is not a number',
        (h) => {
          h.datasetVersion = '1';
        },
      ],
      [
        'an odd fold table',
        (h) => {
          h.hanFold = 'abc';
        },
      ],
      [
        'a fold table that is not text',
        (h) => {
          h.hanFold = 12;
        },
      ],
      [
        'entries that are not a list',
        (h) => {
          h.entries = {} as never;
        },
      ],
      [
        'a negative alias count',
        (h) => {
          h.aliasCount = -1;
        },
      ],
      [
        'more aliases than patterns',
        (h) => {
          h.aliasCount = patterns + 1;
        },
      ],
      [
        'a fractional alias count',
        (h) => {
          h.aliasCount = 1.5;
        },
      ],
      [
        'a pattern count that is not a number',
        (h) => {
          h.patternCount = String(patterns);
        },
      ],
      [
        'no automaton',
        (h) => {
          h.automaton = null;
        },
      ],
      [
        'an automaton that is not an object',
        (h) => {
          h.automaton = 3;
        },
      ],
      [
        'an entry that is null',
        (h) => {
          h.entries[0] = null as never;
        },
      ],
      [
        'an entry without an id',
        (h) => {
          h.entries[0]!.id = 7;
        },
      ],
      [
        'an entry of no known kind',
        (h) => {
          h.entries[0]!.kind = 'person';
        },
      ],
      [
        'a maker past the entries',
        (h) => {
          h.entries[1]!.maker = entries;
        },
      ],
      [
        'a negative maker',
        (h) => {
          h.entries[1]!.maker = -1;
        },
      ],
      [
        'supporters that are not a list',
        (h) => {
          h.entries[0]!.supporters = 1;
        },
      ],
      [
        'a supporter past the entries',
        (h) => {
          h.entries[0]!.supporters = [entries];
        },
      ],
      [
        'broad that is not true',
        (h) => {
          h.entries[0]!.broad = false;
        },
      ],
      [
        'cased that is not a list',
        (h) => {
          h.cased = {};
        },
      ],
      [
        'a cased pattern past the patterns',
        (h) => {
          h.cased = [[patterns, 'X']];
        },
      ],
      [
        'a cased pattern without text',
        (h) => {
          h.cased = [[0, 5]];
        },
      ],
      [
        'a cased entry that is not a pair',
        (h) => {
          h.cased = [5];
        },
      ],
      [
        'also that is not a list',
        (h) => {
          h.also = null;
        },
      ],
      [
        'a cue of a negative pattern',
        (h) => {
          h.also = [[-1, [0]]];
        },
      ],
      [
        'a cue supporting an entry past the entries',
        (h) => {
          h.also = [[0, [entries]]];
        },
      ],
      [
        'a cue whose supported entries are not a list',
        (h) => {
          h.also = [[0, 0]];
        },
      ],
      [
        'variants that are not a list',
        (h) => {
          h.variants = 0;
        },
      ],
      [
        'a variant past the patterns',
        (h) => {
          h.variants = [patterns];
        },
      ],
      [
        'topic words that are not a list',
        (h) => {
          delete h.topic;
        },
      ],
      [
        'a topic word past the patterns',
        (h) => {
          h.topic = [-1];
        },
      ],
    ];
    for (const [what, change] of broken) expect(await changed(change), what).toBeUndefined();
  });

  it('reads nothing from a damaged or foreign value, so the page falls back instead of mismatching', async () => {
    const stored = await encodeStoredTable(buildAliasTable(dataset));
    expect(await decodeStoredTable(stored.slice(0, stored.length / 2))).toBeUndefined();
    expect(await decodeStoredTable('not base64 at all!')).toBeUndefined();
    expect(await decodeStoredTable({ format: 4 })).toBeUndefined();
    expect(await decodeStoredTable(undefined)).toBeUndefined();
  });
});

/** The packed table with its JSON head changed, and the rest moved to where the new head's length puts it. */
function withHead(packed: Uint8Array, change: (head: Record<string, unknown> & { entries: Record<string, unknown>[] }) => void): Uint8Array {
  const at4 = (n: number) => n + ((4 - (n % 4)) % 4);
  const jsonLength = new DataView(packed.buffer, packed.byteOffset).getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(packed.subarray(4, 4 + jsonLength)));
  change(head);
  const json = new TextEncoder().encode(JSON.stringify(head));
  const rest = packed.subarray(at4(4 + jsonLength));
  const out = new Uint8Array(at4(4 + json.length) + rest.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.set(rest, at4(4 + json.length));
  return out;
}

async function unpack(stored: string): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([Buffer.from(stored, 'base64')]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer());
}

async function pack(bytes: Uint8Array): Promise<string> {
  const compressed = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer();
  return Buffer.from(compressed).toString('base64');
}
