import { describe, expect, it } from 'vitest';
import { briefingMarkdown, cardAsMarkdown, cardAsText } from './card-copy';
import type { EntryCard } from './entry-card';

const card: EntryCard = {
  id: 'nvidia-h20',
  kind: 'chip',
  kindLabel: 'Chip',
  title: 'NVIDIA H20',
  summary: 'A China-market GPU *with* [brackets].',
  status: {
    label: 'Export controls: China',
    value: 'Licence required',
    date: '2025-04-09',
    dateText: '9 April 2025',
    dateLabel: 'since',
    tone: 'bad',
    cite: [2],
  },
  facts: [
    { label: 'Memory', value: '96 GB HBM3', claim: 'press', cite: [1] },
    { label: 'Vendor', value: 'NVIDIA', cite: [] },
  ],
  related: [],
  caveats: [{ text: 'Figures are reported, not published.', cite: [1, 2] }],
  sources: [
    { n: 1, url: 'https://example.com/specs', title: 'Specs', publisher: 'Example', published: '2024' },
    { n: 2, url: 'https://www.federalregister.gov/d/2025-1', title: 'Rule', primary: true },
  ],
  asOf: '2026-12-07',
  asOfText: '7 December 2026',
};

describe('copying a card', () => {
  it('gives plain text with every fact, its claim and sources, and the sources with their links', () => {
    expect(cardAsText(card, 'en')).toBe(
      [
        'NVIDIA H20 (Chip)',
        'Export controls: China: Licence required, since 9 April 2025 [2]',
        'A China-market GPU *with* [brackets].',
        'Memory: 96 GB HBM3 (press report) [1]',
        'Vendor: NVIDIA',
        'Unconfirmed or disputed:',
        '- Figures are reported, not published. [1,2]',
        'Sources:',
        '[1] Specs, Example, 2024: https://example.com/specs',
        '[2] Rule: https://www.federalregister.gov/d/2025-1',
        'Facts as of 7 December 2026 · ChipLens',
      ].join('\n'),
    );
  });

  it('gives Markdown with reference links for the source numbers, and text escaped', () => {
    const markdown = cardAsMarkdown(card, 'en');
    expect(markdown).toContain('**NVIDIA H20** (Chip)');
    expect(markdown).toContain('- Export controls: China: Licence required, since 9 April 2025 [2]');
    expect(markdown).toContain('- Memory: 96 GB HBM3 (press report) [1]');
    expect(markdown).toContain('- Figures are reported, not published. [1][2]');
    expect(markdown).toContain('A China-market GPU \\*with\\* \\[brackets\\].');
    expect(markdown).toContain('1. [Specs, Example, 2024](<https://example.com/specs>)');
    expect(markdown).toContain('[2]: <https://www.federalregister.gov/d/2025-1>');
    // The whole of it, blank lines included: Markdown's lists and paragraphs depend on them.
    expect(markdown).toBe(
      [
        '**NVIDIA H20** (Chip)',
        '',
        '- Export controls: China: Licence required, since 9 April 2025 [2]',
        '- Memory: 96 GB HBM3 (press report) [1]',
        '- Vendor: NVIDIA',
        '',
        'A China-market GPU \\*with\\* \\[brackets\\].',
        '',
        'Unconfirmed or disputed:',
        '',
        '- Figures are reported, not published. [1][2]',
        '',
        'Sources:',
        '',
        '1. [Specs, Example, 2024](<https://example.com/specs>)',
        '2. [Rule](<https://www.federalregister.gov/d/2025-1>)',
        '',
        '[1]: <https://example.com/specs>',
        '[2]: <https://www.federalregister.gov/d/2025-1>',
        '',
        '_Facts as of 7 December 2026 · ChipLens_',
      ].join('\n'),
    );
  });

  it("says what is not tracked, keeps a fact's note, and leaves out caveats when there are none", () => {
    const company: EntryCard = {
      ...card,
      id: 'nvidia',
      kind: 'company',
      kindLabel: 'Company',
      title: 'NVIDIA',
      status: undefined,
      caveats: [],
      untracked: { label: 'US Entity List', value: 'Not tracked by ChipLens' },
      facts: [{ label: 'Country', value: 'US', cite: [1], note: 'HQ' }],
    };
    expect(cardAsText(company, 'en').split('\n').slice(0, 4)).toEqual([
      'NVIDIA (Company)',
      'US Entity List: Not tracked by ChipLens',
      'A China-market GPU *with* [brackets].',
      'Country: US (HQ) [1]',
    ]);
    const markdown = cardAsMarkdown(company, 'en');
    expect(markdown.split('\n').slice(0, 5)).toEqual(['**NVIDIA** (Company)', '', '- US Entity List: Not tracked by ChipLens', '- Country: US (HQ) [1]', '']);
    expect(markdown).not.toContain('Unconfirmed');
    expect(cardAsText(company, 'en')).not.toContain('Unconfirmed');
  });
});

describe('the page briefing', () => {
  it('lists the entries by kind with status, count and numbered sources, each source once', () => {
    const company: EntryCard = {
      ...card,
      id: 'nvidia',
      kind: 'company',
      kindLabel: 'Company',
      title: 'NVIDIA',
      status: undefined,
      untracked: { label: 'US Entity List', value: 'Not tracked by ChipLens' },
    };
    const markdown = briefingMarkdown(
      [
        { card, count: 2 },
        { card: company, count: 4 },
      ],
      'en',
      'ChipLens briefing',
    );
    expect(markdown).toContain('# ChipLens briefing');
    expect(markdown).toContain('## Chip\n\n- **NVIDIA H20** ×2: Export controls: China: Licence required, since 9 April 2025 [1]');
    expect(markdown).toContain('## Company\n\n- **NVIDIA** ×4: US Entity List: Not tracked by ChipLens [2]');
    expect(markdown).toContain('[1]: <https://www.federalregister.gov/d/2025-1>');
    expect(markdown).toContain('[2]: <https://example.com/specs>');
    expect(markdown).toBe(
      [
        '# ChipLens briefing',
        '',
        '## Chip',
        '',
        '- **NVIDIA H20** ×2: Export controls: China: Licence required, since 9 April 2025 [1]',
        '',
        '## Company',
        '',
        '- **NVIDIA** ×4: US Entity List: Not tracked by ChipLens [2]',
        '',
        '[1]: <https://www.federalregister.gov/d/2025-1>',
        '[2]: <https://example.com/specs>',
        '',
        '_ChipLens · Facts as of 7 December 2026_',
      ].join('\n'),
    );
  });
});
