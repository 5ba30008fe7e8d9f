// @vitest-environment happy-dom
// The card as the tooltip and the popup render it: whose claim a value is
// shows in words after the value, and the footer dates the facts.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import type { Entry } from '../core/dataset-schema';
import type { DisplayLanguage } from '../core/display-language';
import { buildEntryCard } from '../core/entry-card';
import { EntryCardView } from './EntryCardView';

const sources = [
  { url: 'https://example.com/specs', title: 'Specs', accessed: '2026-11-28' },
  { url: 'https://example.com/news', title: 'News', accessed: '2026-11-28' },
];

const chip = {
  id: 'acme-x1',
  kind: 'chip',
  name: { en: 'Acme X1', ru: 'Acme X1', zh: 'Acme X1' },
  aliases: { en: ['Acme X1'] },
  summary: { en: 'A chip.', ru: 'Чип.', zh: '芯片。' },
  related: [],
  sources,
  asOf: '2026-11-28',
  facts: {
    vendor: 'acme',
    year: { value: 2024, claim: 'official', checked: '2026-02-01', src: [0] },
    memory: { gb: 96, type: 'HBM3', claim: 'vendor', src: [0] },
    bandwidth: { tbps: 4, src: [0] },
    compute: { tflops: 148, format: 'BF16', sparse: false, claim: 'estimate', checked: '2026-06-15', src: [0] },
    exportStatus: [
      { date: '2024', status: 'no-licence-needed', region: { en: 'China' }, claim: 'vendor', src: [0] },
      { date: '2025-04-09', status: 'licence-required', region: { en: 'China' }, claim: 'press', checked: '2026-03-01', src: [1] },
    ],
  },
  caveats: [
    { text: { en: 'Reportedly halted.' }, claim: 'press', src: [1] },
    { text: { en: 'Said in the rule.' }, claim: 'official', src: [1] },
  ],
} as Entry;

function show(lang: DisplayLanguage, pageDate?: string, report?: { href: string } | { onClick: (event: MouseEvent) => void }): HTMLElement {
  const card = buildEntryCard({ entry: chip, refs: {} }, lang, pageDate ? { pageDate } : {});
  render(h(EntryCardView, { state: { phase: 'ready', card }, lang, report }), document.body);
  return document.body.querySelector<HTMLElement>('.card')!;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

const css = readFileSync(join(__dirname, 'entry-card.css'), 'utf8');

afterEach(() => render(null, document.body));

describe('EntryCardView', () => {
  it('names a vendor figure, an estimate, a press report after the value, and marks nothing official or unsaid', () => {
    const card = show('en');
    const facts = [...card.querySelectorAll('.fact')].map((fact) => [text(fact.querySelector('dt')), text(fact.querySelector('dd'))]);
    expect(facts).toEqual([
      ['Vendor', 'acme[1]'],
      ['Year', '2024[1]'],
      ['Memory', '96 GB HBM3 · vendor figure[1]'],
      ['Memory bandwidth', '4 TB/s[1]'],
      ['Compute', '148 TFLOPS BF16 (dense) · estimate[1]'],
    ]);
    expect(text(card.querySelector('[data-now]'))).toBe('Licence required · press report · since 9 April 2025[2]');
    expect([...card.querySelectorAll('.caveats li')].map(text)).toEqual(['Reportedly halted. · press report[2]', 'Said in the rule.[2]']);
  });

  it('marks the status when the page was written too', () => {
    expect(text(show('en', '2024-06-30').querySelector('[data-then]'))).toBe(
      'When this was written (30 June 2024): No licence needed · vendor figure · since 2024[1]',
    );
  });

  it("puts the mark in a small muted span of its own, in the reader's language", () => {
    expect([...show('en').querySelectorAll('.claim')].map((el) => [el.getAttribute('data-claim'), text(el)])).toEqual([
      ['press', '· press report'],
      ['vendor', '· vendor figure'],
      ['estimate', '· estimate'],
      ['press', '· press report'],
    ]);
    expect([...show('ru').querySelectorAll('.claim')].map(text)).toEqual(['· сообщение СМИ', '· данные производителя', '· оценка', '· сообщение СМИ']);
    expect([...show('zh').querySelectorAll('.claim')].map(text)).toEqual(['· 媒体报道', '· 厂商数据', '· 估计', '· 媒体报道']);
  });

  it('keeps the mark small and muted, and the card no wider than before', () => {
    const claim = /^\.claim \{([^}]*)\}/m.exec(css)?.[1] ?? '';
    expect(claim).toMatch(/color: var\(--muted\);/);
    expect(Number(/font-size: (\d+)px;/.exec(claim)?.[1])).toBeLessThan(13);
    // It wraps with the line: nothing that could push the card wider.
    expect(claim).not.toMatch(/width|white-space|display|padding|margin/);
    expect(css).toMatch(/^\.card \{[^}]*width: max-content;\s*max-width: min\(380px, calc\(100vw - 16px\)\);/m);
  });

  it('dates the facts in the footer by the latest check among them', () => {
    expect(text(show('en').querySelector('footer'))).toMatch(/^Facts as of 15 June 2026 · ChipLens$/);
    expect(text(show('ru').querySelector('footer'))).toBe('Данные на 15 июня 2026 г. · ChipLens');
  });

  it('offers "Report a problem" in the footer only when given one, as a link or a button, in the reader\'s language', () => {
    expect(show('en').querySelector('.report-problem')).toBeNull();
    const href = 'https://github.com/chiplens/chiplens/issues/new?template=fact-report.yml&entry=acme-x1';
    const link = show('en', undefined, { href }).querySelector('footer .report a.report-problem')!;
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel'), text(link)]).toEqual([
      href,
      '_blank',
      'noopener noreferrer',
      'Report a problem',
    ]);
    expect(text(show('ru', undefined, { href }).querySelector('.report-problem'))).toBe('Сообщить об ошибке');
    expect(text(show('zh', undefined, { href }).querySelector('.report-problem'))).toBe('报告问题');
    const clicks: Event[] = [];
    const button = show('en', undefined, { onClick: (event) => clicks.push(event) }).querySelector<HTMLButtonElement>('footer .report button.report-problem')!;
    expect([button.type, button.getAttribute('href'), text(button)]).toEqual(['button', null, 'Report a problem']);
    button.click();
    // The handler gets the click, so the tooltip can tell a user's from a script's.
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.type).toBe('click');
  });

  it('keeps "Report a problem" small and muted, on a line that cannot widen the card', () => {
    const line = /^\.report \{([^}]*)\}/m.exec(css)?.[1] ?? '';
    expect(line).toMatch(/contain: inline-size;/);
    const control = /^\.report-problem \{([^}]*)\}/m.exec(css)?.[1] ?? '';
    expect(control).toMatch(/color: var\(--muted\);/);
    // The footer's 11px, inherited; nothing that would keep it on one line or size it.
    expect(control).toMatch(/font: inherit;/);
    expect(`${line}${control}`).not.toMatch(/width|white-space|font-size|display/);
    expect(css).toMatch(/^footer \{[^}]*font-size: 11px;/m);
  });
});

