// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ReadAheadWindow } from './read-ahead';

function page(n: number): Element[] {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>paragraph ${i}</p>`).join('');
  return [...document.querySelectorAll('p')];
}

describe('ReadAheadWindow', () => {
  it('is full once either the characters or the mentions read ahead reach their limit', () => {
    const [a, b, c] = page(3);
    const byChars = new ReadAheadWindow({ chars: 100, mentions: 10 });
    byChars.note({ container: a!, mentions: 1, chars: 60 });
    expect(byChars.full).toBe(false);
    byChars.note({ container: b!, mentions: 1, chars: 40 });
    expect(byChars.full).toBe(true);
    const byMentions = new ReadAheadWindow({ chars: 100, mentions: 10 });
    byMentions.note({ container: c!, mentions: 10, chars: 1 });
    expect(byMentions.full).toBe(true);
  });

  it("stops counting what the viewport's bottom has passed, and what lies below it still counts", () => {
    const blocks = page(10);
    const window = new ReadAheadWindow({ chars: 50, mentions: 1000 });
    for (const block of blocks) window.note({ container: block, mentions: 0, chars: 10 });
    expect(window.full).toBe(true);
    // The reader scrolled: the bottom is now in the eighth paragraph; two lie below it (20 characters).
    window.keepAfter(blocks[7]!.firstChild!);
    expect(window.full).toBe(false);
    window.note({ container: blocks[9]!, mentions: 0, chars: 29 });
    expect(window.full).toBe(false);
    window.note({ container: blocks[9]!, mentions: 0, chars: 1 });
    expect(window.full).toBe(true);
    window.clear();
    expect(window.full).toBe(false);
  });
});
