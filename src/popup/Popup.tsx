// The toolbar popup: search the dataset, read an entry, and switch
// ChipLens on or off for the site of the current tab.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ENTRY_KINDS, type EntryKind } from '../core/dataset-schema';
import { displayLanguage, pick, type DisplayLanguage } from '../core/display-language';
import { buildEntryCard } from '../core/entry-card';
import { FACT_LABELS } from '../core/fact-labels';
import type { DatasetStatus, EntryView, PageInfo, SearchHit } from '../core/messages';
import { factReportUrl } from '../core/report-problem';
import { isActiveOn, siteRuleFor, type Settings } from '../core/settings';
import browser from 'webextension-polyfill';
import { DataStatus } from '../ui/DataStatus';
import { OnThisPage } from './OnThisPage';
import { EntryCardView } from '../ui/EntryCardView';
import { ask } from '../common/ask-background';
import { t, uiLanguage } from '../common/i18n';
import { onSettingsChange, readStoredSettings } from '../common/stored-settings';
import { pageInfo, targetTabId } from './popup-api';

const KIND_FILTERS: (EntryKind | 'all')[] = ['all', ...ENTRY_KINDS];

/**
 * "Report a problem" for an entry: a link to GitHub's prefilled form, once
 * the dataset's version is known. The entry and the versions only.
 */
function reportLink(entry: string, status: DatasetStatus | undefined): { href: string } | undefined {
  if (!status) return undefined;
  try {
    return { href: factReportUrl({ entry, datasetVersion: status.version, extensionVersion: browser.runtime.getManifest().version }) };
  } catch {
    // An id or version the form cannot take: no link rather than no popup.
    return undefined;
  }
}

