// A card as a reader pastes it: plain text for a message or a note, and
// Markdown for a document, each fact with the numbers of its sources and
// the sources with their links, so what is copied can still be checked.
import type { DisplayLanguage } from './display-language';
import type { CardLine, EntryCard } from './entry-card';
import { FACT_LABELS } from './fact-labels';

const cites = (n: number[]) => (n.length > 0 ? ` [${n.join(',')}]` : '');

function claimed(line: Pick<CardLine, 'claim'>, lang: DisplayLanguage): string {
  return line.claim ? ` (${FACT_LABELS[lang].claim[line.claim]})` : '';
}

/** The card's lines, each already in words: status, summary, facts, caveats. */
function lines(card: EntryCard, lang: DisplayLanguage): { status?: string; facts: string[]; caveats: string[] } {
  const status = card.status
    ? `${card.status.label}: ${card.status.value}${claimed(card.status, lang)}, ${card.status.dateLabel} ${card.status.dateText}${cites(card.status.cite)}`
    : card.untracked
      ? `${card.untracked.label}: ${card.untracked.value}`
      : undefined;
  return {
    ...(status ? { status } : {}),
    facts: card.facts.map((f) => `${f.label}: ${f.value}${claimed(f, lang)}${f.note ? ` (${f.note})` : ''}${cites(f.cite)}`),
    caveats: card.caveats.map((c) => `${c.text}${claimed(c, lang)}${cites(c.cite)}`),
  };
}

function sourceLine(source: EntryCard['sources'][number]): string {
  return [source.title, source.publisher, source.published].filter(Boolean).join(', ');
}

export function cardAsText(card: EntryCard, lang: DisplayLanguage): string {
  const L = FACT_LABELS[lang];
  const { status, facts, caveats } = lines(card, lang);
  return [
    `${card.title} (${card.kindLabel})`,
    ...(status ? [status] : []),
    card.summary,
    ...facts,
    ...(caveats.length > 0 ? [`${L.caveats}:`, ...caveats.map((c) => `- ${c}`)] : []),
    `${L.sources}:`,
    ...card.sources.map((s) => `[${s.n}] ${sourceLine(s)}: ${s.url}`),
    `${L.asOf} ${card.asOfText} · ChipLens`,
  ].join('\n');
}

/** Markdown: characters that would start markup in running text are escaped. */
const md = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function cardAsMarkdown(card: EntryCard, lang: DisplayLanguage): string {
  const L = FACT_LABELS[lang];
  const { status, facts, caveats } = lines(card, lang);
  // Source numbers become reference links: [1] in the text, [1]: url below.
  const linked = (text: string) =>
    md(text).replace(/\\\[(\d+(?:,\d+)*)\\\]$/, (_, n: string) =>
      n
        .split(',')
        .map((k) => `[${k}]`)
        .join(''),
    );
  return [
    `**${md(card.title)}** (${md(card.kindLabel)})`,
    '',
    ...(status ? [`- ${linked(status)}`] : []),
    ...facts.map((f) => `- ${linked(f)}`),
    '',
    md(card.summary),
    ...(caveats.length > 0 ? ['', `${md(L.caveats)}:`, '', ...caveats.map((c) => `- ${linked(c)}`)] : []),
    '',
    `${md(L.sources)}:`,
    '',
    ...card.sources.map((s) => `${s.n}. [${md(sourceLine(s))}](<${s.url}>)`),
    '',
    ...card.sources.map((s) => `[${s.n}]: <${s.url}>`),
    '',
    `_${md(L.asOf)} ${md(card.asOfText)} · ChipLens_`,
  ].join('\n');
}

/** One entry of a page's briefing: its card and how often the page names it. */
export interface BriefingItem {
  card: EntryCard;
  count: number;
}

/**
 * "On this page" as a short Markdown briefing: the entries by kind, each
 * with its status and how often the page names it, and the sources of
 * what it states (those of the status, else the entry's first), numbered
 * once for the whole briefing.
 */
export function briefingMarkdown(items: BriefingItem[], lang: DisplayLanguage, title: string): string {
  const L = FACT_LABELS[lang];
  const numbers = new Map<string, number>();
  const cite = (card: EntryCard, ns: number[]) =>
    ns
      .map((n) => card.sources.find((s) => s.n === n))
      .filter((s): s is EntryCard['sources'][number] => s !== undefined)
      .map((s) => {
        if (!numbers.has(s.url)) numbers.set(s.url, numbers.size + 1);
        return `[${numbers.get(s.url)}]`;
      })
      .join('');
  const kinds = [...new Set(items.map((i) => i.card.kind))];
  const lines = [`# ${md(title)}`, ''];
  for (const kind of kinds) {
    const group = items.filter((i) => i.card.kind === kind);
    lines.push(`## ${md(L.kind[kind])}`, '');
    for (const { card, count } of group) {
      const status = card.status
        ? `${card.status.label}: ${card.status.value}${claimed(card.status, lang)}, ${card.status.dateLabel} ${card.status.dateText}`
        : card.untracked
          ? `${card.untracked.label}: ${card.untracked.value}`
          : card.summary;
      const sources = cite(card, card.status?.cite.length ? card.status.cite : card.sources.slice(0, 1).map((s) => s.n));
      lines.push(`- **${md(card.title)}** ×${count}: ${md(status)}${sources ? ` ${sources}` : ''}`);
    }
    lines.push('');
  }
  for (const [url, n] of numbers) lines.push(`[${n}]: <${url}>`);
  lines.push('', `_ChipLens · ${md(L.asOf)} ${md(items.map((i) => i.card.asOfText).at(0) ?? '')}_`);
  return lines.join('\n');
}
