import { describe, expect, it } from 'vitest';
import { buildAliasTable, findAliasConflicts, matchTableOf } from './alias-table';
import type { Dataset } from './dataset-schema';

type Spec = {
  id: string;
  kind: string;
  aliases?: Record<string, unknown[]>;
  facts?: Record<string, unknown>;
  related?: string[];
  context?: Record<string, string[]>;
  broad?: boolean;
};
const entry = ({ id, kind, aliases = {}, facts = {}, related = [], context, broad }: Spec) => ({
  id,
  kind,
  aliases,
  facts: kind === 'rule' ? { dates: [], status: [], ...facts } : facts,
  related,
  ...(context ? { context } : {}),
  ...(broad ? { broad: true } : {}),
});
const table = (...entries: Spec[]) => buildAliasTable({ version: 1, entries: entries.map(entry) } as unknown as Dataset);
const texts = (t: ReturnType<typeof table>, id: string) => t.patterns.filter((p) => t.entries[p.entry]!.id === id).map((p) => p.text);

describe('the alias table', () => {
  it('declines Russian aliases where told: a word number, several, the last word, or a lone Cyrillic word by default', () => {
    const t = table(
      { id: 'word', kind: 'company', aliases: { ru: [{ text: 'Министерство торговли', inflect: 0 }] } },
      { id: 'words', kind: 'company', aliases: { ru: [{ text: 'Главное таможенное управление', inflect: [0, 1, 2] }] } },
      { id: 'last', kind: 'company', aliases: { ru: [{ text: 'компания Хуавэй', inflect: true }] } },
      { id: 'lone', kind: 'company', aliases: { ru: ['Хуавэй'] } },
      { id: 'fixed', kind: 'company', aliases: { ru: ['Минторг Японии', { text: 'Хуавей', inflect: false }] } },
      { id: 'latin', kind: 'company', aliases: { en: ['Huawei'] } },
    );
    expect(texts(t, 'word')).toContain('министерством торговли');
    expect(texts(t, 'word')).not.toContain('министерство торговлей');
    expect(texts(t, 'words')).toContain('главным таможенным управлением');
    expect(texts(t, 'last')).toEqual(expect.arrayContaining(['компания хуавэй', 'компания хуавэем']));
    expect(texts(t, 'last')).not.toContain('компании хуавэй');
    expect(texts(t, 'lone')).toContain('хуавэем');
    expect(texts(t, 'fixed')).toEqual(['минторг японии', 'хуавей']);
    expect(texts(t, 'latin')).toEqual(['huawei']);
  });

  it('keeps case-sensitive aliases as written, undeclined, with their flags', () => {
    const t = table({
      id: 'x',
      kind: 'company',
      aliases: {
        en: [
          { text: 'EAR', caseSensitive: true },
          { text: 'Ear', ambiguous: true },
          { text: 'ears', needsContext: true },
        ],
        ru: [{ text: 'МИД', caseSensitive: true }],
      },
    });
    expect(t.patterns).toEqual([
      { text: 'ear', entry: 0, cased: 'EAR' },
      { text: 'ear', entry: 0, ambiguous: true },
      { text: 'ears', entry: 0, needsContext: true },
      { text: 'мид', entry: 0, cased: 'МИД' },
    ]);
  });

  it('lists a spelling once per entry, and skips one that normalises to nothing', () => {
    const t = table({ id: 'x', kind: 'company', aliases: { en: ['Huawei', 'HUAWEI', ' huawei ', '  '] } });
    expect(texts(t, 'x')).toEqual(['huawei']);
  });

  it("gives chips their vendor and models their maker, and chips' editions a spaced spelling", () => {
    const t = table(
      { id: 'huawei', kind: 'company', aliases: { en: ['Huawei'] } },
      { id: 'ascend', kind: 'chip', aliases: { en: ['Ascend 950DT'], zh: ['昇腾950DT'] }, facts: { vendor: 'huawei' } },
      { id: 'pangu', kind: 'model', aliases: { en: ['Pangu 5'] }, facts: { maker: 'huawei' } },
      { id: 'lab', kind: 'company', aliases: { en: ['Lab 5X'] }, facts: { vendor: 'huawei', maker: 'huawei' } },
      { id: 'orphan', kind: 'chip', aliases: { en: ['Orphan 1'] }, facts: { vendor: 'nobody' } },
    );
    expect(t.entries.map((e) => e.maker)).toEqual([undefined, 0, 0, undefined, undefined]);
    // 昇 folds to 升 here: no entry writes it in its Simplified name (see han-fold-pairs).
    expect(texts(t, 'ascend')).toEqual(['ascend 950dt', '升腾950dt', 'ascend 950 dt']);
    expect(texts(t, 'lab')).toEqual(['lab 5x']);
  });

  it('names rules by their citation, and only rules', () => {
    const t = table(
      { id: 'rule', kind: 'rule', aliases: { en: ['Rare earth rule'] }, facts: { citation: { value: 'MOFCOM Announcement No. 18 of 2025' } } },
      { id: 'company', kind: 'company', aliases: { en: ['Acme'] }, facts: { citation: { value: 'MOFCOM Announcement No. 19 of 2025' } } },
    );
    expect(texts(t, 'rule')).toContain('announcement no. 18 of 2025');
    expect(texts(t, 'company')).toEqual(['acme']);
  });

  it('gives supporters and context words only to entries that can be in doubt, and topic words to broad ones', () => {
    const t = table(
      {
        id: 'kimi',
        kind: 'model',
        aliases: { en: [{ text: 'Kimi', needsContext: true }] },
        related: ['moonshot', 'gone'],
        context: { en: ['chatbot'], zh: ['模型'] },
      },
      { id: 'moonshot', kind: 'company', aliases: { en: ['Moonshot AI'] }, related: ['kimi'], context: { en: ['startup'] } },
      { id: 'google', kind: 'company', aliases: { en: ['Google'] }, broad: true },
    );
    expect(t.entries[0]).toEqual({ id: 'kimi', kind: 'model', supporters: [1] });
    expect(t.entries[1]).toEqual({ id: 'moonshot', kind: 'company' });
    expect(t.entries[2]).toMatchObject({ id: 'google', broad: true });
    const cue = (text: string) => t.cues.find((c) => c.text === text);
    expect(cue('chatbot')).toMatchObject({ entry: 0 });
    expect(cue('模型')).toMatchObject({ entry: 0 });
    expect(cue('startup')).toBeUndefined();
    // Topic words are cues of every broad entry.
    expect(t.cues.filter((c) => c.entry === 2).length).toBeGreaterThan(10);
    const matching = matchTableOf(t);
    expect(matching.aliasCount).toBe(t.patterns.length);
    expect(matching.patternCount).toBe(t.patterns.length + t.cues.length);
    expect(matching.pattern(t.patterns.length)).toBe(t.cues[0]);
  });

  it('merges a context word several entries share into one cue that lists them all', () => {
    const t = table(
      { id: 'a', kind: 'model', aliases: { en: [{ text: 'Aa', needsContext: true }] }, context: { en: ['model', 'Model'] } },
      { id: 'b', kind: 'model', aliases: { en: [{ text: 'Bb', needsContext: true }] }, context: { en: ['model'] } },
      { id: 'c', kind: 'model', aliases: { en: [{ text: 'Cc', needsContext: true }] }, context: { en: ['model'] } },
    );
    expect(t.cues.filter((c) => c.text === 'model')).toEqual([{ text: 'model', entry: 0, also: [1, 2] }]);
  });

  it('reports a spelling two entries claim unless both declare it ambiguous', () => {
    const clash = table(
      { id: 'a', kind: 'company', aliases: { en: ['Ace'] } },
      { id: 'b', kind: 'company', aliases: { en: [{ text: 'ACE', ambiguous: true }] } },
    );
    expect(findAliasConflicts(clash)).toEqual([{ text: 'ace', ids: ['a', 'b'] }]);
    const declared = table(
      { id: 'a', kind: 'company', aliases: { en: [{ text: 'Ace', ambiguous: true }] } },
      { id: 'b', kind: 'company', aliases: { en: [{ text: 'ACE', ambiguous: true }] } },
    );
    expect(findAliasConflicts(declared)).toEqual([]);
  });
});

