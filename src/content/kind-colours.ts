// The colours of highlights, per kind: one table that both painters use (the
// CSS Custom Highlight API's ::highlight() rules and the overlay's boxes).
// Underlines differ in pattern as well as colour, for readers who do not
// tell the colours apart.
import type { EntryKind } from '../core/dataset-schema';

export interface KindColours {
  /** The tint under an underlined name. */
  tint: string;
  /** The tint of the "background" style, which has no underline. */
  strong: string;
  line: string;
  dash: 'solid' | 'dotted' | 'dashed';
}

export const KIND_COLOURS: Record<EntryKind, KindColours> = {
  chip: { tint: 'rgba(255, 196, 0, 0.28)', strong: 'rgba(255, 196, 0, 0.35)', line: 'rgba(214, 140, 0, 0.95)', dash: 'solid' },
  company: { tint: 'rgba(64, 156, 255, 0.2)', strong: 'rgba(64, 156, 255, 0.28)', line: 'rgba(32, 110, 220, 0.9)', dash: 'solid' },
  model: { tint: 'rgba(170, 100, 255, 0.2)', strong: 'rgba(170, 100, 255, 0.28)', line: 'rgba(130, 60, 220, 0.95)', dash: 'dotted' },
  rule: { tint: 'rgba(255, 90, 90, 0.18)', strong: 'rgba(255, 90, 90, 0.26)', line: 'rgba(200, 40, 40, 0.9)', dash: 'dashed' },
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
    ]),
    `::highlight(chiplens-flash){background-color:${FLASH_COLOURS.tint};color:#000}`,
  ].join('\n');
}
