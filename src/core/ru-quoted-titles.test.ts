import { describe, expect, it } from 'vitest';
import { withQuotedTitle } from './ru-quoted-titles';

describe('Russian law titles in quotes', () => {
  it('puts the title that starts with о, об or обо in quotes, keeping what is declined', () => {
    expect(withQuotedTitle({ text: 'Закон КНР об экспортном контроле', inflect: 0 })).toEqual([{ text: 'Закон КНР "об экспортном контроле"', inflect: 0 }]);
    expect(withQuotedTitle('закон о внешней торговле')).toEqual([{ text: 'закон "о внешней торговле"' }]);
    expect(withQuotedTitle('Закон обо всём')).toEqual([{ text: 'Закон "обо всём"' }]);
  });

  it('leaves an alias without such a title, or one that starts with it', () => {
    expect(withQuotedTitle('Минторг КНР')).toEqual([]);
    expect(withQuotedTitle('о чипах')).toEqual([]);
    expect(withQuotedTitle('Закон про чипы')).toEqual([]);
  });
});
