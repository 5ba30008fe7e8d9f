// The options page: the dataset in use and how often it is refreshed.
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../common/ask-background';
import { t, uiLanguage } from '../common/i18n';
import type { DatasetStatus } from '../core/messages';
import { readSettings, SETTINGS_KEY, type Settings } from '../core/settings';
import browser from 'webextension-polyfill';
import { DataStatus } from '../ui/DataStatus';

/** The intervals offered, in hours: from the shortest to the longest allowed. */
const INTERVALS = [6, 12, 24, 48, 72, 168];

function describeHours(hours: number): string {
  const locale = uiLanguage();
  const [value, unit] = hours % 24 === 0 ? [hours / 24, 'day'] : [hours, 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export function Options() {
  const [status, setStatus] = useState<DatasetStatus | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    document.title = t('optionsTitle');
    ask({ type: 'get-status' }).then(setStatus, (e: unknown) => setError(String(e)));
    browser.storage.local.get(SETTINGS_KEY).then((stored) => setSettings(readSettings(stored[SETTINGS_KEY])));
  }, []);

  const setHours = (hours: number) => {
    ask({ type: 'set-refresh-hours', hours }).then(
      (next) => {
        setStatus(next);
        setSettings((s) => (s ? { ...s, refreshHours: hours } : s));
      },
      (e: unknown) => setError(String(e)),
    );
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {error ? <p class="error" role="alert">{t('errorGeneric', error)}</p> : null}
      <section>
        <h2>{t('datasetSection')}</h2>
        {status ? <DataStatus status={status} onStatus={setStatus} /> : null}
        {settings ? (
          <p>
            <label>
              {t('refreshLabel')}
              <select data-testid="refresh-hours" value={String(settings.refreshHours)} onChange={(e) => setHours(Number((e.target as HTMLSelectElement).value))}>
                {INTERVALS.map((h) => (
                  <option key={h} value={String(h)}>
                    {describeHours(h)}
                  </option>
                ))}
              </select>
            </label>
          </p>
        ) : null}
        <p class="fine">{t('updateSource', __CHIPLENS_UPDATE_CONFIG__.latestUrl)}</p>
      </section>
    </main>
  );
}
