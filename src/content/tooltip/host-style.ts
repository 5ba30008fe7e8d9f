// The inline style of the tooltip's host element. A page's own rules must
// never hide, shrink or cover the tooltip: universal resets, `!important`
// rules aimed at elements the page does not know, transforms on the root
// that move fixed elements. Inline `!important` declarations outrank every
// author rule, `!important` ones included (CSS Cascade 5, "element-attached
// styles": https://www.w3.org/TR/css-cascade-5/#cascade-sort), and the host
// sits in the top layer (a manual popover) above any z-index the page uses.

/** Declarations that hold whether the tooltip is open or not. */
const BASE: readonly [string, string][] = [
  // Resets every property, inherited ones included, before the few set below.
  ['all', 'initial'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['background', 'transparent'],
  ['overflow', 'visible'],
  ['width', 'auto'],
  ['height', 'auto'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['pointer-events', 'auto'],
  ['right', 'auto'],
  ['bottom', 'auto'],
];

/**
 * Writes the host's style: shown or not, at `left`/`top` in viewport pixels,
 * with `room` pixels of height that the card may take (a custom property the
 * card's stylesheet reads: custom properties reach into the shadow root).
 */
export function applyHostStyle(host: HTMLElement, { shown, left = 0, top = 0, room }: { shown: boolean; left?: number; top?: number; room?: number }): void {
  const declarations: [string, string][] = [...BASE, ['display', shown ? 'block' : 'none'], ['left', `${left}px`], ['top', `${top}px`]];
  if (room !== undefined) declarations.push(['--chiplens-room', `${room}px`]);
  // Written whole each time, so that a page that edited the attribute gets it back.
  host.setAttribute('style', declarations.map(([property, value]) => `${property}: ${value} !important;`).join(' '));
}

/**
 * Puts `host` on top of the top layer (a page's own open dialog or popover
 * included): showing a popover again moves it to the end of the layer. In a
 * browser without popovers, the z-index above is what remains.
 */
export function raiseToTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  try {
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
  } catch {
    // Not connected, or the page took the attribute away: z-index only.
  }
}

export function leaveTopLayer(host: HTMLElement): void {
  try {
    if (typeof host.hidePopover === 'function' && host.matches(':popover-open')) host.hidePopover();
  } catch {
    // As above.
  }
}
