// What a tooltip or a popup detail view shows for an entry, worked out from
// the data alone so that it can be tested without a browser: title, kind,
// summary, the status that matters most today, key facts, related entries
// and numbered sources. Every fact line keeps the numbers of its sources,
// and says so when it is not official text (a vendor's figure, a press
// report, an estimate).
import type { ClaimType, Entry, ExportStatus, RuleStatus } from './dataset-schema';
import { latestChecked } from './dataset-staleness';
import { pick, type DisplayLanguage } from './display-language';
import { formatPartialDate } from './format-date';
import { FACT_LABELS } from './fact-labels';
import type { EntryView } from './messages';
import { isPrimarySource } from './primary-source';

type Tone = 'good' | 'warn' | 'bad' | 'neutral';

/** A claim that is not official text, marked beside its value. */
export type MarkedClaim = Exclude<ClaimType, 'official'>;

export interface CardLine {
  label: string;
  value: string;
  note?: string;
  /** Set only for a vendor's figure, a press report or an estimate. */
  claim?: MarkedClaim;
  /** 1-based numbers into `sources`. */
  cite: number[];
}

interface CardStatus extends CardLine {
  /** As the data gives it (YYYY, YYYY-MM or YYYY-MM-DD), for comparing. */
  date: string;
  /** The same date as the reader's language writes it. */
  dateText: string;
  /** "since" for a change of state; "as of" for a state checked on that date. */
  dateLabel: string;
  tone: Tone;
}

/** The status when the page was written, shown beside today's when they differ. */
interface CardThen {
  /** The page's publication date, as the page gives it (YYYY-MM-DD). */
  pageDate: string;
  pageDateText: string;
  /** The status in effect then; absent when the data has no record that early. */
  status?: CardStatus;
}

export interface EntryCard {
  id: string;
  kind: Entry['kind'];
  kindLabel: string;
  title: string;
  summary: string;
  status?: CardStatus;
  /** Set when the card is about a version of the entry (its title): the entry's own name, whose facts the card shows. */
  variantOf?: string;
  /** In place of a status: the list a chip or company would have one on, which the dataset does not follow for it. */
  untracked?: { label: string; value: string };
  then?: CardThen;
  facts: CardLine[];
  related: { id: string; kind: Entry['kind']; name: string }[];
  /** What sources report but do not confirm, or disagree on. */
  caveats: { text: string; claim?: MarkedClaim; cite: number[] }[];
  sources: { n: number; url: string; title: string; publisher?: string; published?: string; primary?: true }[];
  /** The latest date any of the entry's facts was checked; the entry's `asOf` when none says. */
  asOf: string;
  asOfText: string;
}

/** `{ claim }` for a claim the card marks, nothing for official text or an unsaid claim. */
function mark(claim: ClaimType | undefined): { claim?: MarkedClaim } {
  return claim && claim !== 'official' ? { claim } : {};
}

const EXPORT_TONE: Record<ExportStatus, Tone> = {
  'no-licence-needed': 'good',
  'licences-granted': 'warn',
  'case-by-case': 'warn',
  'licence-required': 'bad',
  'presumption-of-denial': 'bad',
  'allowed-with-conditions': 'warn',
  'sales-halted': 'bad',
  'discouraged-by-china': 'bad',
  'blocked-by-china': 'bad',
};
const RULE_TONE: Record<RuleStatus, Tone> = {
  'in-force': 'bad',
  amended: 'warn',
  guidance: 'warn',
  proposed: 'neutral',
  suspended: 'neutral',
  rescinded: 'good',
  'not-enacted': 'good',
  announced: 'neutral',
  published: 'warn',
  'not-enforced': 'warn',
  'rescission-announced': 'warn',
  replaced: 'neutral',
  stayed: 'neutral',
  expired: 'good',
};

/**
 * The entry's status timeline (oldest first), each event ready to show.
 * Chips: export status; companies: Entity List; rules: rule status.
 */
