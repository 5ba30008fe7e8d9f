// User settings: small, kept in storage.local apart from the dataset so that
// no dataset change can touch them. The background is their only writer;
// content scripts read them and follow changes. Imported settings go through
// the same schema, so a bad file changes nothing.
import * as v from 'valibot';

export { ALIAS_TABLE_KEY, SETTINGS_KEY } from './storage-keys';

/** How often the dataset is checked for updates, in hours. */
export const REFRESH_HOURS = { min: 6, max: 168, default: 24 } as const;
const TOOLTIP_DELAY_MS = { min: 0, max: 2000, default: 120 } as const;
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export const TOOLTIP_LANGUAGES = ['page', 'interface', 'en', 'ru', 'zh', 'zh-TW', 'zh-HK'] as const;
const SITE_MODES = ['all-except', 'only'] as const;

/**
 * A site rule: "news.example.com" is that host only; "*.example.com" is
 * example.com and every host under it.
 */
const SiteRule = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:]+\]$/, 'a hostname such as news.example.com, or *.example.com for a whole domain'),
  v.maxLength(253),
);

const SettingsV1 = v.strictObject({
  format: v.literal(1),
  paused: v.boolean(),
  disabledHosts: v.array(v.string()),
});

const SettingsV2 = v.strictObject({
  format: v.literal(2),
  paused: v.boolean(),
  disabledHosts: v.array(v.string()),
  refreshHours: v.number(),
});

const SettingsV3 = v.strictObject({
  format: v.literal(3),
  /** Stops ChipLens everywhere until unpaused. */
  paused: v.boolean(),
  /** "all-except": everywhere but `disabledSites`; "only": on `enabledSites` alone. */
  siteMode: v.picklist(SITE_MODES),
  disabledSites: v.pipe(v.array(SiteRule), v.maxLength(5000)),
  enabledSites: v.pipe(v.array(SiteRule), v.maxLength(5000)),
  refreshHours: v.pipe(v.number(), v.integer(), v.minValue(REFRESH_HOURS.min), v.maxValue(REFRESH_HOURS.max)),
  /** Which kinds are highlighted. */
  kinds: v.strictObject({ chip: v.boolean(), company: v.boolean(), model: v.boolean(), rule: v.boolean() }),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  tooltipDelayMs: v.pipe(v.number(), v.integer(), v.minValue(TOOLTIP_DELAY_MS.min), v.maxValue(TOOLTIP_DELAY_MS.max)),
  /** "page": the page's language; "interface": the browser's; or a fixed one. */
  tooltipLanguage: v.picklist(TOOLTIP_LANGUAGES),
});

const SettingsSchema = v.strictObject({
  ...SettingsV3.entries,
  format: v.literal(4),
  /**
   * Broad names (Google, Apple, a ministry) highlighted on every page, not
   * only where the passage or the page is about chips.
   */
  broadNamesEverywhere: v.boolean(),
  /** Every mention painted in full, rather than each entry's first in full and its repeats quietly. */
  paintEveryMention: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return {
    format: 4,
    paused: false,
    siteMode: 'all-except',
    disabledSites: [],
    enabledSites: [],
    refreshHours: REFRESH_HOURS.default,
    kinds: { chip: true, company: true, model: true, rule: true },
    highlightStyle: 'underline',
    tooltipDelayMs: TOOLTIP_DELAY_MS.default,
    tooltipLanguage: 'page',
    broadNamesEverywhere: false,
    paintEveryMention: false,
  };
}

// One step per format change, applied in order: settings written by any
// earlier version of ChipLens are carried forward, never reset.
const MIGRATIONS: { from: v.GenericSchema; up: (old: never) => unknown }[] = [
  { from: SettingsV1, up: (old: v.InferOutput<typeof SettingsV1>) => ({ ...old, format: 2, refreshHours: REFRESH_HOURS.default }) },
  {
    from: SettingsV2,
    up: ({ paused, disabledHosts, refreshHours }: v.InferOutput<typeof SettingsV2>) => ({
      ...defaultSettings(),
      paused,
      disabledSites: disabledHosts,
      refreshHours,
    }),
  },
  { from: SettingsV3, up: (old: v.InferOutput<typeof SettingsV3>) => ({ ...old, format: 4, broadNamesEverywhere: false, paintEveryMention: false }) },
];

/** Settings from storage or a file, brought to the current format; an error in words when they are not valid. */
export function parseSettings(stored: unknown): { ok: true; settings: Settings } | { ok: false; error: string } {
  let value = stored;
  for (const step of MIGRATIONS) {
    const old = v.safeParse(step.from, value);
    if (old.success) value = step.up(old.output as never);
  }
  const result = v.safeParse(SettingsSchema, value);
  if (result.success) return { ok: true, settings: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return { ok: false, error: path ? `${path}: ${issue.message}` : issue.message };
}

/** Stored settings, or the defaults when they are missing or damaged. */
export function readSettings(stored: unknown): Settings {
  const parsed = parseSettings(stored);
  return parsed.ok ? parsed.settings : defaultSettings();
}

/** Whether `rule` covers `host`. */
export function ruleCovers(rule: string, host: string): boolean {
  const h = host.toLowerCase();
  if (!rule.startsWith('*.')) return rule === h;
  const domain = rule.slice(2);
  return h === domain || h.endsWith(`.${domain}`);
}

/** The rule of the active list that decides for `host`, if any. */
export function siteRuleFor(settings: Settings, host: string): string | undefined {
  const list = settings.siteMode === 'only' ? settings.enabledSites : settings.disabledSites;
  return list.find((rule) => rule === host.toLowerCase()) ?? list.find((rule) => ruleCovers(rule, host));
}

export function isActiveOn(settings: Settings, host: string): boolean {
  if (settings.paused) return false;
  const listed = siteRuleFor(settings, host) !== undefined;
  return settings.siteMode === 'only' ? listed : !listed;
}

/**
 * Turns ChipLens on or off for exactly `host` in the current mode. A
 * wildcard rule that also covers the host is left alone (the popup says so).
 */
export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const key = host.toLowerCase();
  const listKey = settings.siteMode === 'only' ? 'enabledSites' : 'disabledSites';
  const listed = settings.siteMode === 'only' ? enabled : !enabled;
  const others = settings[listKey].filter((h) => h !== key);
  return { ...settings, [listKey]: listed ? [...others, key].sort() : others };
}

export function withSiteRules(settings: Settings, mode: Settings['siteMode'], rules: string[]): Settings {
  const listKey = mode === 'only' ? 'enabledSites' : 'disabledSites';
  return { ...settings, [listKey]: [...new Set(rules.map((r) => r.trim().toLowerCase()))].sort() };
}

export function validSiteRule(text: string): string | undefined {
  const result = v.safeParse(SiteRule, text);
  return result.success ? result.output : undefined;
}