export function Popup() {
  const lang = useMemo(() => displayLanguage(uiLanguage()), []);
  // "More" in a tooltip opens this page in a tab of its own on one entry: an
  // entry page, with no site to switch and no page to list.
  const entryPage = useMemo(() => new URLSearchParams(location.search).has('entry'), []);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<EntryKind | 'all'>('all');
  const [hits, setHits] = useState<SearchHit[] | undefined>(undefined);
  const [active, setActive] = useState(0);
  // Entries opened in a row (following related ones); Back goes one step.
  const [trail, setTrail] = useState<EntryView[]>([]);
  const [status, setStatus] = useState<DatasetStatus | undefined>(undefined);
  const [page, setPage] = useState<PageInfo | null | undefined>(undefined);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // A long page is read to its end before it can list what it mentions:
  // said only if that takes a while, so that short pages do not flicker.
  const [slowPage, setSlowPage] = useState(false);
  const detail = trail.at(-1);

  const open = (id: string, follow = false) => {
    ask({ type: 'get-entry', id }).then(
      (view) => view && setTrail((t) => (follow ? [...t, view] : [view])),
      (e: unknown) => setError(String(e)),
    );
  };

  useEffect(() => {
    const slow = setTimeout(() => setSlowPage(true), 300);
    ask({ type: 'get-status' }).then(setStatus, (e: unknown) => setError(String(e)));
    readStoredSettings().then(setSettings, () => undefined);
    (entryPage ? Promise.resolve(undefined) : targetTabId())
      .then((id) => {
        setTabId(id);
        return id === undefined ? undefined : pageInfo(id);
      })
      .then(
        (info) => setPage(info ?? null),
        () => setPage(null),
      );
    // "More" in a tooltip opens the popup page on an entry.
    const entry = new URLSearchParams(location.search).get('entry');
    if (entry && /^[a-z0-9-]{1,80}$/.test(entry)) open(entry);
    const unsubscribe = onSettingsChange(setSettings);
    return () => {
      clearTimeout(slow);
      unsubscribe();
    };
  }, []);

  // For the benchmark: the moment the popup first shows its data.
  useEffect(() => {
    if (status && page !== undefined && settings) performance.mark('chiplens:popup-ready');
  }, [status !== undefined && page !== undefined && settings !== undefined]);

  useEffect(() => {
    const q = query.trim();
    setActive(0);
    if (q === '') {
      setHits(undefined);
      return;
    }
    let current = true;
    ask({ type: 'search', query: q, limit: 30, ...(kind === 'all' ? {} : { kind }) }).then(
      (result) => current && setHits(result),
      (e: unknown) => current && setError(String(e)),
    );
    return () => {
      current = false;
    };
  }, [query, kind]);

  // Arrow keys move through the results, Enter opens one, Escape clears.
  const onKeyDown = (e: KeyboardEvent) => {
    const count = hits?.length ?? 0;
    if (e.key === 'ArrowDown' && count > 0) setActive((i) => (i + 1) % count);
    else if (e.key === 'ArrowUp' && count > 0) setActive((i) => (i - 1 + count) % count);
    else if (e.key === 'Enter' && hits?.[active]) open(hits[active].id);
    else if (e.key === 'Escape' && (query || detail)) {
      setQuery('');
      setTrail([]);
    } else return;
    e.preventDefault();
  };
  const L = FACT_LABELS[lang];
  const onPage = query.trim() === '' && !detail && page?.active === true && page.mentions.length > 0 && tabId !== undefined;

  return (
    <main class={entryPage ? 'popup entry-page' : 'popup'}>
      <header class="top">
        <h1>{t('extName')}</h1>
        <a class="options-link" href={browser.runtime.getURL('src/options/index.html')} target="_blank" rel="noopener">
          {t('optionsLink')}
        </a>
      </header>
      {/* What the page mentions comes first: it is why the reader opened the popup. */}
      {onPage ? <OnThisPage page={page!} tabId={tabId!} lang={lang} /> : null}
      <label class="visually-hidden" for="search">
        {t('searchLabel')}
      </label>
      <input
        id="search"
        type="search"
        aria-controls={hits && hits.length > 0 && !detail ? 'results' : undefined}
        aria-activedescendant={hits?.[active] && !detail ? `result-${hits[active].id}` : undefined}
        autoFocus
        autocomplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        value={query}
        onKeyDown={onKeyDown}
        onInput={(e) => {
          setTrail([]);
          setQuery((e.target as HTMLInputElement).value);
        }}
      />
      <fieldset class="kind-filter">
        <legend class="visually-hidden">{t('kindFilter')}</legend>
        {KIND_FILTERS.map((k) => (
          <button type="button" key={k} aria-pressed={kind === k} data-kind={k} onClick={() => setKind(k)}>
            {k === 'all' ? t('kindAll') : L.kind[k]}
          </button>
        ))}
      </fieldset>
      {error ? (
        <p class="error" role="alert">
          {t('errorGeneric', error)}
        </p>
      ) : null}
      {detail ? (
        <section class="detail" aria-label={pick(detail.entry.name, lang)}>
          {/* Back to the entry before, or to the results: only where there is one to go back to. */}
          {trail.length > 1 || hits !== undefined ? (
            <button type="button" class="back" onClick={() => setTrail((t) => t.slice(0, -1))}>
              ← {trail.length > 1 ? pick(trail.at(-2)!.entry.name, lang) : t('back')}
            </button>
          ) : null}
          <EntryCardView
            state={{ phase: 'ready', card: buildEntryCard(detail, lang) }}
            lang={lang}
            onOpenRelated={(id) => open(id, true)}
            report={reportLink(detail.entry.id, status)}
            copy={(text) =>
              navigator.clipboard.writeText(text).then(
                () => true,
                () => false,
              )
            }
          />
        </section>
      ) : (
        <>
          <Results query={query} hits={hits} lang={lang} active={active} onOpen={(id) => open(id)} />
          {query.trim() === '' && page && tabId !== undefined && !onPage ? <OnThisPage page={page} tabId={tabId} lang={lang} /> : null}
          {query.trim() === '' && page === undefined && slowPage ? (
            <p class="hint" role="status">
              {t('readingPage')}
            </p>
          ) : null}
        </>
      )}
      {entryPage ? null : <SiteControls page={page} settings={settings} />}
      {entryPage ? null : (
        <ul class="popup-legend" data-testid="popup-legend" aria-label={t('welcomeLegendTitle')}>
          {ENTRY_KINDS.map((k) => (
            <li key={k} class={`kind-${k}`}>
              <span class="kind-mark" aria-hidden="true" />
              {L.kind[k]}
            </li>
          ))}
        </ul>
      )}
      {status ? <DataStatus status={status} onStatus={setStatus} compact /> : null}
    </main>
  );
}

