// "On this page": the entries the current tab mentions, grouped by kind with
// counts. Choosing one scrolls the page to its first mention and flashes it;
// choosing it again walks on to the next.
import { useEffect, useState } from 'preact/hooks';
import { pick, type DisplayLanguage } from '../core/display-language';
import type { EntryKind } from '../core/dataset-schema';
import { ENTRY_KINDS } from '../core/dataset-schema';
import { briefingMarkdown } from '../core/card-copy';
import { buildEntryCard, statusInWords } from '../core/entry-card';
import { FACT_LABELS } from '../core/fact-labels';
import type { EntryRef, PageInfo } from '../core/messages';
import { ask } from '../common/ask-background';
import { t } from '../common/i18n';
import { revealMention } from './popup-api';

export function OnThisPage({ page, tabId, lang }: { page: PageInfo; tabId: number; lang: DisplayLanguage }) {
  const [refs, setRefs] = useState<Record<string, EntryRef>>({});
  const [shown, setShown] = useState<{ id: string; index: number; total: number } | undefined>(undefined);

  useEffect(() => {
    const ids = page.mentions.map((m) => m.id);
    if (ids.length > 0) ask({ type: 'get-refs', ids }).then(setRefs, () => undefined);
  }, [page]);

  if (!page.active) return null;
  if (page.mentions.length === 0) return <p class="hint">{t('noMentions')}</p>;
  const L = FACT_LABELS[lang];

  const show = async (id: string) => {
    const next = shown?.id === id ? shown.index + 1 : 0;
    const result = await revealMention(tabId, id, next);
    if (result && result.total > 0) setShown({ id, ...result });
  };

  return (
    <section class="on-page" aria-labelledby="on-page-title">
      <h2 id="on-page-title">{t('onThisPage')}</h2>
      {page.limit ? (
        <p class="hint" role="status" data-limit>
          {t('mentionLimit', page.limit.toLocaleString(lang))}
        </p>
      ) : null}
      {ENTRY_KINDS.map((kind: EntryKind) => {
        const items = page.mentions.filter((m) => m.kind === kind);
        if (items.length === 0) return null;
        return (
          <div class="on-page-group" key={kind}>
            <h3>
              {L.kind[kind]} <span class="count">{items.reduce((n, m) => n + m.count, 0)}</span>
            </h3>
            <ul>
              {items.map((m) => (
                <li key={m.id}>
                  <button type="button" class={`mention kind-${m.kind}`} data-entry-id={m.id} onClick={() => void show(m.id)}>
                    <span class="kind-mark" aria-hidden="true" />
                    <span class="mention-name">{refs[m.id] ? pick(refs[m.id]!.name, lang) : m.id}</span>
                    <Status ref={refs[m.id]} lang={lang} />
                    {shown?.id === m.id ? (
                      <span class="count">{t('mentionOf', String(shown.index + 1), String(shown.total))}</span>
                    ) : (
                      <span class="count">
                        <span aria-hidden="true">×{m.count}</span>
                        <span class="visually-hidden">{t('mentionCount', String(m.count))}</span>
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <p class="fine">{t('onThisPageHint')}</p>
      <BriefingButton page={page} lang={lang} />
    </section>
  );
}

/** The entry's latest status, in a word and a tone, beside its name. */
function Status({ ref, lang }: { ref: EntryRef | undefined; lang: DisplayLanguage }) {
  const status = ref?.status ? statusInWords(ref.kind, ref.status, lang) : undefined;
  return status ? (
    <span class={`mention-status tone-${status.tone}`} data-status>
      {status.value}
    </span>
  ) : null;
}

/** Copies a short Markdown briefing of what the page mentions: entries, statuses, sources. */
function BriefingButton({ page, lang }: { page: PageInfo; lang: DisplayLanguage }) {
  const [done, setDone] = useState<boolean | undefined>(undefined);
  const copy = async () => {
    const views = await Promise.all(page.mentions.map((m) => ask({ type: 'get-entry', id: m.id }).catch(() => null)));
    const items = page.mentions.flatMap((m, i) => {
      const view = views[i];
      return view ? [{ card: buildEntryCard(view, lang), count: m.count }] : [];
    });
    const text = briefingMarkdown(items, lang, t('briefingTitle', page.host));
    setDone(
      await navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      ),
    );
  };
  return (
    <p>
      <button type="button" class="small-button" data-testid="copy-briefing" onClick={() => void copy()}>
        {done ? t('briefingCopied') : t('briefingCopy')}
      </button>
    </p>
  );
}
