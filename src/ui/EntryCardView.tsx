// The tooltip's content. Everything from the dataset is rendered as text;
// links are only ever https URLs, opened in a new tab without a referrer.
import { useEffect, useState } from 'preact/hooks';
import { cardAsMarkdown, cardAsText } from '../core/card-copy';
import type { EntryCard, CardLine, MarkedClaim } from '../core/entry-card';
import { safeLink } from '../core/entry-card';
import { FACT_LABELS } from '../core/fact-labels';
import type { DisplayLanguage } from '../core/display-language';

export type TooltipState =
  | { phase: 'loading'; title: string; kind: EntryCard['kind'] }
  | { phase: 'ready'; card: EntryCard }
  | { phase: 'missing'; title: string; kind: EntryCard['kind'] };

interface Props {
  state: TooltipState;
  lang: DisplayLanguage;
  /** Shown as a close button when given. Handlers get the click, so the tooltip can tell a user's from a script's. */
  onClose?: (event: MouseEvent) => void;
  /** How many related entries to name before "+N more" (the tooltip is small). */
  relatedLimit?: number;
  /** When given, related entries are buttons that open them (the popup's detail view). */
  onOpenRelated?: (id: string) => void;
  /** A pin button (the tooltip); `pinned` shows its state. */
  onPin?: (event: MouseEvent) => void;
  pinned?: boolean;
  /** A "more" button that opens the entry in ChipLens's own page. */
  onMore?: (event: MouseEvent) => void;
  /**
   * "Report a problem", below the footer line: a link to the prefilled form
   * (the popup), or a button whose handler gets the click (the tooltip,
   * where the background opens the form).
   */
  report?: { href: string } | { onClick: (event: MouseEvent) => void } | undefined;
  /** Puts text on the clipboard; resolves whether it did. With it, the card offers to copy itself. */
  copy?: (text: string) => Promise<boolean>;
  /**
   * The tooltip's first layer: name, kind, status, a few lines of summary and
   * the key figures, with the rest (more figures, caveats, related entries,
   * sources) behind a "Details and sources" button.
   */
  layered?: boolean;
}

/** Figures a layered card shows before its details. */
const KEY_FACTS = 3;

/** Brings source `n` of the card into view and gives it focus (no page navigation: the card may sit in a shadow root). */
function showSource(event: MouseEvent, n: number) {
  event.preventDefault();
  const card = (event.currentTarget as Element).closest('.card');
  // In a layered card the sources sit behind "Details and sources": open it first.
  const closed = card?.querySelector<HTMLButtonElement>('.details-toggle[aria-expanded="false"]');
  closed?.click();
  const show = () => {
    const item = card?.querySelector<HTMLElement>(`.sources [data-source="${n}"]`);
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus({ preventScroll: true });
  };
  if (closed) setTimeout(show, 0);
  else show();
}

function Cite({ n }: { n: number[] }) {
  if (n.length === 0) return null;
  return (
    <sup class="cite">
      [
      {n.map((k, i) => (
        <>
          {i > 0 ? ',' : null}
          <a key={k} href={`#source-${k}`} data-cite={k} onClick={(e) => showSource(e, k)}>
            {k}
          </a>
        </>
      ))}
      ]
    </sup>
  );
}

/** Whose claim it is, in words after the value, when it is not official text. */
function Claim({ claim, lang }: { claim: MarkedClaim | undefined; lang: DisplayLanguage }) {
  return claim ? (
    <span class="claim" data-claim={claim}>
      {' '}
      · {FACT_LABELS[lang].claim[claim]}
    </span>
  ) : null;
}

function Line({ line, lang }: { line: CardLine; lang: DisplayLanguage }) {
  return (
    <div class="fact">
      <dt>{line.label}</dt>
      <dd>
        {line.value}
        <Claim claim={line.claim} lang={lang} />
        {line.note ? <span class="note"> — {line.note}</span> : null}
        <Cite n={line.cite} />
      </dd>
    </div>
  );
}

