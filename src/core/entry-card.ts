// What a tooltip or a popup detail view shows for an entry, worked out from
// the data alone so that it can be tested without a browser: title, kind,
// summary, the status that matters most today, key facts, related entries
// and numbered sources. Every fact line keeps the numbers of its sources.
import type { Entry } from './dataset-schema';
import { pick, type DisplayLanguage } from './display-language';
import { FACT_LABELS } from './fact-labels';
import type { EntryView } from './messages';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export interface CardLine {
  label: string;
  value: string;
  note?: string;
  /** 1-based numbers into `sources`. */
  cite: number[];
}

export interface CardStatus extends CardLine {
  date: string;
  /** "since" for a change of state; "as of" for a state checked on that date. */
  dateLabel: string;
  tone: Tone;
}

export interface EntryCard {
  id: string;
  kind: Entry['kind'];
  kindLabel: string;
  title: string;
  summary: string;
  status?: CardStatus;
  facts: CardLine[];
  related: { id: string; kind: Entry['kind']; name: string }[];
  /** What sources report but do not confirm, or disagree on. */
  caveats: { text: string; cite: number[] }[];
  sources: { n: number; url: string; title: string; publisher?: string; published?: string }[];
  asOf: string;
}

const EXPORT_TONE: Record<string, Tone> = {
  'no-licence-needed': 'good',
  'licences-granted': 'warn',
  'case-by-case': 'warn',
  'licence-required': 'bad',
  'presumption-of-denial': 'bad',
};
const RULE_TONE: Record<string, Tone> = {
  'in-force': 'bad',
  amended: 'warn',
  guidance: 'warn',
  proposed: 'neutral',
  suspended: 'neutral',
  rescinded: 'good',
  'not-enacted': 'good',
};

export function buildEntryCard(view: EntryView, lang: DisplayLanguage): EntryCard {
  const { entry, refs } = view;
  const L = FACT_LABELS[lang];
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const cite = (src: number[]) => src.map((i) => i + 1);
  const refName = (id: string) => (refs[id] ? pick(refs[id].name, lang) : id);
  const facts: CardLine[] = [];
  let status: CardStatus | undefined;

  switch (entry.kind) {
    case 'chip': {
      const f = entry.facts;
      // The first source is the entry's main one, which names the vendor.
      facts.push({ label: L.vendor, value: refName(f.vendor), cite: [1] });
      if (f.year) facts.push({ label: L.year, value: String(f.year.value), cite: cite(f.year.src) });
      if (f.memory) facts.push({ label: L.memory, value: `${number.format(f.memory.gb)} GB ${f.memory.type}`, cite: cite(f.memory.src) });
      if (f.bandwidth) facts.push({ label: L.bandwidth, value: `${number.format(f.bandwidth.tbps)} TB/s`, cite: cite(f.bandwidth.src) });
      if (f.compute) {
        const density = f.compute.sparse ? L.sparse : L.dense;
        facts.push({ label: L.compute, value: `${number.format(f.compute.tflops)} TFLOPS ${f.compute.format} (${density})`, cite: cite(f.compute.src) });
      }
      const now = f.exportStatus?.at(-1);
      if (now) {
        const rule = now.rule ? refName(now.rule) : undefined;
        const note = [now.note ? pick(now.note, lang) : undefined, rule].filter(Boolean).join(' · ');
        status = {
          label: `${L.exportControls}: ${pick(now.region, lang)}`,
          value: L.exportStatus[now.status],
          date: now.date,
          dateLabel: L.since,
          tone: EXPORT_TONE[now.status] ?? 'neutral',
          cite: cite(now.src),
          ...(note ? { note } : {}),
        };
      }
      break;
    }
    case 'company': {
      const f = entry.facts;
      facts.push({ label: L.country, value: countryName(f.country.code, lang), cite: cite(f.country.src) });
      facts.push({ label: L.activity, value: pick(f.activity.text, lang), cite: cite(f.activity.src) });
      const now = f.entityList?.at(-1);
      if (now) {
        status = {
          label: L.entityListLabel,
          value: L.entityList[now.status],
          date: now.date,
          dateLabel: now.status === 'listed' || now.status === 'removed' ? L.since : L.statusAsOf,
          tone: now.status === 'listed' ? 'bad' : 'neutral',
          cite: cite(now.src),
          ...(now.note ? { note: pick(now.note, lang) } : {}),
        };
      }
      break;
    }
    case 'model': {
      const f = entry.facts;
      facts.push({ label: L.maker, value: refName(f.maker), cite: [1] });
      if (f.released) facts.push({ label: L.released, value: f.released.date, cite: cite(f.released.src), ...(f.released.note ? { note: pick(f.released.note, lang) } : {}) });
      if (f.openWeights) facts.push({ label: L.openWeights, value: f.openWeights.value ? L.yes : L.no, cite: cite(f.openWeights.src) });
      break;
    }
    case 'rule': {
      const f = entry.facts;
      facts.push({ label: L.issuer, value: pick(f.issuer.name, lang), cite: cite(f.issuer.src) });
      if (f.citation) facts.push({ label: L.citation, value: f.citation.value, cite: cite(f.citation.src) });
      for (const d of f.dates) {
        facts.push({ label: L.ruleDate[d.kind], value: d.date, cite: cite(d.src), ...(d.note ? { note: pick(d.note, lang) } : {}) });
      }
      const now = f.status.at(-1)!;
      status = {
        label: L.status,
        value: L.ruleStatus[now.status],
        date: now.date,
        dateLabel: L.since,
        tone: RULE_TONE[now.status] ?? 'neutral',
        cite: cite(now.src),
        ...(now.note ? { note: pick(now.note, lang) } : {}),
      };
      break;
    }
  }

  return {
    id: entry.id,
    kind: entry.kind,
    kindLabel: L.kind[entry.kind],
    title: pick(entry.name, lang),
    summary: pick(entry.summary, lang),
    ...(status ? { status } : {}),
    facts,
    caveats: (entry.caveats ?? []).map((c) => ({ text: pick(c.text, lang), cite: cite(c.src) })),
    related: entry.related.flatMap((id) => (refs[id] ? [{ id, kind: refs[id].kind, name: pick(refs[id].name, lang) }] : [])),
    sources: entry.sources.map((s, i) => ({
      n: i + 1,
      url: s.url,
      title: s.title,
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.published ? { published: s.published } : {}),
    })),
    asOf: entry.asOf,
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
  } catch {
    return undefined;
  }
}
