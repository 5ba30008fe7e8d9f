import { describe, expect, it } from 'vitest';
import { highlightCss, KIND_COLOURS } from './kind-colours';

describe('highlightCss', () => {
  it('styles each kind in both styles, and leaves "none" unpainted', () => {
    const css = highlightCss();
    for (const kind of ['chip', 'company', 'model', 'rule']) {
      expect(css).toContain(`::highlight(chiplens-${kind}){`);
      expect(css).toContain(`::highlight(chiplens-${kind}-background){`);
      expect(css).not.toContain(`chiplens-${kind}-none`);
    }
    expect(css).toMatch(/::highlight\(chiplens-model\)\{[^}]*underline dotted/);
    expect(css).toMatch(/::highlight\(chiplens-rule\)\{[^}]*underline dashed/);
  });
});

// Colour-vision deficiency simulation (Machado, Oliveira and Fernandes 2009,
// severity 1), applied to linear sRGB; distances are CIE76 ΔE in CIELAB.
const SIMULATIONS: Record<string, number[][]> = {
  'normal vision': [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
};

const toLinear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);

function lab([r, g, b]: number[]): number[] {
  const x = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047;
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(rgba: string, simulation: number[][]): number[] {
  const [r, g, b] = rgba
    .match(/[\d.]+/g)!
    .map(Number)
    .map(toLinear);
  return lab(simulation.map((row) => Math.min(1, Math.max(0, row[0]! * r! + row[1]! * g! + row[2]! * b!))));
}

describe('kind colours for colour-blind readers', () => {
  it.each(Object.keys(SIMULATIONS))('keeps the four kinds apart with %s', (name) => {
    const colours = Object.values(KIND_COLOURS).map((c) => seenAs(c.line, SIMULATIONS[name]!));
    for (let i = 0; i < colours.length; i++)
      for (let j = i + 1; j < colours.length; j++) {
        const [a, b] = [colours[i]!, colours[j]!];
        // ΔE 15 and more reads as clearly different colours side by side.
        expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!)).toBeGreaterThanOrEqual(15);
      }
  });

  it('gives each kind its own underline style, so none relies on colour alone', () => {
    expect(new Set(Object.values(KIND_COLOURS).map((c) => c.dash)).size).toBe(4);
  });
});