function Results({
  query,
  hits,
  lang,
  active,
  onOpen,
}: {
  query: string;
  hits: SearchHit[] | undefined;
  lang: DisplayLanguage;
  active: number;
  onOpen: (id: string) => void;
}) {
  if (hits === undefined) return <p class="hint">{t('searchHint')}</p>;
  if (hits.length === 0)
    return (
      <p class="hint" role="status">
        {t('noResults', query.trim())}
      </p>
    );
  const L = FACT_LABELS[lang];
  return (
    <div class="results" id="results" role="listbox" aria-label={t('searchResults')}>
      {hits.map((hit, i) => (
        // The search box keeps focus (aria-activedescendant); arrow keys move
        // the active option and Enter opens it, and a click opens one.
        <div
          key={hit.id}
          id={`result-${hit.id}`}
          role="option"
          tabIndex={-1}
          aria-selected={i === active}
          class={`result kind-${hit.kind}${i === active ? ' active' : ''}`}
          data-entry-id={hit.id}
          onClick={() => onOpen(hit.id)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onOpen(hit.id);
          }}
        >
          <span class="result-head">
            <span class="kind">{L.kind[hit.kind]}</span>
            <span class="result-name">{pick(hit.name, lang)}</span>
            {hit.matched ? <span class="matched">{t('matchedAlias', hit.matched)}</span> : null}
          </span>
          <span class="result-summary">{pick(hit.summary, lang)}</span>
        </div>
      ))}
    </div>
  );
}

function SiteControls({ page, settings }: { page: PageInfo | null | undefined; settings: Settings | undefined }) {
  if (page === undefined || settings === undefined) return <section class="site" aria-busy="true" />;
  const setPaused = (paused: boolean) => void ask({ type: 'set-paused', paused });
  const rule = page ? siteRuleFor(settings, page.host) : undefined;
  // A rule for a whole domain is changed in Options, not by this switch.
  const byWildcard = rule?.startsWith('*.');
  // While paused, ChipLens is off here too: the site switch says so, and waits.
  const onHere = page ? isActiveOn({ ...settings, paused: false }, page.host) && !settings.paused : false;
  return (
    <section class="site">
      {page === null ? (
        <p class="hint">{t('siteUnavailable')}</p>
      ) : (
        <>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={onHere}
              data-testid="site-switch"
              checked={onHere}
              disabled={byWildcard || settings.paused}
              onChange={(e) => void ask({ type: 'set-site-enabled', host: page.host, enabled: (e.target as HTMLInputElement).checked })}
            />
            <span>{t('siteSwitch', page.host)}</span>
          </label>
          <p class="fine" data-testid="site-rule">
            {settings.paused
              ? t('paused')
              : byWildcard
                ? t('siteCoveredBy', rule!)
                : settings.siteMode === 'only'
                  ? t('siteSwitchHintOnly')
                  : t('siteSwitchHint')}{' '}
            {isActiveOn(settings, page.host) ? t('mentionsOnPage', String(page.mentions.reduce((n, m) => n + m.count, 0))) : null}
          </p>
        </>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={settings.paused}
          data-testid="pause-switch"
          checked={settings.paused}
          onChange={(e) => setPaused((e.target as HTMLInputElement).checked)}
        />
        <span>{t('pauseAll')}</span>
      </label>
    </section>
  );
}
