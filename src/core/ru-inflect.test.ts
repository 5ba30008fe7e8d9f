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
    // In agreement: one case and number for both words, not every pair.
    expect(forms).not.toContain('главным управления киберпространства китая');
    expect(forms).not.toContain('главное управлением киберпространства китая');
    expect(forms.length).toBeLessThan(40);
  });

  it('declines nouns of every ending in agreement with their adjectives, singular and plural', () => {
    const cases = (phrase: string) => inflectPhrase(phrase, [0, 1]);
    expect(cases('национальная комиссия')).toEqual(
      expect.arrayContaining(['национальной комиссии', 'национальную комиссию', 'национальной комиссией', 'национальных комиссий']),
    );
    expect(cases('федеральный суд')).toEqual(
      expect.arrayContaining(['федерального суда', 'федеральному суду', 'федеральным судом', 'федеральном суде', 'федеральные суды']),
    );
    expect(cases('государственный музей')).toEqual(expect.arrayContaining(['государственного музея', 'государственным музеем']));
    expect(cases('единая сеть')).toEqual(expect.arrayContaining(['единой сети', 'единую сеть', 'единой сетью']));
    expect(cases('большая земля')).toEqual(expect.arrayContaining(['большой земли', 'большую землю', 'большой землей']));
    expect(cases('главная палата')).toEqual(expect.arrayContaining(['главной палаты', 'главную палату', 'главной палатой']));
    expect(cases('главное министерство')).toEqual(expect.arrayContaining(['главного министерства', 'главным министерством', 'главном министерстве']));
    // A word no paradigm fits leaves the phrase to be declined word by word.
    expect(inflectPhrase('главное ai-бюро', [0, 1])).toEqual(inflectPhrase('главное ai-бюро', [0]));
  });

  it('gives an adjective every case ending', () => {
    expect(inflectWord('государственный')).toEqual(expect.arrayContaining(['государственного', 'государственному', 'государственным', 'государственной']));
  });
});

describe('inflectWord: which paradigm a word takes', () => {
  it('declines a three-letter word and keeps it first, but leaves two-letter words alone', () => {
    const forms = inflectWord('зал');
    expect(forms[0]).toBe('зал');
    expect(forms).toContain('зала');
    expect(inflectWord('ия')).toEqual(['ия']);
  });

  it('leaves a word with Latin letters alone even when it ends in Cyrillic', () => {
    expect(inflectWord('ai-чип')).toEqual(['ai-чип']);
  });

  it('declines a four-letter word in -ой as a noun, not as an adjective', () => {
    const forms = inflectWord('сбой');
    expect(forms).toEqual(expect.arrayContaining(['сбоя', 'сбою', 'сбоем']));
    expect(forms).not.toContain('сбого');
  });

  it('declines words in -ь, -я and -а (after another first letter)', () => {
    expect(inflectWord('рубль')).toEqual(expect.arrayContaining(['рубля', 'рублю', 'рублем']));
    expect(inflectWord('земля')).toEqual(expect.arrayContaining(['земли', 'земле', 'землю']));
    expect(inflectWord('тесла')).toEqual(expect.arrayContaining(['теслы', 'тесле', 'теслу']));
  });

  it('gives a word in -ия the -ии forms, never -ие', () => {
    const forms = inflectWord('корпорация');
    expect(forms).toEqual(expect.arrayContaining(['корпорации', 'корпорацию', 'корпорацией']));
    expect(forms).not.toContain('корпорацие');
  });
});

describe('inflectWord and inflectPhrase: the words they leave out or keep short', () => {
  it('declines a noun in -е', () => {
    expect(inflectWord('поле')).toEqual(expect.arrayContaining(['поля', 'полю', 'полем', 'полях']));
  });

  it('ignores word numbers past the end of the phrase', () => {
    expect(inflectPhrase('главное управление', [0, 1, 5])).toEqual(inflectPhrase('главное управление', [0, 1]));
  });

  it('gives the phrase itself first when its words agree, whatever their endings', () => {
    expect(inflectPhrase('синий кит', [0, 1])[0]).toBe('синий кит');
  });

  it('never makes a declined word shorter than three letters when words agree, and keeps three-letter ones', () => {
    const forms = inflectPhrase('новая ива', [0, 1]);
    expect(forms).toEqual(expect.arrayContaining(['новой ивы', 'новые ивы']));
    expect(forms).not.toContain('новых ив');
  });

  it('declines a three-letter noun in agreement with its adjective, and leaves a two-letter one as it is', () => {
    const cat = inflectPhrase('новый кот', [0, 1]);
    expect(cat).toContain('нового кота');
    expect(cat).not.toContain('новым кота');
    expect(inflectPhrase('новый ум', [0, 1]).every((form) => form.endsWith(' ум'))).toBe(true);
  });

  it('declines a four-letter word in -ой as a noun beside an adjective too', () => {
    const forms = inflectPhrase('новый сбой', [0, 1]);
    expect(forms).toContain('нового сбоя');
    expect(forms).not.toContain('нового сбого');
  });
});