export function EntryCardView({
  state,
  lang,
  onClose,
  relatedLimit = Infinity,
  onOpenRelated,
  onPin,
  pinned = false,
  onMore,
  report,
  copy,
  layered = false,
}: Props) {
  const L = FACT_LABELS[lang];
  const [open, setOpen] = useState(false);
  const cardId = state.phase === 'ready' ? state.card.id : undefined;
  // Another entry's card starts on its first layer again.
  useEffect(() => setOpen(false), [cardId]);
  if (state.phase !== 'ready') {
    return (
      <div class={`card kind-${state.kind}`} data-chiplens-state={state.phase}>
        <header>
          <span class="kind">{L.kind[state.kind]}</span>
          <h2 class="title">{state.title}</h2>
        </header>
        <p class="summary muted">{state.phase === 'loading' ? L.loading : L.notFound}</p>
      </div>
    );
  }
  const { card } = state;
  const keyFacts = layered ? card.facts.slice(0, KEY_FACTS) : card.facts;
  const moreFacts = layered ? card.facts.slice(KEY_FACTS) : [];
  return (
    <div class={`card kind-${card.kind}${layered && !open ? ' first-layer' : ''}`} data-chiplens-state="ready" data-entry-id={card.id}>
      <header>
        <span class="kind">{card.kindLabel}</span>
        <h2 class="title">{card.title}</h2>
        {onPin ? (
          <button type="button" class="pin" aria-pressed={pinned} aria-label={L.pin} title={L.pin} onClick={onPin}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path
                fill="currentColor"
                d="M10.6 1.2a.8.8 0 0 1 1.1 0l3.1 3.1a.8.8 0 0 1 0 1.1l-1.2 1.2a.8.8 0 0 1-.9.2l-2.3 2.3.3 2.6a.8.8 0 0 1-.2.7l-.9.9a.8.8 0 0 1-1.1 0L6 10.8l-3.6 3.6-.8-.8L5.2 10 2.7 7.5a.8.8 0 0 1 0-1.1l.9-.9a.8.8 0 0 1 .7-.2l2.6.3 2.3-2.3a.8.8 0 0 1 .2-.9z"
              />
            </svg>
          </button>
        ) : null}
        {onClose ? (
          <button type="button" class="close" aria-label={L.close} title={L.close} onClick={onClose}>
            ×
          </button>
        ) : null}
      </header>
      {card.variantOf ? (
        <p class="variant-of muted" data-variant-of>
          {L.versionOf} {card.variantOf}
        </p>
      ) : null}
      {card.status ? (
        <div class={`status tone-${card.status.tone}`} data-status>
          <div class="status-label">{card.status.label}</div>
          {card.then ? (
            <div class={`status-then tone-${card.then.status?.tone ?? 'neutral'}`} data-then>
              {L.whenWritten} ({card.then.pageDateText}):{' '}
              {card.then.status ? (
                <>
                  <strong>{card.then.status.value}</strong>
                  <Claim claim={card.then.status.claim} lang={lang} /> · {card.then.status.dateLabel} {card.then.status.dateText}
                  <Cite n={card.then.status.cite} />
                </>
              ) : (
                <em>{L.noRecordThen}</em>
              )}
            </div>
          ) : null}
          <div class="status-value" data-now>
            {card.then ? `${L.now}: ` : null}
            <strong>{card.status.value}</strong>
            <Claim claim={card.status.claim} lang={lang} /> · {card.status.dateLabel} {card.status.dateText}
            <Cite n={card.status.cite} />
          </div>
          {card.status.note ? <div class="status-note">{card.status.note}</div> : null}
        </div>
      ) : card.untracked ? (
        <div class="status tone-neutral untracked" data-status data-untracked>
          <div class="status-label">{card.untracked.label}</div>
          <div class="status-value">{card.untracked.value}</div>
        </div>
      ) : null}
      <p class={layered && !open ? 'summary clamped' : 'summary'}>{card.summary}</p>
      {keyFacts.length > 0 ? (
        <dl class="facts">
          {keyFacts.map((line) => (
            <Line key={line.label + line.value} line={line} lang={lang} />
          ))}
        </dl>
      ) : null}
      {layered ? (
        <button type="button" class="details-toggle" aria-expanded={open} aria-controls={`details-${card.id}`} onClick={() => setOpen(!open)}>
          {open ? L.fewerDetails : `${L.detailsAndSources} (${card.sources.length})`}
        </button>
      ) : null}
      <div class="details" id={`details-${card.id}`} hidden={layered && !open}>
        {moreFacts.length > 0 ? (
          <dl class="facts">
            {moreFacts.map((line) => (
              <Line key={line.label + line.value} line={line} lang={lang} />
            ))}
          </dl>
        ) : null}
        {card.caveats.length > 0 ? (
          <div class="caveats">
            <span class="section">{L.caveats}:</span>
            <ul>
              {card.caveats.map((c) => (
                <li key={c.text}>
                  {c.text}
                  <Claim claim={c.claim} lang={lang} />
                  <Cite n={c.cite} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {card.related.length > 0 ? (
          <div class="related">
            <span class="section">{L.related}:</span>{' '}
            {onOpenRelated ? (
              <ul class="related-list">
                {card.related.map((r) => (
                  <li key={r.id}>
                    <button type="button" class={`related-entry kind-${r.kind}`} data-entry-id={r.id} onClick={() => onOpenRelated(r.id)}>
                      {r.name}
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <>
                {card.related
                  .slice(0, relatedLimit)
                  .map((r) => r.name)
                  .join(', ')}
                {card.related.length > relatedLimit ? ` +${card.related.length - relatedLimit} ${L.more}` : null}
              </>
            )}
          </div>
        ) : null}
        <h3 class="section sources-title">{L.sources}</h3>
        <ol class="sources">
          {card.sources.map((source) => {
            const href = safeLink(source.url);
            const label = [source.title, source.publisher, source.published].filter(Boolean).join(' · ');
            return (
              <li key={source.n} value={source.n} data-source={source.n} tabIndex={-1}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {label}
                  </a>
                ) : (
                  label
                )}
                {source.primary ? (
                  <span class="primary" data-primary>
                    {' '}
                    · {L.primarySource}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
        {copy ? <CopyButtons card={card} lang={lang} copy={copy} /> : null}
      </div>
      <footer>
        {L.asOf} {card.asOfText} · ChipLens
        {onMore ? (
          <button type="button" class="more" onClick={onMore}>
            {L.openInChipLens}
          </button>
        ) : null}
        {report ? (
          <div class="report">
            {'href' in report ? (
              <a class="report-problem" href={report.href} target="_blank" rel="noopener noreferrer">
                {L.reportProblem}
              </a>
            ) : (
              <button type="button" class="report-problem" onClick={report.onClick}>
                {L.reportProblem}
              </button>
            )}
          </div>
        ) : null}
      </footer>
    </div>
  );
}

/** "Copy" and "Copy as Markdown": the card's facts with their sources, as text a reader can paste and still check. */
function CopyButtons({ card, lang, copy }: { card: EntryCard; lang: DisplayLanguage; copy: (text: string) => Promise<boolean> }) {
  const L = FACT_LABELS[lang];
  const [done, setDone] = useState<'text' | 'markdown' | undefined>(undefined);
  const run = async (event: MouseEvent, format: 'text' | 'markdown') => {
    // Only a reader's click copies: a page's script may not fill the clipboard through ChipLens.
    if (!event.isTrusted) return;
    const ok = await copy(format === 'text' ? cardAsText(card, lang) : cardAsMarkdown(card, lang));
    setDone(ok ? format : undefined);
  };
  return (
    <div class="copy">
      <button type="button" class="small-button copy-text" onClick={(e) => void run(e, 'text')}>
        {done === 'text' ? L.copied : L.copyText}
      </button>
      <button type="button" class="small-button copy-markdown" onClick={(e) => void run(e, 'markdown')}>
        {done === 'markdown' ? L.copied : L.copyMarkdown}
      </button>
      <span class="visually-hidden" role="status">
        {done ? L.copied : ''}
      </span>
    </div>
  );
}
