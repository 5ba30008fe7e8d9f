import { describe, expect, it } from 'vitest';
import { isSpacedWordAt, MAX_MARKS, normalizeKey, normalizeText, normalizeTextGeneral, sourceEnd, sourceStart, type NormalizedText } from './normalize';

/** The original stretch that output units `from` to `to` (inclusive) came from. */
const source = (input: string, n: NormalizedText, from: number, to: number) => input.slice(sourceStart(n, from), sourceEnd(n, to));
/** Both offset maps over the whole output. */
const maps = (n: NormalizedText) => Array.from(n.text, (_, i) => [sourceStart(n, i), sourceEnd(n, i)]);

describe('normalizeText', () => {
  it('joins at most MAX_MARKS combining marks to a letter, so that a run of thousands costs no more than its length', () => {
    // Two classes of marks alternating: composing them reorders the run, at a cost that grows with its square.
    const input = `a${'\u0301\u0316'.repeat(2000)} Huawei`;
    const n = normalizeText(input);
    // Every output unit comes from a stretch of at most one base and MAX_MARKS marks.
    const longest = Math.max(...maps(n).map(([start, end]) => end! - start!));
    expect(longest).toBeLessThanOrEqual(MAX_MARKS + 1);
    expect(longest).toBeGreaterThan(1);
    // The marks are all still there, and what follows them reads as before.
    expect(sourceEnd(n, n.text.length - 1)).toBe(input.length);
    expect(n.text.endsWith(' huawei')).toBe(true);
  });

  it('still joins a few marks to their letter, as in Russian й written with a combining breve', () => {
    const n = normalizeText('\u0438\u0306');
    expect(n.text).toBe('й');
  });

  it('folds case, ё and typographic variants', () => {
    expect(normalizeText('Ёлка «NVIDIA» — H20').text).toBe('елка "nvidia" - h20');
  });

  it('drops soft hyphens and zero-width characters, keeping offsets exact', () => {
    const input = 'Hua\u00ADwei\u200B!';
    const n = normalizeText(input);
    expect(n.text).toBe('huawei!');
    const start = n.text.indexOf('huawei');
    expect(source(input, n, start, start + 5)).toBe('Hua\u00ADwei');
  });

  it('collapses runs of white space including no-break spaces', () => {
    const input = 'Entity \u00A0\n List';
    const n = normalizeText(input);
    expect(n.text).toBe('entity list');
    expect(source(input, n, 0, n.text.length - 1)).toBe(input);
  });

  it('composes decomposed letters and maps them to the whole original cluster', () => {
    const input = 'Хуавэи\u0306 чип';
    const n = normalizeText(input);
    expect(n.text).toBe('хуавэй чип');
    expect(source(input, n, 5, 5)).toBe('и\u0306');
  });

  it('turns full-width Latin into ASCII', () => {
    expect(normalizeKey('英伟达Ｈ２０')).toBe('英伟达h20');
  });

  it('reads a Cyrillic letter typed for its Latin twin before a number, one for one, and no other', () => {
    // «Н», «А», «О» below are Cyrillic.
    const input = 'чипы Н100, А800 и О1; в2020 и сН20 остаются';
    const out = normalizeText(input);
    expect(out.text).toBe('чипы h100, a800 и o1; в2020 и сн20 остаются');
    expect(out.text.length).toBe(input.length);
    expect(normalizeText('Н20', false).text).toBe('H20');
  });

  it('keeps case when asked', () => {
    expect(normalizeText('BIS Entity', false).text).toBe('BIS Entity');
  });

  it('keeps offsets right when lower-casing changes length', () => {
    const input = 'İstanbul H20';
    const n = normalizeText(input);
    const at = n.text.indexOf('h20');
    expect(source(input, n, at, at + 2)).toBe('H20');
  });
});

describe('isSpacedWordAt', () => {
  it('separates spaced scripts from Chinese', () => {
    expect(isSpacedWordAt('a', 0)).toBe(true);
    expect(isSpacedWordAt('ж', 0)).toBe(true);
    expect(isSpacedWordAt('7', 0)).toBe(true);
    expect(isSpacedWordAt('达', 0)).toBe(false);
    expect(isSpacedWordAt('-', 0)).toBe(false);
    // Other scripts go through Unicode properties.
    expect(isSpacedWordAt('é', 0)).toBe(true);
    expect(isSpacedWordAt('の', 0)).toBe(false);
    expect(isSpacedWordAt('a', 1)).toBe(false);
    expect(isSpacedWordAt('a', -1)).toBe(false);
  });
});

describe('normalizeText shortcuts', () => {
  // Every shortcut must give exactly what the general path gives: the same
  // text and the same offsets, on text mixing the cases each one handles.
  const pieces = [
    'NVIDIA',
    'h20',
    ' ',
    '  ',
    '\n\t',
    '\u00A0',
    '\u3000',
    'Хуавэй',
    'ЁЛКА',
    'ёж',
    '英伟达',
    '昇腾',
    ' 910B',
    'ＮＶＩＤＩＡ',
    'Ｈ２０',
    '«',
    '»',
    '—',
    '–',
    '“',
    '’',
    '\u00AD',
    '\u200B',
    '\uFEFF',
    'и\u0306',
    'e\u0301',
    '😀',
    'İ',
    'ΣΑΣ',
    '，',
    '。',
    '-',
    '"',
    'a',
    '9',
    '华为 ',
  ];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const samples = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(''),
  );

  it.each([true, false])('agree with the general path (fold %s)', (fold) => {
    for (const sample of samples) {
      const quick = normalizeText(sample, fold);
      const general = normalizeTextGeneral(sample, fold);
      expect({ sample, text: quick.text, maps: maps(quick) }).toEqual({ sample, text: general.text, maps: maps(general) });
    }
  });

  it.each([true, false])('agree with the general path on every character of the Basic Multilingual Plane (fold %s)', (fold) => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const sample = `A${String.fromCharCode(code)}b`;
      const quick = normalizeText(sample, fold);
      const general = normalizeTextGeneral(sample, fold);
      const same = quick.text === general.text && maps(quick).join() === maps(general).join();
      if (!same) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
