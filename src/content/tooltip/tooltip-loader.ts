// Loads the tooltip module on first use. In Chrome it is a web-accessible
// resource with a per-session URL (`use_dynamic_url`), so pages cannot probe
// for it to learn that ChipLens is installed. Firefox has no per-session
// URLs, and its store's review flags an import() of a computed address: the
// Firefox build bundles the module into the content script instead (about
// 18 KB more per page, still within the 40 KB budget).
import { extensionApi } from '../extension-api';
import type * as TooltipExports from './tooltip-module';
import { TOOLTIP_MODULE_PATH } from './tooltip-path';

export type TooltipModule = typeof TooltipExports;

let loading: Promise<TooltipModule> | undefined;

export function loadTooltipModule(): Promise<TooltipModule> {
  loading ??= (
    __CHIPLENS_FIREFOX__
      ? import('./tooltip-module')
      : (import(/* @vite-ignore */ extensionApi().runtime.getURL(TOOLTIP_MODULE_PATH)) as Promise<TooltipModule>)
  ).catch((error: unknown) => {
    // Try again on the next hover (the extension may have been reloaded).
    loading = undefined;
    throw error;
  });
  return loading;
}
