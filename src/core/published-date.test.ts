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

describe('publicationDay: edges', () => {
  it('takes the first plausible day and today itself', () => {
    expect(publicationDay('1990-01-01', TODAY)).toBe('1990-01-01');
    expect(publicationDay(TODAY, TODAY)).toBe(TODAY);
    expect(publicationDay('1989-12-31', TODAY)).toBeUndefined();
  });

  it('takes a date-time without a zone or with a zone written without a colon', () => {
    expect(publicationDay('2023-12-05T08:30:00', TODAY)).toBe('2023-12-05');
    expect(publicationDay('2023-12-05T08:30:00+0800', TODAY)).toBe('2023-12-05');
  });

  it('refuses a date with other text before or after it', () => {
    expect(publicationDay('Updated 2023-12-05', TODAY)).toBeUndefined();
    expect(publicationDay('2023-12-05 (corrected)', TODAY)).toBeUndefined();
  });
});

describe('jsonLdDatePublished: depth and odd values', () => {
  const nested = (levels: number): unknown => {
    let doc: unknown = { datePublished: '2023-12-05' };
    for (let i = 0; i < levels; i++) doc = [doc];
    return doc;
  };

  it('looks six levels deep and no deeper', () => {
    expect(jsonLdDatePublished(nested(6))).toBe('2023-12-05');
    expect(jsonLdDatePublished(nested(7))).toBeUndefined();
  });

  it('counts each @graph as a level too, six deep and no deeper', () => {
    const graphs = (levels: number): unknown => {
      let doc: unknown = { datePublished: '2023-12-05' };
      for (let i = 0; i < levels; i++) doc = { '@graph': doc };
      return doc;
    };
    expect(jsonLdDatePublished(graphs(6))).toBe('2023-12-05');
    expect(jsonLdDatePublished(graphs(7))).toBeUndefined();
  });

  it('returns nothing for null, a null @graph or a null item, without throwing', () => {
    expect(jsonLdDatePublished(null)).toBeUndefined();
    expect(jsonLdDatePublished({ '@graph': null })).toBeUndefined();
    expect(jsonLdDatePublished([null, { datePublished: '2024-01-02' }])).toBe('2024-01-02');
  });
});
