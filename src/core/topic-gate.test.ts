// The topic gate: broad names (Google, Apple, a ministry) only where the
// passage or the page is about chips. Matcher and PageContext together.
import { describe, expect, it } from 'vitest';
import { buildAliasTable } from './alias-table';
import type { Dataset, Entry } from './dataset-schema';
import { Matcher } from './matcher';
import { PageContext } from './page-context';
import { decodeStoredTable, encodeStoredTable } from './stored-table';

function entry(id: string, kind: Entry['kind'], aliases: Entry['aliases'], broad = false): Entry {
  return { id, kind, aliases, related: [], facts: {}, ...(broad ? { broad: true } : {}) } as unknown as Entry;
}

const dataset = {
  format: 1,
  version: 1,
  asOf: '2026-01-01',
  entries: [
    entry('google', 'company', { en: ['Google'], ru: ['Гугл'], zh: ['谷歌'] }, true),
    { ...entry('apple', 'company', { en: ['Apple'], zh: [{ text: '苹果', needsContext: true }] }, true), context: { en: ['iPhone'], zh: ['iPhone'] } },
    entry('commerce', 'company', { en: ['Commerce Department'] }, true),
    entry('nvidia', 'company', { en: ['NVIDIA'] }),
    entry('tsmc', 'company', { en: ['TSMC'] }),
    entry('h20', 'chip', { en: ['H20'] }),
    entry('entity-list', 'rule', { en: ['Entity List'] }),
    { ...entry('end-user-list', 'rule', { en: [{ text: 'end-user list', needsContext: true }] }), related: ['commerce'] },
  ],
} as Dataset;

const table = buildAliasTable(dataset);
const gated = new Matcher(table);
const open = new Matcher(table, undefined, { topicGate: false });

function ids(matcher: Matcher, text: string, page?: PageContext<number>): string[] {
  return matcher.match(text, page).mentions.map((m) => matcher.table.entries[m.entry]!.id);
}

describe('topic gate', () => {
  it('leaves a broad name alone in a passage about something else', () => {
    expect(ids(gated, 'Sign in with Google to keep your playlist.')).toEqual([]);
    expect(ids(gated, 'The new Apple store opens on Friday.')).toEqual([]);
  });

  it('highlights it next to a topic word, in English, Russian and Chinese', () => {
    expect(ids(gated, 'Google designs its own chips.')).toEqual(['google']);
    expect(ids(gated, 'Google expands its data centers.')).toEqual(['google']);
    expect(ids(gated, 'Гугл разрабатывает собственные чипы.')).toEqual(['google']);
    expect(ids(gated, 'Гугл и полупроводниковая отрасль.')).toEqual(['google']);
    expect(ids(gated, '谷歌自研芯片。')).toEqual(['google']);
  });

  it('is not put on topic by its own context words, which only tell which entry a spelling names', () => {
    // "iPhone" says 苹果 is Apple, not that the passage is about chips.
    expect(ids(gated, 'The new iPhone from Apple.')).toEqual([]);
    expect(ids(gated, '苹果发布新款iPhone。')).toEqual([]);
    expect(ids(gated, '苹果为iPhone自研芯片。')).toEqual(['apple']);
    // A topic word both puts the passage on topic and, for a broad entry, tells which entry the spelling names.
    expect(ids(gated, '苹果自研芯片。')).toEqual(['apple']);
    expect(ids(gated, '苹果很好吃。')).toEqual([]);
    expect(ids(open, '苹果发布新款iPhone。')).toEqual(['apple']);
  });

  it('highlights it next to a name of another kind, whichever comes first', () => {
    expect(ids(gated, 'Google and NVIDIA signed a deal.')).toEqual(['google', 'nvidia']);
    expect(ids(gated, 'NVIDIA and Google signed a deal.')).toEqual(['nvidia', 'google']);
    // Two broad names do not put each other on topic.
    expect(ids(gated, 'Google and Apple signed a deal.')).toEqual([]);
  });

  it('lets every broad name through when the reader turns the gate off', () => {
    expect(ids(open, 'Sign in with Google to keep your playlist.')).toEqual(['google']);
    expect(ids(open, 'Google and Apple signed a deal.')).toEqual(['google', 'apple']);
  });

  it('puts a page on topic after two other names, and reads its waiting passages again', () => {
    const page = new PageContext<number>(table);
    const first = gated.match('A spokesperson for the Commerce Department declined to comment.', page);
    expect(first.mentions).toEqual([]);
    expect(page.record(0, first)).toEqual([]);
    // One other name is not enough: a page about anything may link one chip story.
    expect(page.record(1, gated.match('NVIDIA shares rose.', page))).toEqual([]);
    expect(page.onTopic).toBe(false);
    expect(page.record(2, gated.match('TSMC reported results.', page))).toEqual([0]);
    expect(page.onTopic).toBe(true);
    expect(ids(gated, 'A spokesperson for the Commerce Department declined to comment.', page)).toEqual(['commerce']);
  });

  it('does not count broad names towards the page topic', () => {
    const page = new PageContext<number>(table);
    page.record(0, gated.match('Google and Apple design their own chips.', page));
    expect(page.onTopic).toBe(false);
    expect(ids(gated, 'The new Apple store opens on Friday.', page)).toEqual(['apple']);
    expect(ids(gated, 'Sign in with Google.', page)).toEqual(['google']);
  });

  it('puts the page on topic with two passages holding a topic word, and reads again what waited for it', () => {
    const page = new PageContext<number>(table);
    expect(page.record(0, gated.match('The Commerce Department spokeswoman said nothing.', page))).toEqual([]);
    expect(page.record(1, gated.match('Chips were in short supply.', page))).toEqual([]);
    expect(page.onTopic).toBe(false);
    // The same passage read again does not count twice.
    expect(page.record(1, gated.match('Chips were in short supply.', page))).toEqual([]);
    expect(page.onTopic).toBe(false);
    expect(page.record(2, gated.match('Export controls tightened.', page))).toEqual([0]);
    expect(page.onTopic).toBe(true);
    expect(ids(gated, 'The Commerce Department spokeswoman said nothing.', page)).toEqual(['commerce']);
  });

  it('lets a broad name taken once the page is on topic support a spelling that needs it, in the same passage', () => {
    const page = new PageContext<number>(table);
    page.record(0, gated.match('Chips were in short supply.', page));
    page.record(1, gated.match('Export controls tightened.', page));
    expect(ids(gated, 'The end-user list, the Commerce Department said, grows.', page)).toEqual(['end-user-list', 'commerce']);
    expect(ids(gated, 'The end-user list grows.', page)).toEqual([]);
  });

  it('counts a broad name again once the page has shown it on topic', () => {
    const page = new PageContext<number>(table);
    expect(page.record(0, gated.match('The Commerce Department spokeswoman said nothing.', page))).toEqual([]);
    expect(page.record(1, gated.match('The Commerce Department added firms to the Entity List.', page))).toEqual([0]);
    expect(ids(gated, 'The Commerce Department spokeswoman said nothing.', page)).toEqual(['commerce']);
  });

  it('keeps the broad flag through a stored table', async () => {
    const loaded = await decodeStoredTable(await encodeStoredTable(table));
    expect(loaded).toBeDefined();
    const stored = new Matcher(loaded!.table, loaded!.automaton);
    expect(ids(stored, 'Sign in with Google.')).toEqual([]);
    expect(ids(stored, 'Google designs its own chips.')).toEqual(['google']);
  });
});