describe('text from the dataset', () => {
  it('is rendered as text in every field: markup in a name, summary, note, region, caveat, source title or publisher stays characters', () => {
    const markup = '<img src=x onerror=alert(1)><b>bold</b>';
    const hostile = {
      ...chip,
      name: { en: `Name ${markup}`, ru: 'x', zh: 'x' },
      summary: { en: `Summary ${markup}`, ru: 'x', zh: 'x' },
      sources: sources.map((s) => ({ ...s, title: `Title ${markup}`, publisher: `Publisher ${markup}` })),
      facts: {
        ...chip.facts,
        exportStatus: [{ date: '2025-04-09', status: 'licence-required', region: { en: `Region ${markup}` }, note: { en: `Note ${markup}` }, src: [1] }],
      },
      caveats: [{ text: { en: `Caveat ${markup}` }, src: [1] }],
    } as Entry;
    const card = buildEntryCard({ entry: hostile, refs: { acme: { kind: 'company', name: { en: `Vendor ${markup}` } } } }, 'en');
    render(h(EntryCardView, { state: { phase: 'ready', card }, lang: 'en' }), document.body);
    const root = document.body.querySelector<HTMLElement>('.card')!;
    expect(root.querySelectorAll('img, b').length).toBe(0);
    const shown = root.textContent ?? '';
    for (const field of ['Name', 'Summary', 'Region', 'Note', 'Caveat', 'Title', 'Vendor']) expect(shown).toContain(`${field} ${markup}`);
  });

  it('links only https sources', () => {
    // Source 1 backs the export status and the caveats; it is the one https link.
    const mixed = {
      ...chip,
      sources: [{ ...sources[0]!, url: 'javascript:alert(1)' }, sources[1]!, { ...sources[1]!, url: 'http://example.com/plain', title: 'Plain' }],
      caveats: [{ text: { en: 'Three sources.' }, src: [0, 1, 2] }],
    } as Entry;
    const card = buildEntryCard({ entry: mixed, refs: {} }, 'en');
    render(h(EntryCardView, { state: { phase: 'ready', card }, lang: 'en' }), document.body);
    const hrefs = [...document.body.querySelectorAll('.sources a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs).toEqual(['https://example.com/news']);
    // The others are listed by title, as text.
    expect(document.body.querySelector('.sources')?.textContent).toContain('Plain');
  });
});
