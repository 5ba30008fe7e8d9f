// User settings: small, kept in storage.local apart from the dataset so that
// no dataset change can touch them. The background is their only writer;
// content scripts read them and follow changes.
import * as v from 'valibot';

export const SETTINGS_KEY = 'settings';
export const ALIAS_TABLE_KEY = 'aliasTable';

export const SettingsSchema = v.strictObject({
  format: v.literal(1),
  /** Stops ChipLens everywhere until unpaused. */
  paused: v.boolean(),
  /** Exact hostnames where the user turned ChipLens off. */
  disabledHosts: v.array(v.string()),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { format: 1, paused: false, disabledHosts: [] };

/** Stored settings, or the defaults when they are missing or damaged. */
export function readSettings(stored: unknown): Settings {
  const result = v.safeParse(SettingsSchema, stored);
  return result.success ? result.output : { ...DEFAULT_SETTINGS, disabledHosts: [] };
}

export function isActiveOn(settings: Settings, host: string): boolean {
  return !settings.paused && !settings.disabledHosts.includes(host.toLowerCase());
}

export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const key = host.toLowerCase();
  const others = settings.disabledHosts.filter((h) => h !== key);
  return { ...settings, disabledHosts: enabled ? others : [...others, key].sort() };
}
