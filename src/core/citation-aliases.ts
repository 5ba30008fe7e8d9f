// Rules are named by their number as often as by their title: "MOFCOM
// Announcement No. 18 of 2025", "商务部公告2025年第18号", "State Council
// Order No. 792", "FR Doc. 2025-00636", "Executive Order 14320". Those
// numbers are already in each rule's sourced `citation`, so its names by
// number are derived from it here, in the languages that write them so,
// rather than typed again as aliases.
import type { Alias } from './dataset-schema';

/** At most this many numbers are read from one range ("Nos. 55–58"). */
const MAX_RANGE = 12;

/** The numbers of "No. 18" or "Nos. 55–58 and 61" written at the start of `text`. */
function numbers(text: string): number[] {
  const out: number[] = [];
  for (const [, from, to] of text.matchAll(/(\d+)(?:\s*[–-]\s*(\d+))?/g)) {
    const first = Number(from);
    const last = to === undefined ? first : Number(to);
    // Stryker disable next-line EqualityOperator: a range of one number gives that number either way
    if (last < first || last - first >= MAX_RANGE) out.push(first);
    else for (let n = first; n <= last; n++) out.push(n);
  }
  return out;
}

/** China's ministerial announcements and orders, by number and year. */
function chineseNumbered(citation: string): Alias[] {
  const out: Alias[] = [];
  // "MOFCOM/GAC Announcement No. 18 [2025]", "MOFCOM Announcements Nos. 61–62 [2025]", "… No. 51 of 2024".
  for (const [, list, bracketed, written] of citation.matchAll(/Announcements? Nos?\. ([\d–\-, and]+?)\s*(?:\[(\d{4})\]|of (\d{4}))/g)) {
    const y = bracketed ?? written;
    const all = numbers(list!);
    for (const n of all) out.push(`Announcement No. ${n} of ${y}`, `公告${y}年第${n}号`, `${y}年第${n}号公告`);
    // A pair is also named together: "Announcements No. 61 and 62".
    if (all.length === 2) for (const no of ['No.', 'Nos.']) out.push(`Announcements ${no} ${all[0]} and ${all[1]}`);
  }
  // "MOFCOM Order No. 1 of 2021".
  for (const [, n, y] of citation.matchAll(/MOFCOM Order No\. (\d+) of (\d{4})/g)) out.push(`MOFCOM Order No. ${n} of ${y}`, `商务部令${y}年第${n}号`);
  // "State Council Order No. 792": also a decree in English, 令 in Chinese;
  // in Russian «распоряжение/постановление № 792», which a Russian
  // government decree may share, so only beside the rule's context.
  for (const [, n] of citation.matchAll(/State Council Order No\. (\d+)/g)) {
    out.push(`State Council Order No. ${n}`, `State Council Decree No. ${n}`, `国务院令第${n}号`, `第${n}号国务院令`);
    for (const word of ['распоряжение', 'постановление'])
      for (const number of ['№', 'под номером']) out.push({ text: `${word} ${number} ${n}`, inflect: 0, needsContext: true });
  }
  return out;
}

/** US and EU instruments by their document numbers. */
function westernNumbered(citation: string): Alias[] {
  const out: Alias[] = [];
  for (const [doc] of citation.matchAll(/FR Doc\. \d{4}-\d{5}/g)) out.push(doc);
  for (const [, volume, page] of citation.matchAll(/\b(\d{2,3}) FR (\d{3,6})\b/g)) out.push(`${volume} FR ${page}`);
  for (const [, n] of citation.matchAll(/Executive Order (\d{5})/g)) out.push(`Executive Order ${n}`, `E.O. ${n}`, { text: `EO ${n}`, caseSensitive: true });
  for (const [bill] of citation.matchAll(/H\.R\. \d{3,5}/g)) out.push(bill);
  // A rule that is a whole part of the Code of Federal Regulations ("31 CFR
  // part 850"), not a section or a supplement of a part other rules share.
  for (const segment of citation.split(';')) {
    // Stryker disable next-line ArrayDeclaration: any stand-in list without a third item pushes nothing
    const [, title, part] = /^\s*(\d{1,2}) CFR part (\d{1,4})\s*$/.exec(segment) ?? [];
    if (part) out.push(`${title} CFR part ${part}`, `${title} C.F.R. part ${part}`);
  }
  // "Regulation (EU) 2023/1781", "Council Regulation (EU) No 833/2014".
  for (const [, year, n] of citation.matchAll(/Regulation \(EU\) (\d{4})\/(\d+)/g)) out.push(`Regulation (EU) ${year}/${n}`, `Regulation ${year}/${n}`);
  for (const [, n, year] of citation.matchAll(/Regulation \(EU\) No (\d+)\/(\d{4})/g)) out.push(`Regulation (EU) No ${n}/${year}`, `Regulation ${n}/${year}`);
  return out;
}

/** The names by number that a rule's citation gives it. */
export function citationAliases(citation: string): Alias[] {
  return [...chineseNumbered(citation), ...westernNumbered(citation)];
}
