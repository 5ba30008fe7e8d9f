import { describe, expect, it } from 'vitest';
import {
  isSpacedWordAt,
  isWordCharAt,
  MAX_MARKS,
  normalizeKey,
  normalizeText,
  normalizeTextGeneral,
  sourceEnd,
  sourceStart,
  type NormalizedText,
} from './normalize';

/** The original stretch that output units `from` to `to` (inclusive) came from. */
const source = (input: string, n: NormalizedText, from: number, to: number) => input.slice(sourceStart(n, from), sourceEnd(n, to));
/** Both offset maps over the whole output. */
const maps = (n: NormalizedText) => Array.from(n.text, (_, i) => [sourceStart(n, i), sourceEnd(n, i)]);
/** Both offset maps, one pair per output code unit. */
const unitMaps = (n: NormalizedText) => Array.from({ length: n.text.length }, (_, i) => [sourceStart(n, i), sourceEnd(n, i)]);

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

  it('keeps every character of a long text whose lower case is longer than it (İ)', () => {
    // Longer than the text of any test before it, so the shared buffers must grow as the output does.
    const input = 'İ'.repeat(10_000);
    const n = normalizeText(input);
    expect(n.text).toBe('i\u0307'.repeat(10_000));
    expect(sourceEnd(n, n.text.length - 1)).toBe(input.length);
  });

  it('keeps a result unchanged when more text is normalised after it', () => {
    const first = normalizeText('Hua\u00ADwei');
    const before = unitMaps(first);
    normalizeText('\u00ADab\u00ADcd');
    expect(unitMaps(first)).toEqual(before);
    expect(first.text).toBe('huawei');
  });

  it('ignores white space around an alias or query', () => {
    expect(normalizeKey('  NVIDIA H20 \n')).toBe('nvidia h20');
  });

  it('reads ё and Ё written with a combining diaeresis as е and Е', () => {
    expect(normalizeText('Е\u0308лка и е\u0308ж').text).toBe('елка и еж');
    expect(normalizeText('Е\u0308лка', false).text).toBe('Елка');
  });

  it('joins combining marks of every block to their letter', () => {
    // U+0300, the first combining mark.
    expect(normalizeText('e\u0300').text).toBe('è');
    // Kana with a combining voiced mark, as macOS writes file names.
    expect(normalizeText('か\u3099').text).toBe('が');
    // The Cyrillic titlo has no composed form: it stays, mapped with its letter.
    const titlo = normalizeText('а\u0483');
    expect(titlo.text).toBe('а\u0483');
    expect(unitMaps(titlo)).toEqual([
      [0, 2],
      [0, 2],
    ]);
  });

  it('keeps a combining mark written on a full-width letter', () => {
    expect(normalizeText('Ａ\u0301').text).toContain('\u0301');
  });

  it('maps both halves of a character outside the BMP, and a variation selector outside it, to the whole', () => {
    expect(unitMaps(normalizeText('a😀'))).toEqual([
      [0, 1],
      [1, 3],
      [1, 3],
    ]);
    // An ideographic variation sequence: 葛 and U+E0100, one stretch.
    const ivs = normalizeText('葛\u{E0100}');
    expect(ivs.text).toBe('葛\u{E0100}');
    expect(unitMaps(ivs)).toEqual([
      [0, 3],
      [0, 3],
      [0, 3],
    ]);
  });

  it('drops the space between two Han characters and between Han and Latin, in either order', () => {
    expect(normalizeText('华 为').text).toBe('华为');
    expect(normalizeText('H20 芯片').text).toBe('h20芯片');
    expect(normalizeText('华为 Ascend').text).toBe('华为ascend');
  });

  it('counts CJK Unified Ideographs and Extension A, from end to end, as Han next to a space, and nothing around them', () => {
    // A double space elsewhere makes every text take the compacting path.
    for (const han of ['\u3400', '\u4dbf', '\u4e00', '\u9fff']) expect(normalizeText(`${han} a  b`).text).toBe(`${han}a b`);
    // A CJK square, a hexagram, a Yi syllable.
    for (const other of ['\u33ff', '\u4dc0', '\ua000']) expect(normalizeText(`${other} a  b`).text).toBe(`${other} a b`);
  });

  it('drops the space between Han and every ASCII letter or digit, and keeps it next to other ASCII', () => {
    for (const word of ['0', '9', 'a', 'z']) {
      expect(normalizeText(`华 ${word}`).text).toBe(`华${word}`);
      expect(normalizeText(`${word} 华`).text).toBe(`${word}华`);
    }
    for (const word of ['A', 'Z']) {
      expect(normalizeText(`华 ${word}`, false).text).toBe(`华${word}`);
      expect(normalizeText(`${word} 华`, false).text).toBe(`${word}华`);
    }
    for (const other of ['/', ':', '@', '[', '`', '{']) {
      expect(normalizeText(`华 ${other}  x`, false).text).toBe(`华 ${other} x`);
      expect(normalizeText(`x  ${other} 华`, false).text).toBe(`x ${other} 华`);
    }
  });
});

describe('normalizeTextGeneral', () => {
  it('folds case by default, as normalizeText does', () => {
    expect(normalizeTextGeneral('NVIDIA Ё').text).toBe('nvidia е');
  });
});

describe('isWordCharAt', () => {
  it('is true for letters and digits of any script, false for the rest and outside the text', () => {
    for (const word of ['0', '9', 'a', 'z', 'A', 'Z', 'А', 'я', 'ж', '达', '㐀', 'é', 'の']) expect(isWordCharAt(word, 0), word).toBe(true);
    for (const other of ['/', ':', '@', '[', '`', '{', ' ', '«', '×', '—', '。', '䷀']) expect(isWordCharAt(other, 0), other).toBe(false);
    expect(isWordCharAt('ab', 1)).toBe(true);
    expect(isWordCharAt('a', 1)).toBe(false);
    expect(isWordCharAt('a', -1)).toBe(false);
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

  it('knows every ASCII letter and digit, and no other ASCII or punctuation', () => {
    for (const word of ['0', '9', 'a', 'z', 'A', 'Z', 'А', 'я', 'ꀀ']) expect(isSpacedWordAt(word, 0), word).toBe(true);
    for (const other of ['/', ':', '@', '[', '`', '{', '«', '×', '㐀', '鿿']) expect(isSpacedWordAt(other, 0), other).toBe(false);
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

  it.each([true, false])(
    'agree with the general path (fold %s)',
    (fold) => {
      for (const sample of samples) {
        const quick = normalizeText(sample, fold);
        const general = normalizeTextGeneral(sample, fold);
        expect({ sample, text: quick.text, maps: maps(quick) }).toEqual({ sample, text: general.text, maps: maps(general) });
      }
      // Seconds under mutation testing on a loaded machine, not a hang.
    },
    30_000,
  );

  it.each([true, false])(
    'agree with the general path on every character of the Basic Multilingual Plane (fold %s)',
    (fold) => {
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
    },
    30_000,
  );
});
