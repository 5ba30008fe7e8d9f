// The options page: where ChipLens runs, what it highlights and how, the
// dataset and its refresh, and the settings as a file. Every change goes to
// the background as a whole, validated settings object.
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../common/ask-background';
import { t, uiLanguage } from '../common/i18n';
import { onSettingsChange, readStoredSettings } from '../common/stored-settings';
import { ENTRY_KINDS, type EntryKind } from '../core/dataset-schema';
import { displayLanguage } from '../core/display-language';
import { FACT_LABELS } from '../core/fact-labels';
import type { DatasetStatus } from '../core/messages';
import { defaultSettings, HIGHLIGHT_STYLES, parseSettings, TOOLTIP_LANGUAGES, validSiteRule, withSiteRules, type Settings } from '../core/settings';
import { DataStatus } from '../ui/DataStatus';

/** The intervals offered, in hours: from the shortest to the longest allowed. */
const INTERVALS = [6, 12, 24, 48, 72, 168];
const DELAYS = [0, 120, 300, 600, 1000];

function describeHours(hours: number): string {
  const [value, unit] = hours % 24 === 0 ? [hours / 24, 'day'] : [hours, 'hour'];
  return new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

function describeMs(ms: number): string {
  return new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(ms);
}

export function Options() {
  const [status, setStatus] = useState<DatasetStatus | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | undefined>(undefined);

  useEffect(() => {
    document.title = t('optionsTitle');
    document.documentElement.lang = uiLanguage();
    ask({ type: 'get-status' }).then(setStatus, (e: unknown) => setMessage({ kind: 'error', text: String(e) }));
    void readStoredSettings().then(setSettings);
    // The popup may change settings while this page is open.
    return onSettingsChange(setSettings);
  }, []);

  if (!settings) return <main class="options" aria-busy="true" />;

  const save = async (next: Settings, done?: string) => {
    try {
      await ask({ type: 'set-settings', settings: next });
      setSettings(next);
      setMessage(done ? { kind: 'done', text: done } : undefined);
    } catch (e) {
      setMessage({ kind: 'error', text: String(e instanceof Error ? e.message : e) });
    }
  };
  const setHours = (hours: number) => {
    ask({ type: 'set-refresh-hours', hours }).then(
      (next) => {
        setStatus(next);
        setSettings({ ...settings, refreshHours: hours });
      },
      (e: unknown) => setMessage({ kind: 'error', text: String(e) }),
    );
  };
  const L = FACT_LABELS[displayLanguage(uiLanguage())];

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {message ? (
        <p class={message.kind === 'error' ? 'error' : 'done'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="options-message">
          {message.kind === 'error' ? t('errorGeneric', message.text) : message.text}
        </p>
      ) : null}

      <SitesSection settings={settings} save={save} />

      <section aria-labelledby="look-title">
        <h2 id="look-title">{t('lookSection')}</h2>
        <fieldset>
          <legend>{t('kindsLegend')}</legend>
          {ENTRY_KINDS.map((kind: EntryKind) => (
            <label class="check" key={kind}>
              <input
                type="checkbox"
                data-testid={`kind-${kind}`}
                checked={settings.kinds[kind]}
                onChange={(e) => void save({ ...settings, kinds: { ...settings.kinds, [kind]: (e.target as HTMLInputElement).checked } })}
              />
              {L.kind[kind]}
            </label>
          ))}
        </fieldset>
        <Toggle
          testId="broad-names"
          label={t('broadLabel')}
          hint={t('broadHint')}
          checked={settings.broadNamesEverywhere}
          onChange={(on) => void save({ ...settings, broadNamesEverywhere: on })}
        />
        <Toggle
          testId="paint-every"
          label={t('paintEveryLabel')}
          hint={t('paintEveryHint')}
          checked={settings.paintEveryMention}
          onChange={(on) => void save({ ...settings, paintEveryMention: on })}
        />
        <Choice
          label={t('styleLabel')}
          testId="highlight-style"
          value={settings.highlightStyle}
          options={HIGHLIGHT_STYLES.map((style) => [style, t(`style_${style}`)])}
          onChange={(style) => void save({ ...settings, highlightStyle: style })}
        />
        <Choice
          label={t('delayLabel')}
          testId="tooltip-delay"
          value={settings.tooltipDelayMs}
          options={[...new Set([...DELAYS, settings.tooltipDelayMs])].sort((a, b) => a - b).map((ms) => [ms, describeMs(ms)])}
          onChange={(ms) => void save({ ...settings, tooltipDelayMs: ms })}
        />
        <Choice
          label={t('languageLabel')}
          testId="tooltip-language"
          value={settings.tooltipLanguage}
          options={TOOLTIP_LANGUAGES.map((language) => [language, t(`language_${language.replace('-', '_')}`)])}
          onChange={(language) => void save({ ...settings, tooltipLanguage: language })}
        />
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('datasetSection')}</h2>
        {status ? <DataStatus status={status} onStatus={setStatus} /> : null}
        <Choice
          label={t('refreshLabel')}
          testId="refresh-hours"
          value={settings.refreshHours}
          options={INTERVALS.map((h) => [h, describeHours(h)])}
          onChange={setHours}
        />
        <p class="fine">{t('updateSource', __CHIPLENS_UPDATE_CONFIG__.latestUrl)}</p>
      </section>

      <FileSection settings={settings} save={save} />
    </main>
  );
}

