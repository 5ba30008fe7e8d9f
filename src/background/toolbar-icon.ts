// The toolbar icon per tab: the number of entries the page mentions on the
// badge, and a grey icon where ChipLens is paused or off for the site. Set
// per tab through the action API, so no permission is needed; the browser
// forgets it when the tab navigates, and the new page reports afresh.
import browser from 'webextension-polyfill';
import type { PageState } from '../core/messages';

const COLOUR = { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' };
const GREY = { 16: 'icons/icon-grey-16.png', 32: 'icons/icon-grey-32.png' };
const BADGE_COLOUR = '#1f4e8c';

/** The badge's text: the count, shortened past what the badge can show. */
function badgeText(state: PageState): string {
  if (!state.active || state.entries === 0) return '';
  return state.entries > 99 ? '99+' : String(state.entries);
}

export async function showPageState(tabId: number, state: PageState): Promise<void> {
  const title = state.active ? browser.i18n.getMessage('toolbarTitleCount', [String(state.entries)]) : browser.i18n.getMessage('toolbarTitleOff');
  await Promise.all([
    browser.action.setIcon({ tabId, path: state.active ? COLOUR : GREY }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }),
    browser.action.setBadgeText({ tabId, text: badgeText(state) }),
    browser.action.setTitle({ tabId, title: `ChipLens: ${title}` }),
  ]).catch(() => undefined);
}
