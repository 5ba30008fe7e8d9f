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
    const forms = inflectPhrase('правило распространения ии', 0);
    expect(forms).toContain('правила распространения ии');
    expect(forms).toContain('правилом распространения ии');
    expect(forms.every((f) => f.endsWith(' распространения ии'))).toBe(true);
  });
});
