import { describe, expect, it } from 'vitest';
import { jsonLdDatePublished, publicationDay } from './published-date';

const TODAY = '2026-11-28';

describe('publicationDay', () => {
  it('takes the day of an ISO date or date-time', () => {
    expect(publicationDay('2023-12-05', TODAY)).toBe('2023-12-05');
    expect(publicationDay('2023-12-05T08:30:00+08:00', TODAY)).toBe('2023-12-05');
    expect(publicationDay(' 2023-12-05T08:30:00.000Z ', TODAY)).toBe('2023-12-05');
  });

  it('refuses what is not a plausible publication day', () => {
    for (const raw of ['2023-02-30', '2099-01-01', '1970-01-01', 'yesterday', '05/12/2023', '2023-12', '', null, undefined]) {
      expect(publicationDay(raw, TODAY), String(raw)).toBeUndefined();
    }
  });
});

describe('jsonLdDatePublished', () => {
  it('finds datePublished in objects, arrays and @graph', () => {
    expect(jsonLdDatePublished({ '@type': 'NewsArticle', datePublished: '2023-12-05' })).toBe('2023-12-05');
    expect(jsonLdDatePublished([{ '@type': 'Organization' }, { datePublished: '2024-01-02' }])).toBe('2024-01-02');
    expect(jsonLdDatePublished({ '@graph': [{ '@type': 'WebPage' }, { datePublished: '2022-03-04' }] })).toBe('2022-03-04');
    expect(jsonLdDatePublished({ name: 'x' })).toBeUndefined();
    expect(jsonLdDatePublished('2023-12-05')).toBeUndefined();
  });
});
