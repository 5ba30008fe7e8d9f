// The dataset in use and its refresh, in words: version and as-of date, when
// it was last checked and updated, the next check, the last error, and a
// "Check now" button. Shared by the popup (compact) and the options page.
import { useState } from 'preact/hooks';
import { ask } from '../common/ask-background';
import { formatWhen, t, uiLanguage } from '../common/i18n';
import { displayLanguage } from '../core/display-language';
import { formatPartialDate } from '../core/format-date';
import type { DatasetStatus } from '../core/messages';

export function DataStatus({ status, onStatus, compact = false }: { status: DatasetStatus; onStatus: (s: DatasetStatus) => void; compact?: boolean }) {
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const update = status.update;
  const checkNow = () => {
    setChecking(true);
    setFailed(undefined);
    ask({ type: 'check-now' })
      .then(onStatus, (e: unknown) => setFailed(String(e)))
      .finally(() => setChecking(false));
  };
  return (
    <section class={compact ? 'data-status compact' : 'data-status'} data-testid="data-status" data-checked-at={update?.lastCheckAt ?? ''} aria-live="polite">
      <p class="status-line">{t('datasetStatus', String(status.version), formatPartialDate(status.asOf, displayLanguage(uiLanguage())))}</p>
      {status.source === 'bundled' ? <p class="warning">{t('dataFallback')}</p> : null}
      <p class="fine" data-testid="update-times">
        {update?.lastCheckAt ? t('updateChecked', formatWhen(update.lastCheckAt)) : t('updateNever')}
        {update?.lastUpdateAt ? ` · ${t('updateUpdated', formatWhen(update.lastUpdateAt))}` : ''}
        {update?.nextCheckAt ? ` · ${t('updateNext', formatWhen(update.nextCheckAt))}` : ''}
      </p>
      {update?.lastError ? (
        <p class="error" data-testid="update-error">
          {t('updateError', update.lastError.message)}
        </p>
      ) : null}
      {update?.stale ? (
        <p class="error" data-testid="update-stale">
          {t('updateStale', update.stale.message)}
        </p>
      ) : null}
      {failed ? <p class="error">{t('errorGeneric', failed)}</p> : null}
      <button type="button" class="check-now" onClick={checkNow} disabled={checking}>
        {checking ? t('checking') : t('checkNow')}
      </button>
    </section>
  );
}
