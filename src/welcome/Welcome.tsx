// The page ChipLens opens once, on install: what the highlights mean, a
// paragraph to try them on, the keyboard shortcuts, and the privacy promise.
// The paragraph is matched by the same matcher as any page, from the name
// table the background stores; its names are ChipLens's own elements here,
// since this page is ChipLens's.
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ENTRY_KINDS, type EntryKind } from '../core/dataset-schema';
import { displayLanguage, type DisplayLanguage } from '../core/display-language';
import { buildEntryCard } from '../core/entry-card';
import { FACT_LABELS } from '../core/fact-labels';
import { Matcher } from '../core/matcher';
import type { EntryView } from '../core/messages';
import { ALIAS_TABLE_KEY } from '../core/storage-keys';
import { decodeStoredTable } from '../core/stored-table';
import { ask } from '../common/ask-background';
import { t, uiLanguage } from '../common/i18n';
import { EntryCardView } from '../ui/EntryCardView';

/** A piece of the demo paragraph: plain text, or a name with its entry. */
type Piece = { text: string; id?: string; kind?: EntryKind };

async function matchDemo(text: string): Promise<Piece[] | undefined> {
  const stored = (await browser.storage.local.get(ALIAS_TABLE_KEY))[ALIAS_TABLE_KEY];
  const loaded = await decodeStoredTable(stored);
  if (!loaded) return undefined;
  const matcher = new Matcher(loaded.table, loaded.automaton);
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of matcher.findMentions(text)) {
    if (m.start > at) pieces.push({ text: text.slice(at, m.start) });
    const entry = loaded.table.entries[m.entry]!;
    pieces.push({ text: text.slice(m.start, m.end), id: entry.id, kind: entry.kind });
    at = m.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

export function Welcome() {
  const lang: DisplayLanguage = useMemo(() => displayLanguage(uiLanguage()), []);
  const L = FACT_LABELS[lang];
  const demo = t('welcomeDemo');
  const [pieces, setPieces] = useState<Piece[] | undefined>(undefined);
  const [shown, setShown] = useState<EntryView | undefined>(undefined);
  const [shortcuts, setShortcuts] = useState<{ name: string; description: string; shortcut: string }[]>([]);

  useEffect(() => {
    // On a fresh install the background may still be storing the name table: wait for it.
    const tryMatch = () =>
      void matchDemo(demo).then(
        (p) => p && setPieces(p),
        () => undefined,
      );
    tryMatch();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ALIAS_TABLE_KEY in changes) tryMatch();
    };
    browser.storage.onChanged.addListener(onChange);
    browser.commands
      ?.getAll()
      .then((commands) =>
        // The browser may leave a suggested key unset (taken by another extension): said so, not hidden.
        setShortcuts(commands.flatMap((c) => (c.name && c.description ? [{ name: c.name, description: c.description, shortcut: c.shortcut ?? '' }] : []))),
      )
      .catch(() => undefined);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const open = (id: string) =>
    ask({ type: 'get-entry', id }).then(
      (view) => view && setShown(view),
      () => undefined,
    );

  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeLead')}</p>

      <section aria-labelledby="legend-title">
        <h2 id="legend-title">{t('welcomeLegendTitle')}</h2>
        <ul class="legend" data-testid="legend">
          {ENTRY_KINDS.map((kind) => (
            <li key={kind} class={`kind-${kind}`}>
              <span class="kind-mark" aria-hidden="true" />
              <strong>{L.kind[kind]}</strong> <span class="fine-inline">{t(`welcomeLegend_${kind}`)}</span>
            </li>
          ))}
        </ul>
        <p class="fine-inline">{t('welcomeRepeats')}</p>
      </section>

      <section aria-labelledby="demo-title">
        <h2 id="demo-title">{t('welcomeDemoTitle')}</h2>
        <p class="demo" data-testid="demo">
          {pieces
            ? pieces.map((piece, i) =>
                piece.id ? (
                  <button
                    type="button"
                    key={i}
                    class={`demo-name kind-${piece.kind}`}
                    data-entry-id={piece.id}
                    onClick={() => void open(piece.id!)}
                    onMouseEnter={() => void open(piece.id!)}
                  >
                    {piece.text}
                  </button>
                ) : (
                  piece.text
                ),
              )
            : demo}
        </p>
        {shown ? (
          <div class="detail" data-testid="demo-card">
            <EntryCardView state={{ phase: 'ready', card: buildEntryCard(shown, lang) }} lang={lang} />
          </div>
        ) : (
          <p class="fine-inline">{t('welcomeDemoHint')}</p>
        )}
      </section>

      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t('welcomeKeysTitle')}</h2>
        <ul class="keys" data-testid="shortcuts">
          {shortcuts.map((s) => (
            <li key={s.name}>
              {s.shortcut ? <kbd>{s.shortcut}</kbd> : <em>{t('welcomeKeyUnset')}</em>} {s.description}
            </li>
          ))}
        </ul>
        <p class="fine-inline">{t('welcomeKeysHint')}</p>
      </section>

      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('welcomePrivacyTitle')}</h2>
        <p>{t('welcomePrivacy')}</p>
      </section>

      <p>
        <a href={browser.runtime.getURL('src/options/index.html')}>{t('optionsLink')}</a>
      </p>
    </main>
  );
}
