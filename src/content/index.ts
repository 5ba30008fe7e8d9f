// The content script's bootstrap: takes the settings and alias table that
// early-read fetched from storage as the page started loading (no round trip
// to the background before the first highlight), starts ChipLens's session
// on this page, and wires storage changes and the popup's and keyboard
// commands' requests to it.
import { EVALUATION_STARTED } from './evaluation-mark';
import { parseContentRequest } from '../core/messages';
import { ALIAS_TABLE_KEY, isActiveOn, readSettings, SETTINGS_KEY } from '../core/settings';
import { ask } from './background-client';
import { takeEarlyRead } from './early-read-key';
import { answerMessages, extensionApi } from './extension-api';
import { PageSession } from './page-session';
import * as timeline from './timeline';
import { probeViewportEarly } from './viewport';

const api = extensionApi();
const host = location.hostname.toLowerCase();

async function main(): Promise<void> {
  const start = performance.now();
  timeline.mark('chiplens:start');
  timeline.work(EVALUATION_STARTED, start);
  const firstProbe = probeViewportEarly();
  // Usually begun at document_start by early-read; done here if not, if
  // storage has changed since, or if it found no usable table (a fresh
  // install publishes one while its first pages load).
  const early = takeEarlyRead();
  const ahead = await early?.read.catch(() => undefined);
  const unchanged = ahead && !early!.changed() ? ahead : undefined;
  const fresh = unchanged?.loaded ? unchanged : undefined;
  const stored = unchanged?.stored ?? (await api.storage.local.get([SETTINGS_KEY, ALIAS_TABLE_KEY]));
  const settings = unchanged?.settings ?? readSettings(stored[SETTINGS_KEY]);
  const session = new PageSession(
    host,
    { settings, storedTable: stored[ALIAS_TABLE_KEY], ...(fresh?.loaded ? { loaded: { ...fresh.loaded, matcher: fresh.matcher } } : {}) },
    () => api.i18n.getUILanguage(),
    firstProbe,
  );
  if (!fresh && isActiveOn(settings, host)) await session.readTable();
  // Whether early-read had the table and a warmed matcher ready, and whether the table was read at all: the browser tests ask (page-info).
  session.startup = { early: fresh !== undefined, warm: session.matcherWarm, tableRead: session.hasTable };
  timeline.mark('chiplens:stored-read', session.startup);
  // A fresh install may reach a page before the background has published
  // the table: waking it is enough, the table then arrives as a change.
  if (stored[ALIAS_TABLE_KEY] === undefined) ask({ type: 'get-status' }).catch(() => undefined);

  api.storage.onChanged.addListener((changes, areaName) => {
    if (areaName !== 'local') return;
    if (SETTINGS_KEY in changes) session.settingsChanged(changes[SETTINGS_KEY]!.newValue);
    if (ALIAS_TABLE_KEY in changes) session.tableChanged(changes[ALIAS_TABLE_KEY]!.newValue);
  });

  answerMessages(api, (message) => {
    const request = parseContentRequest(message);
    if (!request.ok) return undefined;
    const r = request.value;
    // The list, the walk through one name's mentions and stepping all need
    // the whole page, which is read ahead of the viewport only so far.
    return session.readAll().then(() => {
      const value = r.type === 'reveal' ? session.navigation.reveal(r.id, r.index) : r.type === 'step' ? session.navigation.step(r.by) : session.info();
      return { ok: true, value };
    });
  });

  session.apply();
  session.discardEarlyProbe();
}

void main();
