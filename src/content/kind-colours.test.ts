import { describe, expect, it } from 'vitest';
import { highlightCss } from './kind-colours';

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
