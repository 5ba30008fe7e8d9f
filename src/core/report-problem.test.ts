import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { FACT_REPORT_TEMPLATE, FIELD_MAX, factReportUrl, REPORT_URL_LIMIT, type FactReport } from './report-problem';

const base = { entry: 'nvidia-h20', datasetVersion: 2026112802, extensionVersion: '0.1.0' } as const;

/** The query as GitHub reads it: key → decoded value, in order. */
function query(url: string): [string, string][] {
  return [...new URL(url).searchParams.entries()];
}

describe('factReportUrl', () => {
  it('opens the fact-report form of chiplens/chiplens with exact, encoded values', () => {
    const url = factReportUrl(base);
    expect(url).toBe(
      'https://github.com/chiplens/chiplens/issues/new?template=fact-report.yml&title=Fact%20report%3A%20nvidia-h20&entry=nvidia-h20&version=2026112802&extension=0.1.0',
    );
    expect(query(url)).toEqual([
      ['template', 'fact-report.yml'],
      ['title', 'Fact report: nvidia-h20'],
      ['entry', 'nvidia-h20'],
      ['version', '2026112802'],
      ['extension', '0.1.0'],
    ]);
  });

  it('names the field when one is given, in the title too', () => {
    const url = factReportUrl({ ...base, field: 'Memory bandwidth' });
    expect(url).toContain('&title=Fact%20report%3A%20nvidia-h20%20(Memory%20bandwidth)&entry=nvidia-h20&field=Memory%20bandwidth&version=');
    expect(new URL(url).searchParams.get('field')).toBe('Memory bandwidth');
  });

  it('leaves out an empty or blank field', () => {
    expect(factReportUrl({ ...base, field: '' })).toBe(factReportUrl(base));
    expect(factReportUrl({ ...base, field: ' \n\t ' })).toBe(factReportUrl(base));
    expect(factReportUrl({ ...base, field: undefined })).toBe(factReportUrl(base));
  });

  it('percent-encodes non-ASCII field labels as UTF-8, and every reserved character', () => {
    const ru = factReportUrl({ ...base, field: 'Память' });
    expect(ru).toContain('&field=%D0%9F%D0%B0%D0%BC%D1%8F%D1%82%D1%8C&');
    const zh = factReportUrl({ ...base, field: '显存带宽' });
    expect(zh).toContain('&field=%E6%98%BE%E5%AD%98%E5%B8%A6%E5%AE%BD&');
    expect(new URL(zh).searchParams.get('field')).toBe('显存带宽');
    // Nothing in a value can end it or start another parameter.
    const tricky = factReportUrl({ ...base, field: 'a&b=c#d?e/f+g%h' });
    expect(tricky).toContain('&field=a%26b%3Dc%23d%3Fe%2Ff%2Bg%25h&');
    expect(query(tricky).map(([key]) => key)).toEqual(['template', 'title', 'entry', 'field', 'version', 'extension']);
    // The only characters left unencoded are URL-safe ASCII.
    expect(zh).toMatch(/^[A-Za-z0-9\-._~:/?&=%!'()*]+$/);
  });

  it('keeps the field to one line of at most FIELD_MAX characters, never splitting a character', () => {
    const field = new URL(factReportUrl({ ...base, field: 'line one\nline\u0000two\u2028three' })).searchParams.get('field');
    expect(field).toBe('line one line two three');
    const long = new URL(factReportUrl({ ...base, field: '𝔸'.repeat(200) })).searchParams.get('field')!;
    expect(Array.from(long)).toHaveLength(FIELD_MAX);
    expect(long.endsWith('𝔸…')).toBe(true);
    // A lone surrogate would make encodeURIComponent throw.
    expect(new URL(factReportUrl({ ...base, field: 'a\uD800b' })).searchParams.get('field')).toBe('a\uFFFDb');
  });

  it('stays under 2,000 characters with the longest values it accepts', () => {
    expect(REPORT_URL_LIMIT).toBe(2000);
    const worst = factReportUrl({
      entry: `${'a'.repeat(39)}-${'b'.repeat(40)}`,
      // Four UTF-8 bytes (twelve characters encoded) each.
      field: '😀'.repeat(500),
      datasetVersion: Number.MAX_SAFE_INTEGER,
      extensionVersion: '+'.repeat(32),
    });
    expect(worst.length).toBeLessThan(REPORT_URL_LIMIT);
    expect(factReportUrl({ ...base, field: 'Export controls: China' }).length).toBeLessThan(300);
  });

  it('refuses what is not an entry id or a version, rather than carrying it', () => {
    for (const entry of ['', 'NVIDIA H20', 'Хуавэй', 'a--b', 'x'.repeat(81), 'https://example.com/page']) {
      expect(() => factReportUrl({ ...base, entry })).toThrow(RangeError);
    }
    for (const datasetVersion of [0, -1, 1.5, Number.NaN, 2 ** 60]) {
      expect(() => factReportUrl({ ...base, datasetVersion })).toThrow(RangeError);
    }
    for (const extensionVersion of ['', '1.0 beta', '1'.repeat(33), '0.1.0\n']) {
      expect(() => factReportUrl({ ...base, extensionVersion })).toThrow(RangeError);
    }
  });

  it('takes no page data: its parameter has these four keys only, and it reads nothing else', () => {
    // Checked by tsc (npm run typecheck): adding a key to FactReport fails here.
    expectTypeOf<keyof FactReport>().toEqualTypeOf<'entry' | 'field' | 'datasetVersion' | 'extensionVersion'>();
    expectTypeOf(factReportUrl).parameters.toEqualTypeOf<[FactReport]>();
    // @ts-expect-error -- a page's address is not a parameter.
    factReportUrl({ ...base, pageUrl: 'https://news.example/article' });
    // Even smuggled past the types, extra keys go nowhere.
    const smuggled = {
      ...base,
      url: 'https://news.example/article?secret=1',
      pageUrl: 'https://news.example/article',
      title: 'Page title',
      text: 'Selected text from the page',
      pageDate: '2023-12-05',
    };
    const url = factReportUrl(smuggled);
    expect(url).toBe(factReportUrl(base));
    expect(url).not.toMatch(/news\.example|secret|Page|Selected|2023-12-05/);
  });

  it('opens a form that exists, with a field for every parameter but the template and title', () => {
    const form = readFileSync(join(__dirname, '../../.github/ISSUE_TEMPLATE', FACT_REPORT_TEMPLATE), 'utf8');
    const ids = [...form.matchAll(/^\s+id:\s*(\S+)\s*$/gm)].map((m) => m[1]);
    const keys = query(factReportUrl({ ...base, field: 'summary' }))
      .map(([key]) => key)
      .filter((key) => key !== 'template' && key !== 'title');
    for (const key of keys) expect(ids).toContain(key);
  });
});

describe('factReportUrl: edges of the field and of the checks', () => {
  const fieldOf = (field: string) => new URL(factReportUrl({ ...base, field })).searchParams.get('field');

  it('folds a run of spaces and breaks into one space', () => {
    expect(fieldOf('Export  status\n\n\tChina')).toBe('Export status China');
  });

  it('keeps a field of exactly FIELD_MAX characters whole, and cuts a longer one without a space before the ellipsis', () => {
    expect(fieldOf('a'.repeat(FIELD_MAX))).toBe('a'.repeat(FIELD_MAX));
    const cut = `${'a'.repeat(FIELD_MAX - 2)} ${'b'.repeat(10)}`;
    expect(fieldOf(cut)).toBe(`${'a'.repeat(FIELD_MAX - 2)}…`);
  });

  it('takes dataset version 1', () => {
    expect(query(factReportUrl({ ...base, datasetVersion: 1 }))).toContainEqual(['version', '1']);
  });

  it('says what it refused, quoting the value', () => {
    expect(() => factReportUrl({ ...base, entry: 'Bad Id' })).toThrow('not an entry id: "Bad Id"');
    expect(() => factReportUrl({ ...base, datasetVersion: 0 })).toThrow('not a dataset version: 0');
    expect(() => factReportUrl({ ...base, extensionVersion: '1 beta' })).toThrow('not an extension version: "1 beta"');
  });

  it('quotes only the start of a long refused value', () => {
    expect(() => factReportUrl({ ...base, entry: 'x'.repeat(500) })).toThrow(`not an entry id: "${'x'.repeat(100)}"`);
    expect(() => factReportUrl({ ...base, extensionVersion: '1'.repeat(500) })).toThrow(`not an extension version: "${'1'.repeat(40)}"`);
  });
});
