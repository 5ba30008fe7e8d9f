// The service worker. Listeners are registered synchronously at the top
// level, as MV3 requires, so a worker woken by an event can answer it.
import browser from 'webextension-polyfill';
import { bundledDatasetJson } from '../../dataset/index';
import { DatasetStore } from './dataset-store';
import { createRouter } from './message-router';
import { SettingsStore } from './settings-store';

const area = browser.storage.local;
const dataset = new DatasetStore(bundledDatasetJson, area);
const settings = new SettingsStore(area);
const route = createRouter(dataset, settings);

function prepare(): void {
  dataset.ready().catch((error: unknown) => console.error('ChipLens: could not load the dataset', error));
}

browser.runtime.onInstalled.addListener(prepare);
browser.runtime.onStartup.addListener(prepare);
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Only our own pages and content scripts talk to us; nothing external.
  if (sender.id !== browser.runtime.id) return undefined;
  return route(message);
});
