// Loads the tooltip module on first use. It is a web-accessible resource
// with a per-session URL (`use_dynamic_url`), so pages cannot probe for it
// to learn that ChipLens is installed.
import browser from 'webextension-polyfill';
import type * as TooltipExports from './tooltip-module';
import { TOOLTIP_MODULE_PATH } from './tooltip-path';

export type TooltipModule = typeof TooltipExports;

let loading: Promise<TooltipModule> | undefined;

export function loadTooltipModule(): Promise<TooltipModule> {
  loading ??= (import(/* @vite-ignore */ browser.runtime.getURL(TOOLTIP_MODULE_PATH)) as Promise<TooltipModule>).catch((error: unknown) => {
    // Try again on the next hover (the extension may have been reloaded).
    loading = undefined;
    throw error;
  });
  return loading;
}
