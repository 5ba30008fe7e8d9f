// The colours of highlights, per kind: one table that both painters use (the
// CSS Custom Highlight API's ::highlight() rules and the overlay's boxes).
// The hues are from the Okabe–Ito palette, chosen to stay apart for readers
// with red-green colour blindness (https://jfly.uni-koeln.de/color/), and
// each kind has its own underline style as well, so no kind depends on
// colour alone. kind-colours.test.ts simulates protanopia and deuteranopia.
import type { EntryKind } from '../core/dataset-schema';

export interface KindColours {
  /** The tint under an underlined name. */
  tint: string;
  /** The tint of the "background" style, which has no underline. */
  strong: string;
  line: string;
  dash: 'solid' | 'double' | 'dotted' | 'dashed';
}

export const KIND_COLOURS: Record<EntryKind, KindColours> = {
  // Reddish purple, double underline.
  chip: { tint: 'rgba(204, 121, 167, 0.2)', strong: 'rgba(204, 121, 167, 0.3)', line: 'rgba(204, 121, 167, 1)', dash: 'double' },
  // Blue, solid.
  company: { tint: 'rgba(0, 114, 178, 0.14)', strong: 'rgba(0, 114, 178, 0.24)', line: 'rgba(0, 114, 178, 1)', dash: 'solid' },
  // Bluish green, dotted.
  model: { tint: 'rgba(0, 158, 115, 0.16)', strong: 'rgba(0, 158, 115, 0.26)', line: 'rgba(0, 158, 115, 1)', dash: 'dotted' },
  // Vermillion, dashed.
  rule: { tint: 'rgba(213, 94, 0, 0.14)', strong: 'rgba(213, 94, 0, 0.24)', line: 'rgba(213, 94, 0, 1)', dash: 'dashed' },
};

/** The flash of a mention the popup or a keyboard command moved to. */
export const FLASH_COLOURS = { tint: 'rgba(255, 221, 0, 0.85)', line: 'rgba(214, 140, 0, 0.95)' };

/**
 * The Highlight API's rules. Only colour, background and decoration apply to
 * ::highlight(). "None" (chiplens-<kind>-none) has no rule, so nothing is painted.
 */
export function highlightCss(): string {
  return [
    ...Object.entries(KIND_COLOURS).flatMap(([kind, c]) => [
      `::highlight(chiplens-${kind}){background-color:${c.tint};text-decoration:underline ${c.dash} ${c.line} 2px;text-underline-offset:3px}`,
      `::highlight(chiplens-${kind}-background){background-color:${c.strong}}`,
      // Repeats of an entry already highlighted: a thin line and no tint;
      // in the background style, a lighter tint.
      `::highlight(chiplens-${kind}-repeat){text-decoration:underline ${c.dash} ${c.line} 1px;text-underline-offset:3px}`,
      `::highlight(chiplens-${kind}-repeat-background){background-color:${c.tint}}`,
    ]),
    `::highlight(chiplens-flash){background-color:${FLASH_COLOURS.tint};color:#000}`,
  ].join('\n');
}
