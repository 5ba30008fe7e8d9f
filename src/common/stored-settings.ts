// The one settings reader of the extension's pages (popup, options): the
// settings as stored, validated, and their changes. Pages change settings
// only through the background, which owns them.
import browser from 'webextension-polyfill';
import { readSettings, SETTINGS_KEY, type Settings } from '../core/settings';

export async function readStoredSettings(): Promise<Settings> {
  return readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export function onSettingsChange(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener(readSettings(changes[SETTINGS_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
