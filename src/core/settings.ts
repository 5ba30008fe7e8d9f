// User settings: small, kept in storage.local apart from the dataset so that
// no dataset change can touch them. The background is their only writer;
// content scripts read them and follow changes.
import * as v from 'valibot';

export const SETTINGS_KEY = 'settings';
export const ALIAS_TABLE_KEY = 'aliasTable';

/** How often the dataset is checked for updates, in hours. */
export const REFRESH_HOURS = { min: 6, max: 168, default: 24 } as const;

const SettingsV1 = v.strictObject({
  format: v.literal(1),
  paused: v.boolean(),
  disabledHosts: v.array(v.string()),
});

export const SettingsSchema = v.strictObject({
  format: v.literal(2),
  /** Stops ChipLens everywhere until unpaused. */
  paused: v.boolean(),
  /** Exact hostnames where the user turned ChipLens off. */
  disabledHosts: v.array(v.string()),
  refreshHours: v.pipe(v.number(), v.integer(), v.minValue(REFRESH_HOURS.min), v.maxValue(REFRESH_HOURS.max)),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { format: 2, paused: false, disabledHosts: [], refreshHours: REFRESH_HOURS.default };

// One step per format change, applied in order: settings written by any
// earlier version of ChipLens are carried forward, never reset.
const MIGRATIONS: { from: v.GenericSchema; up: (old: never) => unknown }[] = [
  { from: SettingsV1, up: (old: v.InferOutput<typeof SettingsV1>) => ({ ...old, format: 2, refreshHours: REFRESH_HOURS.default }) },
];

/** Stored settings, brought to the current format; the defaults when they are missing or damaged. */
export function readSettings(stored: unknown): Settings {
  let value = stored;
  for (const step of MIGRATIONS) {
    const old = v.safeParse(step.from, value);
    if (old.success) value = step.up(old.output as never);
  }
  const result = v.safeParse(SettingsSchema, value);
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
