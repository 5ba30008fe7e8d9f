import { describe, expect, it } from 'vitest';
import { isSpacedWordAt, normalizeKey, normalizeText, normalizeTextGeneral } from './normalize';

describe('normalizeText', () => {
  it('folds case, ё and typographic variants', () => {
    expect(normalizeText('Ёлка «NVIDIA» — H20').text).toBe('елка "nvidia" - h20');
  });

  it('drops soft hyphens and zero-width characters, keeping offsets exact', () => {
    const input = 'Hua\u00ADwei\u200B!';
    const n = normalizeText(input);
    expect(n.text).toBe('huawei!');
    const start = n.text.indexOf('huawei');
    expect(input.slice(n.starts[start], n.ends[start + 5])).toBe('Hua\u00ADwei');
  });

  it('collapses runs of white space including no-break spaces', () => {
    const input = 'Entity \u00A0\n List';
    const n = normalizeText(input);
    expect(n.text).toBe('entity list');
    expect(input.slice(n.starts[0], n.ends[n.text.length - 1])).toBe(input);
  });

  it('composes decomposed letters and maps them to the whole original cluster', () => {
    const input = 'Хуавэи\u0306 чип';
    const n = normalizeText(input);
    expect(n.text).toBe('хуавэй чип');
    expect(input.slice(n.starts[5], n.ends[5])).toBe('и\u0306');
  });

  it('turns full-width Latin into ASCII', () => {
    expect(normalizeKey('英伟达Ｈ２０')).toBe('英伟达h20');
  });

  it('keeps case when asked', () => {
    expect(normalizeText('BIS Entity', false).text).toBe('BIS Entity');
  });

  it('keeps offsets right when lower-casing changes length', () => {
    const input = 'İstanbul H20';
    const n = normalizeText(input);
    const at = n.text.indexOf('h20');
    expect(input.slice(n.starts[at], n.ends[at + 2])).toBe('H20');
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
    'NVIDIA', 'h20', ' ', '  ', '\n\t', '\u00A0', '\u3000', 'Хуавэй', 'ЁЛКА', 'ёж', '英伟达', '昇腾', ' 910B', 'ＮＶＩＤＩＡ', 'Ｈ２０',
    '«', '»', '—', '–', '“', '’', '\u00AD', '\u200B', '\uFEFF', 'и\u0306', 'e\u0301', '😀', 'İ', 'ΣΑΣ', '，', '。', '-', '"', 'a', '9', '华为 ',
  ];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const samples = Array.from({ length: 3000 }, () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));

  it.each([true, false])('agree with the general path (fold %s)', (fold) => {
    for (const sample of samples) {
      const quick = normalizeText(sample, fold);
      const general = normalizeTextGeneral(sample, fold);
      // The maps may run past the text; only their first text.length values count.
      const head = (map: Uint32Array, n: number) => [...map.subarray(0, n)];
      expect({ sample, text: quick.text, starts: head(quick.starts, quick.text.length), ends: head(quick.ends, quick.text.length) }).toEqual({
        sample,
        text: general.text,
        starts: head(general.starts, general.text.length),
        ends: head(general.ends, general.text.length),
      });
    }
  });

  it.each([true, false])('agree with the general path on every character of the Basic Multilingual Plane (fold %s)', (fold) => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const sample = `A${String.fromCharCode(code)}b`;
      const quick = normalizeText(sample, fold);
      const general = normalizeTextGeneral(sample, fold);
      const same =
        quick.text === general.text &&
        [...quick.starts.subarray(0, quick.text.length)].join() === [...general.starts.subarray(0, general.text.length)].join() &&
        [...quick.ends.subarray(0, quick.text.length)].join() === [...general.ends.subarray(0, general.text.length)].join();
      if (!same) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
