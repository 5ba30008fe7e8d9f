// Answers requests from content scripts and the popup. Every message is
// validated first; a bad one gets a plain-words error, never a crash.
import { parseBackgroundRequest, type BackgroundRequest, type BackgroundResponses, type PageState, type Reply } from '../core/messages';
import { factReportUrl } from '../core/report-problem';
import { parseSettings, withSiteEnabled } from '../core/settings';
import type { UpdateState } from '../core/update-state';
import type { DatasetStore } from './dataset-store';
import type { RefreshScheduler } from './refresh-scheduler';
import type { SettingsStore } from './settings-store';

/** The way out to the project's issue tracker ("Report a problem"). */
export interface ReportLink {
  /** Opens an address outside ChipLens in a new tab. */
  openUrl(url: string): Promise<unknown>;
  /** The extension's version, from its manifest. */
  extensionVersion: string;
}

export function createRouter(
  dataset: DatasetStore,
  settings: SettingsStore,
  refresh: RefreshScheduler,
  /** Opens one of ChipLens's own pages in a new tab. */
  openPage: (path: string) => Promise<unknown> = async () => undefined,
  report: ReportLink = { openUrl: async () => undefined, extensionVersion: '0.0.0' },
  /** Shows a tab's page state on the toolbar icon. */
  toolbar: (tabId: number, state: PageState) => Promise<unknown> = async () => undefined,
) {
  async function status(update?: Promise<UpdateState>) {
    // After a check, the dataset is read only once the check is over.
    const state = await (update ?? refresh.state());
    return { ...(await dataset.status()), update: state };
  }

  async function answer(request: BackgroundRequest, tabId: number | undefined): Promise<BackgroundResponses[BackgroundRequest['type']]> {
    switch (request.type) {
      case 'page-state':
        if (tabId === undefined) throw new Error('page-state comes from a tab');
        await toolbar(tabId, { active: request.active, entries: request.entries });
        return { ok: true };
      case 'get-entry':
        return dataset.entryView(request.id);
      case 'search':
        return dataset.search(request.query, request.limit, request.kind);
      case 'get-status':
        return status();
      case 'set-settings': {
        const parsed = parseSettings(request.settings);
        if (!parsed.ok) throw new Error(`these settings are not valid (${parsed.error}); nothing was changed`);
        await settings.update(() => parsed.settings);
        return { ok: true };
      }
      case 'open-entry':
        await openPage(`src/popup/index.html?entry=${encodeURIComponent(request.id)}`);
        return { ok: true };
      case 'report-problem': {
        // Only entries ChipLens has: a report on anything else is not about its data.
        if (!(request.id in (await dataset.refs([request.id])))) throw new Error(`no entry ${request.id} in the dataset`);
        const { version } = await dataset.status();
        await report.openUrl(factReportUrl({ entry: request.id, field: request.field, datasetVersion: version, extensionVersion: report.extensionVersion }));
        return { ok: true };
      }
      case 'get-refs':
        return dataset.refs(request.ids);
      case 'check-now':
        return status(refresh.checkNow());
      case 'set-refresh-hours':
        await settings.update((s) => ({ ...s, refreshHours: request.hours }));
        return status(refresh.rescheduleFromLastCheck());
      case 'set-site-enabled':
        await settings.update((s) => withSiteEnabled(s, request.host, request.enabled));
        return { ok: true };
      case 'set-paused':
        await settings.update((s) => ({ ...s, paused: request.paused }));
        return { ok: true };
    }
  }

  /** `tabId`: the tab whose content script sent the message, if one did. */
  return async function route(message: unknown, tabId?: number): Promise<Reply<unknown>> {
    const parsed = parseBackgroundRequest(message);
    if (!parsed.ok) return parsed;
    try {
      return { ok: true, value: await answer(parsed.value, tabId) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
