import { describe, expect, it } from 'vitest';
import { citationAliases } from './citation-aliases';

const texts = (citation: string) => citationAliases(citation).map((a) => (typeof a === 'string' ? a : a.text));

describe('names by number from a citation', () => {
  it("reads China's announcements with their year, in English and Chinese, ranges included", () => {
    expect(texts('MOFCOM/GAC Announcement No. 18 [2025]')).toEqual(['Announcement No. 18 of 2025', '公告2025年第18号', '2025年第18号公告']);
    expect(texts('MOFCOM Announcement No. 51 of 2024 (商务部公告2024年第51号)')).toContain('公告2024年第51号');
    const range = texts('MOFCOM/GAC Announcements Nos. 55–58 [2025]');
    expect(range.filter((t) => t.startsWith('Announcement'))).toEqual(['55', '56', '57', '58'].map((n) => `Announcement No. ${n} of 2025`));
    // A pair is named together as well.
    expect(texts('MOFCOM Announcements Nos. 61–62 [2025]').filter((t) => t.startsWith('Announcements'))).toEqual([
      'Announcements No. 61 and 62',
      'Announcements Nos. 61 and 62',
    ]);
  });

  it('reads orders: MOFCOM orders with their year, State Council orders as decrees too, Russian forms only with context', () => {
    expect(texts('MOFCOM Order No. 1 of 2021 (商务部令2021年第1号)')).toEqual(['MOFCOM Order No. 1 of 2021', '商务部令2021年第1号']);
    const council = citationAliases('State Council Order No. 792');
    expect(texts('State Council Order No. 792')).toEqual(
      expect.arrayContaining(['State Council Order No. 792', 'State Council Decree No. 792', '国务院令第792号', 'распоряжение № 792']),
    );
    expect(council.filter((a) => typeof a !== 'string').every((a) => typeof a !== 'string' && a.needsContext)).toBe(true);
  });

  it('reads Federal Register documents, executive orders, bills and EU regulations', () => {
    expect(texts('90 FR 4544 (FR Doc. 2025-00636)')).toEqual(['FR Doc. 2025-00636', '90 FR 4544']);
    expect(texts('Executive Order 14320 of 23 July 2025')).toEqual(['Executive Order 14320', 'E.O. 14320', 'EO 14320']);
    expect(texts('H.R. 5885 (119th Congress)')).toEqual(['H.R. 5885']);
    expect(texts('Regulation (EU) 2023/1781 of the European Parliament')).toEqual(['Regulation (EU) 2023/1781', 'Regulation 2023/1781']);
    expect(texts('Council Regulation (EU) No 833/2014 of 31 July 2014')).toEqual(['Regulation (EU) No 833/2014', 'Regulation 833/2014']);
  });

  it('reads a rule that is a whole part of the CFR, not a part it shares through a supplement or section', () => {
    expect(texts('31 CFR part 850; 89 FR 90398')).toEqual(['89 FR 90398', '31 CFR part 850', '31 C.F.R. part 850']);
    expect(texts('ECCN 3A090 (Supplement No. 1 to 15 CFR part 774)')).toEqual([]);
    expect(texts('15 CFR parts 730–774; 15 CFR 734.4; 15 CFR part 744, Supplement No. 4')).toEqual([]);
  });

  it('reads a CFR part with spaces round it in its list, and not one a supplement ends with', () => {
    expect(texts('31 CFR part 850 ; 89 FR 90398')).toContain('31 CFR part 850');
    expect(texts('15 CFR 744.11; Supplement No. 4 to 15 CFR part 744')).toEqual([]);
  });

  it('reads a range written with spaces round its dash, and ranges up to 12 numbers long', () => {
    const announced = (citation: string) => texts(citation).filter((t) => t.startsWith('Announcement No.'));
    expect(announced('MOFCOM Announcements Nos. 55 – 58 [2025]')).toEqual(['55', '56', '57', '58'].map((n) => `Announcement No. ${n} of 2025`));
    expect(announced('MOFCOM Announcements Nos. 1–12 [2025]')).toHaveLength(12);
    // Thirteen numbers, or a range written backwards, are not read as a range: only the first number.
    expect(announced('MOFCOM Announcements Nos. 1–13 [2025]')).toEqual(['Announcement No. 1 of 2025']);
    expect(announced('MOFCOM Announcements Nos. 58–55 [2025]')).toEqual(['Announcement No. 58 of 2025']);
  });

  it('reads the year after any space, or none, and orders numbered past 9', () => {
    expect(texts('MOFCOM Announcement No. 18\u00a0[2025]')).toContain('Announcement No. 18 of 2025');
    expect(texts('MOFCOM Announcement No. 18[2025]')).toContain('Announcement No. 18 of 2025');
    expect(texts('MOFCOM Order No. 18 of 2019')).toEqual(['MOFCOM Order No. 18 of 2019', '商务部令2019年第18号']);
  });

  it('names a State Council order in every spelling, and an executive order "EO" only in capitals', () => {
    expect(citationAliases('State Council Order No. 792')).toEqual([
      'State Council Order No. 792',
      'State Council Decree No. 792',
      '国务院令第792号',
      '第792号国务院令',
      { text: 'распоряжение № 792', inflect: 0, needsContext: true },
      { text: 'распоряжение под номером 792', inflect: 0, needsContext: true },
      { text: 'постановление № 792', inflect: 0, needsContext: true },
      { text: 'постановление под номером 792', inflect: 0, needsContext: true },
    ]);
    expect(citationAliases('Executive Order 14320')).toContainEqual({ text: 'EO 14320', caseSensitive: true });
  });

  it('makes nothing of citations without a number it knows', () => {
    expect(texts('15 CFR part 744, Supplement No. 4 (see § 744.16)')).toEqual([]);
    expect(texts('Foreign Trade Act, Article 13')).toEqual([]);
    // A range too long to be one is read as its first number only.
    expect(texts('MOFCOM Announcements Nos. 1–40 [2025]').filter((t) => t.startsWith('Announcement'))).toEqual(['Announcement No. 1 of 2025']);
  });
});