/** A setting that is on or off: a checkbox with its label and, under it, what it does. */
function Toggle({
  testId,
  label,
  hint,
  checked,
  onChange,
}: {
  testId: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  const hintId = `${testId}-hint`;
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          data-testid={testId}
          checked={checked}
          aria-describedby={hintId}
          onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
        />
        {label}
      </label>
      <p class="fine" id={hintId}>
        {hint}
      </p>
    </>
  );
}

/** A labelled drop-down over a setting's allowed values. */
function Choice<T extends string | number>({
  label,
  testId,
  value,
  options,
  onChange,
}: {
  label: string;
  testId: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  return (
    <p>
      <label>
        {label}
        <select
          data-testid={testId}
          value={String(value)}
          onChange={(e) => {
            const picked = options.find(([v]) => String(v) === (e.target as HTMLSelectElement).value);
            if (picked) onChange(picked[0]);
          }}
        >
          {options.map(([v, text]) => (
            <option key={String(v)} value={String(v)}>
              {text}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}

function SitesSection({ settings, save }: { settings: Settings; save: (next: Settings, done?: string) => Promise<void> }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const mode = settings.siteMode;
  const list = mode === 'only' ? settings.enabledSites : settings.disabledSites;
  const add = () => {
    const rule = validSiteRule(draft);
    if (!rule) {
      setProblem(t('siteRuleInvalid', draft.trim()));
      return;
    }
    setProblem(undefined);
    setDraft('');
    void save(withSiteRules(settings, mode, [...list, rule]));
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t('sitesSection')}</h2>
      <fieldset>
        <legend class="visually-hidden">{t('sitesSection')}</legend>
        <label class="check">
          <input
            type="radio"
            name="mode"
            data-testid="mode-all-except"
            checked={mode === 'all-except'}
            onChange={() => void save({ ...settings, siteMode: 'all-except' })}
          />
          {t('modeAllExcept')}
        </label>
        <label class="check">
          <input type="radio" name="mode" data-testid="mode-only" checked={mode === 'only'} onChange={() => void save({ ...settings, siteMode: 'only' })} />
          {t('modeOnly')}
        </label>
      </fieldset>
      <p class="fine">{t('siteRulesHelp')}</p>
      <ul class="site-list" data-testid="site-list" aria-label={mode === 'only' ? t('modeOnly') : t('modeAllExcept')}>
        {list.length === 0 ? <li class="fine">{t('siteListEmpty')}</li> : null}
        {list.map((rule) => (
          <li key={rule}>
            <code>{rule}</code>
            <span class="fine">{rule.startsWith('*.') ? t('ruleWholeDomain', rule.slice(2)) : t('ruleOneHost')}</span>
            <button
              type="button"
              class="link"
              aria-label={t('removeRule', rule)}
              onClick={() =>
                void save(
                  withSiteRules(
                    settings,
                    mode,
                    list.filter((r) => r !== rule),
                  ),
                )
              }
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="add-site"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label>
          <span class="visually-hidden">{t('addSiteLabel')}</span>
          <input
            type="text"
            data-testid="site-input"
            value={draft}
            placeholder="news.example.com, *.example.com"
            onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
            aria-invalid={problem ? 'true' : 'false'}
            aria-describedby={problem ? 'site-problem' : undefined}
          />
        </label>
        <button type="submit">{t('addSite')}</button>
      </form>
      {problem ? (
        <p class="error" id="site-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

function FileSection({ settings, save }: { settings: Settings; save: (next: Settings, done?: string) => Promise<void> }) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const exportFile = () => {
    const blob = new Blob([`${JSON.stringify(settings, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'chiplens-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 1_000_000) {
      setProblem(t('importTooBig'));
      return;
    }
    let parsed: ReturnType<typeof parseSettings>;
    try {
      parsed = parseSettings(JSON.parse(await file.text()));
    } catch {
      setProblem(t('importNotJson', file.name));
      return;
    }
    if (!parsed.ok) {
      setProblem(t('importInvalid', file.name, parsed.error));
      return;
    }
    setProblem(undefined);
    await save(parsed.settings, t('importDone', file.name));
  };
  return (
    <section aria-labelledby="file-title">
      <h2 id="file-title">{t('fileSection')}</h2>
      <p class="buttons">
        <button type="button" data-testid="export" onClick={exportFile}>
          {t('exportSettings')}
        </button>
        <label class="button">
          {t('importSettings')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import"
            class="visually-hidden"
            onChange={(e) => void importFile((e.target as HTMLInputElement).files?.[0])}
          />
        </label>
        <button
          type="button"
          data-testid="reset"
          onClick={() => {
            if (confirm(t('resetConfirm'))) void save(defaultSettings(), t('resetDone'));
          }}
        >
          {t('resetSettings')}
        </button>
      </p>
      {problem ? (
        <p class="error" role="alert" data-testid="import-problem">
          {problem}
        </p>
      ) : null}
      <p class="fine">{t('fileHelp')}</p>
    </section>
  );
}