describe('the alias table: derived spellings, kept characters and cues in detail', () => {
  it("gives a Chinese alias Taiwan's wording as well", () => {
    const t = table({ id: 'chips-act', kind: 'rule', aliases: { zh: ['芯片法案'] } });
    expect(texts(t, 'chips-act')).toEqual(['芯片法案', '晶片法案']);
  });

  it('keeps a character that an entry writes in its Simplified summary, as in its name', () => {
    const t = {
      ...entry({ id: 'ascend', kind: 'chip', aliases: { zh: ['昇腾'] } }),
      name: { zh: '腾' },
      summary: { zh: '华为的昇腾芯片' },
    };
    const built = buildAliasTable({ version: 1, entries: [t] } as unknown as Dataset);
    expect(built.patterns.map((p) => p.text)).toEqual(['昇腾']);
  });

  it('keeps on a pattern only the flags it has', () => {
    const t = table({ id: 'x', kind: 'company', aliases: { en: ['Acme', { text: 'ACME', caseSensitive: true }] } });
    expect(t.patterns).toStrictEqual([
      { text: 'acme', entry: 0 },
      { text: 'acme', entry: 0, cased: 'ACME' },
    ]);
  });

  it('gives supporters and context words to an entry with any alias in doubt, and only its own context words', () => {
    const t = table(
      {
        id: 'kimi',
        kind: 'model',
        aliases: { en: ['Kimi Chat', { text: 'Kimi', needsContext: true }] },
        related: ['moonshot'],
        context: { en: ['chatbot'] },
      },
      { id: 'moonshot', kind: 'company', aliases: { en: ['Moonshot AI'] } },
      { id: 'qwen', kind: 'model', aliases: { en: [{ text: 'Qwen', needsContext: true }] }, context: { zh: ['通义'] } },
    );
    expect(t.entries[0]).toStrictEqual({ id: 'kimi', kind: 'model', supporters: [1] });
    expect(t.cues).toEqual([
      { text: 'chatbot', entry: 0 },
      { text: '通义', entry: 2 },
    ]);
  });

  it('marks topic words as topic cues, and an entry’s own context words not', () => {
    const t = table({ id: 'google', kind: 'company', aliases: { en: [{ text: 'Google', needsContext: true }] }, context: { en: ['Gemini'] }, broad: true });
    const topic = t.cues.filter((c) => c.topic);
    expect(topic.length).toBeGreaterThan(10);
    expect(t.cues.filter((c) => !c.topic)).toEqual([{ text: 'gemini', entry: 0 }]);
  });

  it('keeps case-sensitive spellings of one text apart, as aliases and as context words', () => {
    const t = table(
      {
        id: 'a',
        kind: 'company',
        aliases: {
          en: [
            { text: 'AMD', caseSensitive: true },
            { text: 'Amd', caseSensitive: true },
            { text: 'Aa', needsContext: true },
          ],
        },
        context: { en: [{ text: 'AI', caseSensitive: true } as never] },
      },
      { id: 'b', kind: 'company', aliases: { en: [{ text: 'Bb', needsContext: true }] }, context: { en: [{ text: 'Ai', caseSensitive: true } as never] } },
    );
    expect(t.patterns.filter((p) => p.text === 'amd').map((p) => p.cased)).toEqual(['AMD', 'Amd']);
    expect(t.cues).toEqual([
      { text: 'ai', entry: 0, cased: 'AI' },
      { text: 'ai', entry: 1, cased: 'Ai' },
    ]);
  });

  it('makes a context word that is also a topic word a topic cue', () => {
    const t = table(
      { id: 'a', kind: 'model', aliases: { en: [{ text: 'Aa', needsContext: true }] }, context: { en: ['semiconductor'] } },
      { id: 'google', kind: 'company', aliases: { en: ['Google'] }, broad: true },
    );
    expect(t.cues.find((c) => c.text === 'semiconductor')).toEqual({ text: 'semiconductor', entry: 0, also: [1], topic: true });
  });
});
