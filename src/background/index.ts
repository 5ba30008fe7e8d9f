// The service worker. Listeners are registered synchronously at the top
// level, as MV3 requires, so a worker woken by an event can answer it.
import browser from 'webextension-polyfill';
import { BUNDLED_DATASET_FILE } from '../core/storage-keys';
import { contentAsker } from '../core/messages';
import { SETTINGS_KEY } from '../core/settings';
import { DatasetStore } from './dataset-store';
import { DatasetUpdater } from './dataset-updater';
import { createRouter } from './message-router';
import { showPageState } from './toolbar-icon';
import { REFRESH_ALARM, RefreshScheduler } from './refresh-scheduler';
import { SettingsStore } from './settings-store';

const config = __CHIPLENS_UPDATE_CONFIG__;
const area = browser.storage.local;
// The bundled dataset is a file of its own, read when the store needs it,
// rather than megabytes of script parsed every time the worker wakes.
const loadBundled = async () => (await fetch(browser.runtime.getURL(BUNDLED_DATASET_FILE))).json() as Promise<unknown>;
const dataset = new DatasetStore(loadBundled, area, { trustedKeyIds: Object.keys(config.trustedKeys) });
const settings = new SettingsStore(area);
const updater = new DatasetUpdater({
  latestUrl: config.latestUrl,
  trustedKeys: config.trustedKeys,
  timeoutMs: config.timeoutSeconds * 1000,
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
});
const refresh = new RefreshScheduler({
  area,
  alarms: browser.alarms,
  check: (installed, install) => updater.check(installed, install),
  installed: async () => {
    const status = await dataset.status();
    return { version: status.version, entries: Object.values(status.counts).reduce((a, b) => a + b, 0) };
  },
  install: (next, signedBy) => dataset.replace(next, signedBy),
  refreshHours: async () => (await settings.get()).refreshHours,
  isOnline: () => navigator.onLine,
  now: () => Date.now(),
  random: () => Math.random(),
});
const route = createRouter(
  dataset,
  settings,
  refresh,
  (path) => browser.tabs.create({ url: browser.runtime.getURL(path) }),
  {
    // "Report a problem": GitHub's issue form, in a tab of its own (no permission needed).
    openUrl: (url) => browser.tabs.create({ url }),
    extensionVersion: browser.runtime.getManifest().version,
  },
  showPageState,
);

// The badge speaks only when ChipLens cannot work at all, not when the data
// is merely a day old: a failed refresh shows in the popup instead.
async function prepare(): Promise<void> {
  try {
    await dataset.ready();
    await browser.action.setBadgeText({ text: '' });
  } catch (error) {
    console.error('ChipLens: could not load the dataset', error);
    await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
    await browser.action.setBadgeText({ text: '!' });
    await browser.action.setTitle({ title: `ChipLens: ${browser.i18n.getMessage('badgeNoData')}` });
  }
}

browser.runtime.onInstalled.addListener((details) => {
  // Install and update both put the bundled dataset in if it is newer, then
  // look for a newer published copy soon.
  void prepare().then(() => refresh.ensureScheduled({ soon: true }));
  // A first install opens the welcome page (the legend, a demo, the
  // shortcuts, the privacy promise); an update opens nothing.
  if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('src/welcome/index.html') });
});
browser.runtime.onStartup.addListener(() => {
  void prepare().then(() => refresh.ensureScheduled());
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === REFRESH_ALARM) void refresh.checkNow();
});
browser.storage.onChanged.addListener((changes, areaName) => {
  // A new interval (from the options page, or imported settings) replans.
  const change = areaName === 'local' ? changes[SETTINGS_KEY] : undefined;
  const before = (change?.oldValue as { refreshHours?: number } | undefined)?.refreshHours;
  const after = (change?.newValue as { refreshHours?: number } | undefined)?.refreshHours;
  if (change && before !== after) void refresh.rescheduleFromLastCheck();
});
// Keyboard shortcuts (manifest "commands"): step through the highlights of
// the active tab, opening each one's tooltip.
browser.commands.onCommand.addListener(async (command) => {
  const by = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : undefined;
  if (by === undefined) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await contentAsker((message) => browser.tabs.sendMessage(tab.id!, message))({ type: 'step', by }).catch(() => undefined);
});
// Every time the worker starts: a check must be planned, even if the last
// worker stopped between taking a dataset and planning the next check.
void refresh.ensureAlarm().catch((error: unknown) => console.error('ChipLens: could not plan the next dataset check', error));
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only our own pages and content scripts talk to us; nothing external.
  if (sender.id !== browser.runtime.id) return undefined;
  return route(message, sender.tab?.id);
});
