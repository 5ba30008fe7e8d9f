import { describe, expect, it } from 'vitest';
import { inflectPhrase, inflectWord } from './ru-inflect';

describe('inflectWord', () => {
  it.each([
    ['хуавэй', ['хуавэя', 'хуавэю', 'хуавэем', 'хуавэе']],
    ['нвидиа', ['нвидии', 'нвидию', 'нвидией']],
    ['алибаба', ['алибабы', 'алибабе', 'алибабу', 'алибабой']],
    ['интел', ['интела', 'интелу', 'интелом', 'интеле']],
    ['правило', ['правила', 'правилу', 'правилом', 'правиле']],
  ])('declines %s', (word, expected) => {
    const forms = inflectWord(word);
    expect(forms[0]).toBe(word);
    for (const form of expected) expect(forms).toContain(form);
  });

  it('leaves indeclinable and non-Cyrillic words alone', () => {
    expect(inflectWord('байду')).toEqual(['байду']);
    expect(inflectWord('nvidia')).toEqual(['nvidia']);
  });

  it('never produces forms shorter than three letters', () => {
    for (const form of inflectWord('ака')) expect(form.length).toBeGreaterThanOrEqual(3);
  });
});

describe('inflectPhrase', () => {
  it('declines only the chosen word', () => {
    const forms = inflectPhrase('правило распространения ии', [0]);
    expect(forms).toContain('правила распространения ии');
    expect(forms).toContain('правилом распространения ии');
    expect(forms.every((f) => f.endsWith(' распространения ии'))).toBe(true);
  });
});

describe('adjective phrases', () => {
  it('declines an adjective and its noun together', () => {
    const forms = inflectPhrase('главное управление киберпространства китая', [0, 1]);
    expect(forms).toContain('главным управлением киберпространства китая');
    expect(forms).toContain('главного управления киберпространства китая');
    expect(forms).toContain('главном управлении киберпространства китая');
    expect(forms.every((f) => f.endsWith(' киберпространства китая'))).toBe(true);
  });

  it('gives an adjective every case ending', () => {
    expect(inflectWord('государственный')).toEqual(expect.arrayContaining(['государственного', 'государственному', 'государственным', 'государственной']));
  });
});
