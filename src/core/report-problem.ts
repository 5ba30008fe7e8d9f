// The address of a prefilled "Report a wrong or out-of-date fact" form on
// GitHub (.github/ISSUE_TEMPLATE/fact-report.yml). GitHub issue forms take
// `template`, `title` and the `id` of each of the form's fields as query
// parameters. The form is filled with what ChipLens knows of the entry and
// of itself, and with nothing about the page it was opened from: the
// parameters below are all there is, and the user types the rest.

/** Where the project's issues are. */
const ISSUES_URL = 'https://github.com/chiplens/chiplens/issues';
/** The issue form's file in `.github/ISSUE_TEMPLATE/`. */
export const FACT_REPORT_TEMPLATE = 'fact-report.yml';
/** Every address this module builds is shorter than this. */
export const REPORT_URL_LIMIT = 2000;
/** How much of `field` is kept, in characters (code points). */
export const FIELD_MAX = 60;
/** Entry ids, as the dataset schema has them, and no longer than the popup's `?entry=` accepts. */
const ENTRY_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ENTRY_ID_MAX = 80;
/** A manifest version ("0.1.0"), with room for the letters Firefox once allowed ("1.0b2"). */
const EXTENSION_VERSION = /^[0-9A-Za-z.+-]{1,32}$/;

/** What a fact report carries. Nothing here can hold page data; keep it so. */
export interface FactReport {
  /** The entry's id, e.g. `nvidia-h20` (never its name). */
  readonly entry: string;
  /** Which part of the entry, e.g. a card line's label or `summary`; optional. */
  readonly field?: string | undefined;
  /** The version of the dataset in use, e.g. 2026112802. */
  readonly datasetVersion: number;
  /** The extension's version, from its manifest. */
  readonly extensionVersion: string;
}

/** One line, no control characters or lone surrogates, at most FIELD_MAX characters. */
function cleanField(field: string | undefined): string {
  if (field === undefined) return '';
  const oneLine = field
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .trim();
  const chars = Array.from(oneLine);
  return chars.length > FIELD_MAX
    ? `${chars
        .slice(0, FIELD_MAX - 1)
        .join('')
        .trimEnd()}…`
    : oneLine;
}

/**
 * The new-issue address for a report on `report.entry`. Throws on an id or
 * version that is not one (a caller's bug): the length bound rests on them.
 */
export function factReportUrl(report: FactReport): string {
  const { entry, datasetVersion, extensionVersion } = report;
  if (!ENTRY_ID.test(entry) || entry.length > ENTRY_ID_MAX) throw new RangeError(`not an entry id: ${JSON.stringify(entry.slice(0, 100))}`);
  if (!Number.isSafeInteger(datasetVersion) || datasetVersion < 1) throw new RangeError(`not a dataset version: ${datasetVersion}`);
  if (!EXTENSION_VERSION.test(extensionVersion)) throw new RangeError(`not an extension version: ${JSON.stringify(extensionVersion.slice(0, 40))}`);
  const field = cleanField(report.field);
  const params: [string, string][] = [
    ['template', FACT_REPORT_TEMPLATE],
    ['title', field ? `Fact report: ${entry} (${field})` : `Fact report: ${entry}`],
    ['entry', entry],
    ...(field ? ([['field', field]] as [string, string][]) : []),
    ['version', String(datasetVersion)],
    ['extension', extensionVersion],
  ];
  // encodeURIComponent, not URLSearchParams: spaces as %20, not '+'.
  return `${ISSUES_URL}/new?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}
