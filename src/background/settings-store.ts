// The single writer of user settings. Updates are queued so that two quick
// toggles from the popup can't overwrite each other.
import { readSettings, SETTINGS_KEY, type Settings } from '../core/settings';
import type { KeyValueArea } from './dataset-store';

export class SettingsStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: KeyValueArea) {}

  async get(): Promise<Settings> {
    return readSettings((await this.area.get(SETTINGS_KEY))[SETTINGS_KEY]);
  }

  update(change: (current: Settings) => Settings): Promise<Settings> {
    const next = this.queue.then(async () => {
      const updated = change(await this.get());
      await this.area.set({ [SETTINGS_KEY]: updated });
      return updated;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
