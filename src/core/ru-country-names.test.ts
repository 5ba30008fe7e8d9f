import { describe, expect, it } from 'vitest';
import { withCountrySpelledOut } from './ru-country-names';

describe('Russian aliases that name China as КНР or the US as США', () => {
  it('get "Китая" and "Китайской Народной Республики" too, with the declined word counted again', () => {
    expect(withCountrySpelledOut({ text: 'Закон КНР о контроле за экспортом', inflect: 0 })).toEqual([
      { text: 'Закон Китая о контроле за экспортом', inflect: [0] },
      { text: 'Закон Китайской Народной Республики о контроле за экспортом', inflect: [0] },
    ]);
    expect(withCountrySpelledOut({ text: 'перечень КНР двойного назначения', inflect: [0, 2] })[1]).toEqual({
      text: 'перечень Китайской Народной Республики двойного назначения',
      inflect: [0, 4],
    });
  });

  it('keeps the last word declined when told inflect: true, counted again after the longer name', () => {
    expect(withCountrySpelledOut({ text: 'посольство КНР в России', inflect: true })).toEqual([
      { text: 'посольство Китая в России', inflect: [3] },
      { text: 'посольство Китайской Народной Республики в России', inflect: [5] },
    ]);
  });

  it('never declines the country, and leaves other aliases alone', () => {
    expect(withCountrySpelledOut({ text: 'Минторг КНР', inflect: true })).toEqual([
      { text: 'Минторг Китая' },
      { text: 'Минторг Китайской Народной Республики' },
    ]);
    expect(withCountrySpelledOut('КНР')).toEqual([]);
    expect(withCountrySpelledOut('Минторг Японии')).toEqual([]);
    expect(withCountrySpelledOut({ text: 'Минторг КНР', caseSensitive: true })[0]).toEqual({ text: 'Минторг Китая', caseSensitive: true });
  });

  it('spells out США as "Соединенных Штатов"', () => {
    expect(withCountrySpelledOut({ text: 'Министерство торговли США', inflect: 0 })).toEqual([
      { text: 'Министерство торговли Соединенных Штатов', inflect: [0] },
    ]);
    expect(withCountrySpelledOut('США')).toEqual([]);
    // The country may come first.
    expect(withCountrySpelledOut('США и КНР')).toEqual([{ text: 'Соединенных Штатов и КНР' }]);
  });
});
