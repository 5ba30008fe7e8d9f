// Every message that crosses an extension boundary, with its schema. Senders
// get types; receivers validate, because a message is outside input like any
// other (a page can't forge one, but a stale tab from an older version can).
import * as v from 'valibot';
import type { Entry, EntryKind, LocalizedText } from './dataset-schema';
import { ENTRY_KINDS, EntryId } from './dataset-schema';
import { REFRESH_HOURS } from './settings';
import type { UpdateState } from './update-state';

const Host = v.pipe(v.string(), v.minLength(1), v.maxLength(253), v.regex(/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/, 'a lower-case hostname'));

const BackgroundRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('get-entry'), id: EntryId }),
  v.strictObject({
    type: v.literal('search'),
    query: v.pipe(v.string(), v.maxLength(200)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
    /** Only entries of this kind. */
    kind: v.optional(v.picklist(ENTRY_KINDS)),
  }),
  v.strictObject({ type: v.literal('get-status') }),
  v.strictObject({ type: v.literal('set-site-enabled'), host: Host, enabled: v.boolean() }),
  v.strictObject({ type: v.literal('set-paused'), paused: v.boolean() }),
  v.strictObject({ type: v.literal('check-now') }),
  /** "More" in a tooltip: the entry in ChipLens's own page. */
  v.strictObject({ type: v.literal('open-entry'), id: EntryId }),
  /**
   * "Report a problem" on an entry: GitHub's fact-report form in a new tab,
   * filled with the entry, the part of it named by `field` (optional) and
   * the versions (see report-problem.ts). Nothing about the page.
   */
  v.strictObject({ type: v.literal('report-problem'), id: EntryId, field: v.optional(v.pipe(v.string(), v.maxLength(200))) }),
  /** Replaces all settings (the options page, an import); checked in full by the background. */
  v.strictObject({ type: v.literal('set-settings'), settings: v.unknown() }),
  /** Names and kinds of entries, for lists such as "On this page". */
  v.strictObject({ type: v.literal('get-refs'), ids: v.pipe(v.array(EntryId), v.maxLength(1000)) }),
  /** A content script's page: whether ChipLens is on there, and how many entries it mentions (the toolbar icon and badge). */
  v.strictObject({
    type: v.literal('page-state'),
    active: v.boolean(),
    entries: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
  }),
  v.strictObject({
    type: v.literal('set-refresh-hours'),
    hours: v.pipe(v.number(), v.integer(), v.minValue(REFRESH_HOURS.min), v.maxValue(REFRESH_HOURS.max)),
  }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;
export type PageState = Omit<Extract<BackgroundRequest, { type: 'page-state' }>, 'type'>;

const ContentRequestSchema = v.variant('type', [
  v.strictObject({ type: v.literal('page-info') }),
  /** Scrolls to mention `index` of entry `id` (wrapping round) and flashes it. */
  v.strictObject({ type: v.literal('reveal'), id: EntryId, index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** The keyboard commands: move to the next (1) or previous (-1) highlight and open its tooltip. */
  v.strictObject({ type: v.literal('step'), by: v.picklist([1, -1]) }),
]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

export interface EntryRef {
  kind: EntryKind;
  name: LocalizedText;
  /** The key of its latest status (see latest-status), if it has one. */
  status?: string;
}

/** An entry with the names of the entries it points at, ready to render. */
export interface EntryView {
  entry: Entry;
  refs: Record<string, EntryRef>;
}

export interface SearchHit {
  id: string;
  kind: EntryKind;
  name: LocalizedText;
  summary: LocalizedText;
  /** The alias or name that matched, when it is not the name itself. */
  matched?: string;
}

export interface DatasetStatus {
  version: number;
  asOf: string;
  counts: Record<EntryKind, number>;
  /** Where the data in use came from ('bundled': the browser storage is unusable). */
  source: 'indexeddb' | 'bundled';
  /** The refresh: last and next check, last error; filled in by the router. */
  update?: UpdateState;
}

export interface RevealResult {
  /** Which mention is shown now (0-based), of how many. */
  index: number;
  total: number;
}

export interface PageInfo {
  host: string;
  active: boolean;
  mentions: { id: string; kind: EntryKind; count: number }[];
  /** Set when the page named more than ChipLens highlights on one page: it stopped reading there. */
  limit?: number;
  /**
   * Whether the content script found the names and a warmed matcher read
   * for it as the page loaded (early-read), and whether it has read the
   * names at all (not where ChipLens is off).
   */
  startup?: { early: boolean; warm: boolean; tableRead: boolean };
}

/** What each request answers. Failures come back as `{ error }`. */
export interface BackgroundResponses {
  'get-entry': EntryView | null;
  search: SearchHit[];
  'get-status': DatasetStatus;
  'set-site-enabled': { ok: true };
  'set-paused': { ok: true };
  'check-now': DatasetStatus;
  'open-entry': { ok: true };
  'report-problem': { ok: true };
  'set-settings': { ok: true };
  'get-refs': Record<string, EntryRef>;
  'set-refresh-hours': DatasetStatus;
  'page-state': { ok: true };
}

/** What each request to a content script answers. */
export interface ContentResponses {
  'page-info': PageInfo;
  reveal: RevealResult;
  step: RevealResult;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The value of a reply from the background; throws with its words when it failed or did not come. */
function replyValue<T>(reply: Reply<T> | undefined, who: string): T {
  if (!reply) throw new Error(`${who} did not answer`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Typed requests to the background through `send` (the extension's pages
 * and the content script reach it by different APIs); a failure comes back
 * as an exception with the worker's words.
 */
export function backgroundAsker(send: (message: unknown) => Promise<unknown>) {
  return async <T extends BackgroundRequest>(request: T): Promise<BackgroundResponses[T['type']]> =>
    replyValue((await send(request)) as Reply<BackgroundResponses[T['type']]> | undefined, 'ChipLens background');
}

/**
 * Typed requests to one tab's content script through `send` (the popup and
 * the background reach it by tabs.sendMessage); a failure comes back as an
 * exception, as does a tab without ChipLens's content script.
 */
export function contentAsker(send: (message: ContentRequest) => Promise<unknown>) {
  return async <T extends ContentRequest>(request: T): Promise<ContentResponses[T['type']]> =>
    replyValue((await send(request)) as Reply<ContentResponses[T['type']]> | undefined, "the page's ChipLens content script");
}

export function parseBackgroundRequest(message: unknown): Reply<BackgroundRequest> {
  const result = v.safeParse(BackgroundRequestSchema, message);
  return result.success ? { ok: true, value: result.output } : { ok: false, error: `bad request: ${v.summarize(result.issues)}` };
}

export function parseContentRequest(message: unknown): Reply<ContentRequest> {
  const result = v.safeParse(ContentRequestSchema, message);
  return result.success ? { ok: true, value: result.output } : { ok: false, error: `bad request: ${v.summarize(result.issues)}` };
}
