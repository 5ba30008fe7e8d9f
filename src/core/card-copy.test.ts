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

describe('copying a card with less in it', () => {
  const bare = (): EntryCard => ({
    id: 'qwen',
    kind: 'model',
    kindLabel: 'AI model',
    title: 'Qwen',
    summary: "Alibaba's model family.",
    facts: [{ label: 'Maker', value: 'Alibaba', cite: [1] }],
    related: [],
    caveats: [],
    sources: [{ n: 1, url: 'https://example.com/qwen', title: 'Qwen' }],
    asOf: '2026-12-07',
    asOfText: '7 December 2026',
  });

  it('gives no status line and no caveats heading to a card with neither', () => {
    expect(cardAsText(bare(), 'en')).toBe(
      [
        'Qwen (AI model)',
        "Alibaba's model family.",
        'Maker: Alibaba [1]',
        'Sources:',
        '[1] Qwen: https://example.com/qwen',
        'Facts as of 7 December 2026 · ChipLens',
      ].join('\n'),
    );
    expect(cardAsMarkdown(bare(), 'en')).toBe(
      [
        '**Qwen** (AI model)',
        '',
        '- Maker: Alibaba [1]',
        '',
        "Alibaba's model family.",
        '',
        'Sources:',
        '',
        '1. [Qwen](<https://example.com/qwen>)',
        '',
        '[1]: <https://example.com/qwen>',
        '',
        '_Facts as of 7 December 2026 · ChipLens_',
      ].join('\n'),
    );
  });

  it('links only the source numbers at the end of a line, of any number of digits, and leaves brackets in the text as text', () => {
    const card: EntryCard = {
      ...bare(),
      facts: [{ label: 'Citation', value: 'Section [2] of the rule', cite: [12] }],
      caveats: [{ text: 'Disputed.', cite: [3, 12] }],
    };
    const markdown = cardAsMarkdown(card, 'en');
    expect(markdown).toContain('- Citation: Section \\[2\\] of the rule [12]\n');
    expect(markdown).toContain('- Disputed. [3][12]\n');
  });
});

describe('the page briefing, more', () => {
  const card = (kind: EntryCard['kind'], title: string, sources: EntryCard['sources'], status?: EntryCard['status']): EntryCard => ({
    id: title.toLowerCase(),
    kind,
    kindLabel: kind,
    title,
    summary: `${title} in short.`,
    ...(status ? { status } : {}),
    facts: [],
    related: [],
    caveats: [],
    sources,
    asOf: '2026-12-07',
    asOfText: '7 December 2026',
  });
  const status = (cite: number[]): EntryCard['status'] => ({
    label: 'Export controls: China',
    value: 'Licence required',
    date: '2025-04-09',
    dateText: '9 April 2025',
    dateLabel: 'since',
    tone: 'bad',
    cite,
  });

  it('numbers a source that two entries share once, and cites every source of a status', () => {
    const rule = { n: 1, url: 'https://www.federalregister.gov/d/2025-1', title: 'Rule' };
    const specs = { n: 2, url: 'https://example.com/specs', title: 'Specs' };
    const markdown = briefingMarkdown(
      [
        { card: card('chip', 'H20', [rule, specs], status([1, 2])), count: 1 },
        { card: card('chip', 'H200', [rule], status([1])), count: 3 },
      ],
      'en',
      'Briefing',
    );
    expect(markdown).toContain('- **H20** ×1: Export controls: China: Licence required, since 9 April 2025 [1][2]\n');
    expect(markdown).toContain('- **H200** ×3: Export controls: China: Licence required, since 9 April 2025 [1]\n');
    expect(markdown).toContain('[1]: <https://www.federalregister.gov/d/2025-1>\n[2]: <https://example.com/specs>\n');
  });

  it('leaves out a source number the card does not list, and gives an entry with no sources its summary alone', () => {
    const markdown = briefingMarkdown(
      [
        { card: card('chip', 'H20', [{ n: 1, url: 'https://example.com/specs', title: 'Specs' }], status([2, 1])), count: 1 },
        { card: card('model', 'Qwen', []), count: 2 },
      ],
      'en',
      'Briefing',
    );
    expect(markdown).toContain('- **H20** ×1: Export controls: China: Licence required, since 9 April 2025 [1]\n');
    expect(markdown).toContain('- **Qwen** ×2: Qwen in short.\n');
  });

  it('gives an empty page a title and no date', () => {
    expect(briefingMarkdown([], 'en', 'Briefing')).toBe(['# Briefing', '', '', '_ChipLens · Facts as of _'].join('\n'));
  });
});
