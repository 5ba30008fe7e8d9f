import { describe, expect, it } from 'vitest';
import { withChinaSpelledOut } from './ru-country-names';

describe('Russian aliases that name China as КНР', () => {
  it('get "Китая" and "Китайской Народной Республики" too, with the declined word counted again', () => {
    expect(withChinaSpelledOut({ text: 'Закон КНР о контроле за экспортом', inflect: 0 })).toEqual([
      { text: 'Закон Китая о контроле за экспортом', inflect: [0] },
      { text: 'Закон Китайской Народной Республики о контроле за экспортом', inflect: [0] },
    ]);
    expect(withChinaSpelledOut({ text: 'перечень КНР двойного назначения', inflect: [0, 2] })[1]).toEqual({
      text: 'перечень Китайской Народной Республики двойного назначения',
      inflect: [0, 4],
    });
  });

  it('keeps the last word declined when told inflect: true, counted again after the longer name', () => {
    expect(withChinaSpelledOut({ text: 'посольство КНР в России', inflect: true })).toEqual([
      { text: 'посольство Китая в России', inflect: [3] },
      { text: 'посольство Китайской Народной Республики в России', inflect: [5] },
    ]);
  });

  it('never declines the country, and leaves other aliases alone', () => {
    expect(withChinaSpelledOut({ text: 'Минторг КНР', inflect: true })).toEqual([{ text: 'Минторг Китая' }, { text: 'Минторг Китайской Народной Республики' }]);
    expect(withChinaSpelledOut('КНР')).toEqual([]);
    expect(withChinaSpelledOut('Минторг США')).toEqual([]);
    expect(withChinaSpelledOut({ text: 'Минторг КНР', caseSensitive: true })[0]).toEqual({ text: 'Минторг Китая', caseSensitive: true });
  });
});