function statusTimeline(view: EntryView, lang: DisplayLanguage): { date: string; key: string; status: CardStatus }[] {
  const { entry, refs } = view;
  const L = FACT_LABELS[lang];
  const cite = (src: number[]) => src.map((i) => i + 1);
  const refName = (id: string) => (refs[id] ? pick(refs[id].name, lang) : id);
  switch (entry.kind) {
    case 'chip':
      return (entry.facts.exportStatus ?? []).map((e) => {
        const rule = e.rule ? refName(e.rule) : undefined;
        const note = [e.note ? pick(e.note, lang) : undefined, rule].filter(Boolean).join(' · ');
        return {
          date: e.date,
          key: e.status,
          status: {
            label: `${L.exportControls}: ${pick(e.region, lang)}`,
            value: L.exportStatus[e.status],
            date: e.date,
            dateText: formatPartialDate(e.date, lang, { since: true }),
            dateLabel: L.since,
            tone: EXPORT_TONE[e.status] ?? 'neutral',
            cite: cite(e.src),
            ...(note ? { note } : {}),
            ...mark(e.claim),
          },
        };
      });
    case 'company':
      return (entry.facts.entityList ?? []).map((e) => ({
        date: e.date,
        key: e.status,
        status: {
          label: L.entityListLabel,
          value: L.entityList[e.status],
          date: e.date,
          dateText: formatPartialDate(e.date, lang, { since: e.status === 'listed' || e.status === 'removed' }),
          dateLabel: e.status === 'listed' || e.status === 'removed' ? L.since : L.statusAsOf,
          tone: e.status === 'listed' ? 'bad' : 'neutral',
          cite: cite(e.src),
          ...(e.note ? { note: pick(e.note, lang) } : {}),
          ...mark(e.claim),
        },
      }));
    case 'rule':
      return entry.facts.status.map((e) => ({
        date: e.date,
        key: e.status,
        status: {
          label: L.status,
          value: L.ruleStatus[e.status],
          date: e.date,
          dateText: formatPartialDate(e.date, lang, { since: true }),
          dateLabel: L.since,
          tone: RULE_TONE[e.status] ?? 'neutral',
          cite: cite(e.src),
          ...(e.note ? { note: pick(e.note, lang) } : {}),
          ...mark(e.claim),
        },
      }));
    case 'model':
      return [];
  }
}

/** A status key (see latest-status) in words, with its tone, for lists such as "On this page". */
export function statusInWords(kind: Entry['kind'], key: string, lang: DisplayLanguage): { value: string; tone: Tone } | undefined {
  const L = FACT_LABELS[lang];
  if (kind === 'chip' && key in L.exportStatus) return { value: L.exportStatus[key as ExportStatus], tone: EXPORT_TONE[key as ExportStatus] };
  if (kind === 'rule' && key in L.ruleStatus) return { value: L.ruleStatus[key as RuleStatus], tone: RULE_TONE[key as RuleStatus] };
  if (kind === 'company' && key in L.entityList) {
    const listKey = key as keyof typeof L.entityList;
    return { value: L.entityList[listKey], tone: listKey === 'listed' ? 'bad' : 'neutral' };
  }
  return undefined;
}

/**
 * Whether an event dated `event` (YYYY, YYYY-MM or YYYY-MM-DD) had happened
 * by `day`: a month or year counts from its first day, so "2025-08" is in
 * effect on 2025-08-10 but "2025-08-15" is not on 2025-08.
 */
export function happenedBy(event: string, day: string): boolean {
  // Stryker disable next-line EqualityOperator,MethodExpression: a date that starts `day` sorts before it, so `event <= day` alone decides, and equal dates pass by startsWith too
  return event <= day || day.startsWith(event);
}

