// Interface strings from _locales, for the popup and the options page.
import browser from 'webextension-polyfill';

export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** A moment in the reader's language: "28 Nov 2026, 14:05". */
export function formatWhen(iso: string, locale = uiLanguage()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
