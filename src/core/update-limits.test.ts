import { describe, expect, it } from 'vitest';
import type { Dataset, Entry } from './dataset-schema';
import { datasetRefusal, MAX_NAMES, tableRefusal, UpdateRefused } from './update-limits';

const entry = (id: string, en: Entry['aliases']['en']) => ({ id, aliases: { en } }) as unknown as Entry;
const dataset = (entries: Entry[]) => ({ format: 1, version: 1, asOf: '2026-12-07', entries }) as Dataset;
const many = (n: number) => Array.from({ length: n }, (_, i) => entry(`e${i}`, [`Name ${i}`]));

describe('datasetRefusal', () => {
  it('refuses fewer than 80 % of the installed entries, unless allowed', () => {
    expect(datasetRefusal(dataset(many(80)), { installedEntries: 100, allowFewerEntries: false })).toBeUndefined();
    expect(datasetRefusal(dataset(many(79)), { installedEntries: 100, allowFewerEntries: false })).toBe('it has 79 entries, far fewer than the 100 in use');
    expect(datasetRefusal(dataset(many(1)), { installedEntries: 100, allowFewerEntries: true })).toBeUndefined();
  });

  it('refuses one-character names, in any language and form', () => {
    expect(datasetRefusal(dataset([entry('a', ['AB', { text: ' X ' }])]), { installedEntries: 1, allowFewerEntries: false })).toBe(
      'a has the name " X ", shorter than 2 characters',
    );
    expect(datasetRefusal(dataset([{ id: 'b', aliases: { zh: ['芯'] } } as unknown as Entry]), { installedEntries: 1, allowFewerEntries: false })).toMatch(
      /^b has the name "芯"/,
    );
    expect(datasetRefusal(dataset([entry('c', ['英伟'])]), { installedEntries: 1, allowFewerEntries: false })).toBeUndefined();
  });

  it('bounds the number of names', () => {
    const names = (n: number) =>
      dataset([
        entry(
          'a',
          Array.from({ length: n }, (_, i) => `Name ${i}`),
        ),
      ]);
    expect(datasetRefusal(names(MAX_NAMES), { installedEntries: 1, allowFewerEntries: false })).toBeUndefined();
    expect(datasetRefusal(names(MAX_NAMES + 1), { installedEntries: 1, allowFewerEntries: false })).toBe('it has 20,001 names, more than the 20,000 allowed');
  });

  it('counts no names for a language whose list is left undefined', () => {
    const full = { id: 'a', aliases: { en: Array.from({ length: MAX_NAMES }, (_, i) => `Name ${i}`), ru: undefined } } as unknown as Entry;
    expect(datasetRefusal(dataset([full]), { installedEntries: 1, allowFewerEntries: false })).toBeUndefined();
  });
});

describe('tableRefusal', () => {
  it('refuses a table over the set limit, or over the room left in storage', () => {
    expect(tableRefusal(2_000_000)).toBeUndefined();
    expect(tableRefusal(2_000_001)).toBe('its name table (2.0 MB) is larger than the 2.0 MB allowed');
    const room = { quota: 10_000_000, used: 9_500_000, replaced: 300_000 };
    expect(tableRefusal(800_000, room)).toBeUndefined();
    expect(tableRefusal(800_001, room)).toBe("its name table (0.8 MB) does not fit in the browser's extension storage (0.8 MB free)");
  });
});

describe('UpdateRefused', () => {
  it('is an Error that names itself when printed', () => {
    const refused = new UpdateRefused('its name table is too large');
    expect(refused).toBeInstanceOf(Error);
    expect(String(refused)).toBe('UpdateRefused: its name table is too large');
  });
});