export function buildEntryCard(
  view: EntryView,
  lang: DisplayLanguage,
  {
    pageDate,
    variant,
  }: {
    pageDate?: string;
    /** The name as the page wrote it, when it names a version of the entry ("Qwen3-Max" for Qwen): the card is about that version. */
    variant?: string;
  } = {},
): EntryCard {
  const { entry, refs } = view;
  const L = FACT_LABELS[lang];
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const cite = (src: number[]) => src.map((i) => i + 1);
  const refName = (id: string) => (refs[id] ? pick(refs[id].name, lang) : id);
  const facts: CardLine[] = [];
  const timeline = statusTimeline(view, lang);
  const now = timeline.at(-1);

  switch (entry.kind) {
    case 'chip': {
      const f = entry.facts;
      // The first source is the entry's main one, which names the vendor.
      facts.push({ label: L.vendor, value: refName(f.vendor), cite: [1] });
      if (f.year) facts.push({ label: L.year, value: String(f.year.value), cite: cite(f.year.src), ...mark(f.year.claim) });
      if (f.memory)
        facts.push({ label: L.memory, value: `${number.format(f.memory.gb)} GB ${f.memory.type}`, cite: cite(f.memory.src), ...mark(f.memory.claim) });
      if (f.bandwidth)
        facts.push({ label: L.bandwidth, value: `${number.format(f.bandwidth.tbps)} TB/s`, cite: cite(f.bandwidth.src), ...mark(f.bandwidth.claim) });
      if (f.compute) {
        const density = f.compute.sparse === undefined ? '' : ` (${f.compute.sparse ? L.sparse : L.dense})`;
        facts.push({
          label: L.compute,
          value: `${number.format(f.compute.tflops)} TFLOPS ${f.compute.format}${density}`,
          cite: cite(f.compute.src),
          ...mark(f.compute.claim),
        });
      }
      break;
    }
    case 'company': {
      const f = entry.facts;
      facts.push({ label: L.country, value: countryName(f.country.code, lang), cite: cite(f.country.src) });
      facts.push({ label: L.activity, value: pick(f.activity.text, lang), cite: cite(f.activity.src) });
      break;
    }
    case 'model': {
      const f = entry.facts;
      facts.push({ label: L.maker, value: refName(f.maker), cite: [1] });
      // A version has its own release date and licence: the family's would
      // misstate them, so a version's card leaves them out.
      if (f.released && !variant)
        facts.push({
          label: L.released,
          value: formatPartialDate(f.released.date, lang),
          cite: cite(f.released.src),
          ...(f.released.note ? { note: pick(f.released.note, lang) } : {}),
          ...mark(f.released.claim),
        });
      if (f.openWeights && !variant)
        facts.push({ label: L.openWeights, value: f.openWeights.value ? L.yes : L.no, cite: cite(f.openWeights.src), ...mark(f.openWeights.claim) });
      break;
    }
    case 'rule': {
      const f = entry.facts;
      facts.push({ label: L.issuer, value: pick(f.issuer.name, lang), cite: cite(f.issuer.src) });
      if (f.citation) facts.push({ label: L.citation, value: f.citation.value, cite: cite(f.citation.src) });
      for (const d of f.dates) {
        facts.push({
          label: L.ruleDate[d.kind],
          value: formatPartialDate(d.date, lang),
          cite: cite(d.src),
          ...(d.note ? { note: pick(d.note, lang) } : {}),
          ...mark(d.claim),
        });
      }
      break;
    }
  }

  // News is read long after it is written: when the page says when, and the
  // status then differs from today's, both are shown.
  let then: CardThen | undefined;
  if (pageDate && now && !happenedBy(now.date, pageDate)) {
    const past = timeline.filter((e) => happenedBy(e.date, pageDate)).at(-1);
    then = { pageDate, pageDateText: formatPartialDate(pageDate, lang), ...(past ? { status: past.status } : {}) };
    if (past && past.key === now.key) then = undefined;
  }

  const asOf = latestChecked(entry) ?? entry.asOf;
  // Stryker disable next-line ConditionalExpression: only a company's facts have a `type` (the others' schemas are strict objects without one)
  const companyType = entry.kind === 'company' ? entry.facts.type : undefined;
  // A chip or company the dataset follows on no list says so, rather than
  // looking the same as one that is on none. Agencies and organisations
  // are not what those lists are about.
  const untracked =
    !now && (entry.kind === 'chip' || (entry.kind === 'company' && !companyType))
      ? { label: entry.kind === 'chip' ? L.exportControls : L.entityListLabel, value: L.notTracked }
      : undefined;
  return {
    id: entry.id,
    kind: entry.kind,
    kindLabel: companyType ? L.companyType[companyType] : L.kind[entry.kind],
    ...(untracked ? { untracked } : {}),
    title: variant ?? pick(entry.name, lang),
    ...(variant ? { variantOf: pick(entry.name, lang) } : {}),
    summary: pick(entry.summary, lang),
    ...(now ? { status: now.status } : {}),
    ...(then ? { then } : {}),
    facts,
    caveats: (entry.caveats ?? []).map((c) => ({ text: pick(c.text, lang), cite: cite(c.src), ...mark(c.claim) })),
    related: entry.related.flatMap((id) => (refs[id] ? [{ id, kind: refs[id].kind, name: pick(refs[id].name, lang) }] : [])),
    sources: entry.sources.map((s, i) => ({
      n: i + 1,
      url: s.url,
      title: s.title,
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.published ? { published: s.published } : {}),
      ...(isPrimarySource(s.url) ? { primary: true as const } : {}),
    })),
    // The facts say when they were last verified; an entry-wide date only
    // stands in when none of them does.
    asOf,
    asOfText: formatPartialDate(asOf, lang),
  };
}

function countryName(code: string, lang: DisplayLanguage): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Only plain https links may become clickable in a tooltip. */
export function safeLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } /* Stryker disable next-line BlockStatement: an empty catch returns undefined as well */ catch {
    return undefined;
  }
}
