// @vitest-environment happy-dom
// "Report a problem" in the tooltip: only the user's own click acts, and
// what goes to the background is the entry's id and nothing of the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entry } from '../../core/dataset-schema';
import { buildEntryCard } from '../../core/entry-card';
import { TooltipHost, type TooltipActions } from './tooltip-host';

const entry = {
  id: 'acme-x1',
  kind: 'chip',
  name: { en: 'Acme X1', ru: 'Acme X1', zh: 'Acme X1' },
  aliases: { en: ['Acme X1'] },
  summary: { en: 'A chip.', ru: 'Чип.', zh: '芯片。' },
  related: [],
  sources: [{ url: 'https://example.com/specs', title: 'Specs', accessed: '2026-11-28' }],
  asOf: '2026-11-28',
  facts: { vendor: 'acme' },
  caveats: [],
} as unknown as Entry;

/** The tooltip's shadow root, which is closed to the page: opened here for the test only. */
let root: ShadowRoot | undefined;
const attachShadow = HTMLElement.prototype.attachShadow;

beforeEach(() => {
  HTMLElement.prototype.attachShadow = function (init: ShadowRootInit) {
    root = attachShadow.call(this, { ...init, mode: 'open' });
    return root;
  };
});

afterEach(() => {
  HTMLElement.prototype.attachShadow = attachShadow;
  for (const el of document.documentElement.querySelectorAll('chiplens-tooltip')) el.remove();
});

function open(actions: Partial<TooltipActions> = {}): { host: TooltipHost; button: HTMLButtonElement } {
  const host = new TooltipHost({ close() {}, pin() {}, isPinned: () => false, more() {}, report() {}, ...actions });
  const card = buildEntryCard({ entry, refs: {} }, 'en', { pageDate: '2023-12-05' });
  host.show({ phase: 'ready', card }, 'en', new DOMRect(10, 10, 40, 12));
  const button = root!.querySelector<HTMLButtonElement>('footer button.report-problem');
  if (!button) throw new Error('no "Report a problem" button');
  return { host, button };
}

/** A click as the browser makes it for the user's pointer. */
function userClick(): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('TooltipHost: Report a problem', () => {
  it("acts on the user's click only, once per click, never on a script's", () => {
    const report = vi.fn();
    const { host, button } = open({ report });
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(report).not.toHaveBeenCalled();
    button.dispatchEvent(userClick());
    expect(report.mock.calls).toEqual([['acme-x1']]);
    host.destroy();
  });

  it('shows no report button while the entry is loading', () => {
    const host = new TooltipHost({ close() {}, pin() {}, isPinned: () => false, more() {}, report() {} });
    host.show({ phase: 'loading', title: 'Acme X1', kind: 'chip' }, 'en', new DOMRect(10, 10, 40, 12));
    expect(root!.querySelector('.report-problem')).toBeNull();
    host.destroy();
  });
});
