// The content script: takes the settings and alias table that early-read
// fetched from storage as the page started loading (no round trip to the
// background before the first highlight), annotates the page while
// ChipLens is on for this site, and shows tooltips on hover.
import { EVALUATION_STARTED } from './evaluation-mark';
import type { MatchTable } from '../core/alias-table';
import type { Automaton } from '../core/automaton';
import { decodeStoredTable } from '../core/stored-table';
import { ENTRY_KINDS as KIND_LIST } from '../core/dataset-schema';
import { displayLanguage, type DisplayLanguage } from '../core/display-language';
import { Matcher } from '../core/matcher';
import { parseContentRequest, type PageInfo, type RevealResult } from '../core/messages';
import { ALIAS_TABLE_KEY, isActiveOn, readSettings, SETTINGS_KEY, type Settings } from '../core/settings';
import { Annotator, type PageMention } from './annotator';
import { ask, entryView, forgetEntryViews } from './background-client';
import { HighlightRegistry, highlightsSupported } from './highlight-registry';
import { OverlayPainter, OVERLAY_TAG } from './overlay-painter';
import type { Painter } from './painter';
import { HoverTracker } from './hover-tracker';
import { pagePublicationDay } from './page-date';
import { loadTooltipModule, type TooltipModule } from './tooltip/tooltip-loader';
import { HOST_TAG } from './tooltip/tooltip-path';
import { probeViewport, type Viewport } from './viewport';
import { takeEarlyRead } from './early-read-key';
import { answerMessages, extensionApi } from './extension-api';
import * as timeline from './timeline';

const api = extensionApi();
const host = location.hostname.toLowerCase();

let settings: Settings = readSettings(undefined);
/** How the names and matcher were found at start (see PageInfo). */
let startup: PageInfo['startup'];
let table: MatchTable | undefined;
/**
 * The alias table as storage holds it. It is read (decoded, its automaton
 * loaded: milliseconds of the page's thread) only where ChipLens is on, so
 * that where it is paused or off it does nothing a page could time.
 */
let storedTable: unknown;
/** The automaton stored with the table, if it could be read (else the matcher builds one). */
let automaton: Automaton | undefined;
/** Compiled once per alias table: settings changes reuse it. */
let matcher: Matcher | undefined;
let annotator: Annotator | undefined;
let hover: HoverTracker | undefined;
/** The page's publication day, read on the first hover (undefined: not yet read; null: none). */
let pageDate: string | null | undefined;
/** The tooltip, once its module has loaded (on the first hover). */
let tooltip: InstanceType<TooltipModule['TooltipHost']> | undefined;
let tooltipModule: TooltipModule | undefined;
/** Bumped whenever the tooltip is hidden, so a show waiting for the module can tell it is stale. */
let showGeneration = 0;

async function ensureTooltip(): Promise<TooltipModule> {
  const module = (tooltipModule ??= await loadTooltipModule());
  tooltip ??= new module.TooltipHost({
    close: () => hover?.hideNow(),
    pin: () => {
      hover?.pin();
      tooltip?.refresh();
    },
    isPinned: () => hover?.isPinned() ?? false,
    more: (id) => void ask({ type: 'open-entry', id }).catch(() => undefined),
    report: (id) => void ask({ type: 'report-problem', id }).catch(() => undefined),
  });
  return module;
}

function hideTooltip(): void {
  showGeneration++;
  tooltip?.hide();
}

type ViewportProbe = (found: (viewport: Viewport) => void) => () => void;

/**
 * Probes the viewport now, for the annotator to use when it starts: the
 * frame it waits for then passes while storage and decompression work.
 */
function probeEarly(): ViewportProbe {
  let seen: Viewport | undefined;
  let waiting: ((viewport: Viewport) => void) | undefined;
  probeViewport((viewport) => {
    seen = viewport;
    waiting?.(viewport);
  });
  return (found) => {
    if (seen) found(seen);
    else waiting = found;
    return () => (waiting = undefined);
  };
}

/** The early probe, until the page is first annotated; later starts probe afresh. */
let firstProbe: ViewportProbe | undefined;

/** The mention the keyboard commands last moved to. */
let stepAt = -1;
// The Highlight API where the browser has it; boxes over the text where not.
const painter: Painter = highlightsSupported() && !__CHIPLENS_FORCE_OVERLAY__ ? new HighlightRegistry() : new OverlayPainter();

function isOwnElement(element: Element): boolean {
  return element.localName === HOST_TAG || element.localName === OVERLAY_TAG;
}

const onTimeline = timeline.work;

/** The tooltip's language: the page's, the browser's, or the one the user fixed. */
function tooltipLanguage(): DisplayLanguage {
  switch (settings.tooltipLanguage) {
    case 'page':
      return displayLanguage(document.documentElement.lang || navigator.language);
    case 'interface':
      return displayLanguage(api.i18n.getUILanguage());
    default:
      return settings.tooltipLanguage;
  }
}

async function showTooltip(mention: PageMention, anchor: DOMRect, announce = false): Promise<void> {
  const generation = ++showGeneration;
  const lang = tooltipLanguage();
  const text = mention.range.startContainer === mention.range.endContainer
    ? (mention.range.startContainer as Text).data.slice(mention.range.startOffset, mention.range.endOffset)
    : mention.id;
  let module: TooltipModule;
  try {
    module = await ensureTooltip();
  } catch (error) {
    console.warn('ChipLens: the tooltip could not be loaded.', error);
    return;
  }
  // Hidden (or another shown) while the module loaded.
  if (generation !== showGeneration || !tooltip) return;
  const token = tooltip.show({ phase: 'loading', title: text, kind: mention.kind }, lang, anchor, { announce });
  try {
    const view = await entryView(mention.id);
    if (pageDate === undefined) pageDate = pagePublicationDay() ?? null;
    const card = view ? module.buildEntryCard(view, lang, pageDate ? { pageDate } : {}) : undefined;
    tooltip.update(token, card ? { phase: 'ready', card } : { phase: 'missing', title: text, kind: mention.kind }, lang);
  } catch {
    tooltip.update(token, { phase: 'missing', title: text, kind: mention.kind }, lang);
  }
}

/** Starts annotating, or reads the page again when `reread` (new aliases, other kinds). */
function activate(reread: boolean): void {
  if (!table || !document.body) return;
  if (matcher?.table !== table) matcher = new Matcher(table, automaton);
  painter.setStyle(settings.highlightStyle);
  if (annotator) {
    hover!.intentMs = settings.tooltipDelayMs;
    if (reread) annotator.restart(matcher, document.body);
    return;
  }
  annotator = new Annotator(matcher, painter, isOwnElement, (kind) => settings.kinds[kind]);
  hover = new HoverTracker(
    annotator,
    {
      show: (mention, anchor) => void showTooltip(mention, anchor),
      hide: hideTooltip,
      isOverTooltip: (target) => tooltip?.contains(target) ?? false,
    },
    settings.tooltipDelayMs,
  );
  annotator.start(document.body, firstProbe);
  firstProbe = undefined;
  hover.attach();
}

function deactivate(): void {
  hover?.detach();
  annotator?.stop();
  hover = undefined;
  annotator = undefined;
  showGeneration++;
  tooltip?.destroy();
}

/** Reads the stored table, unless it is read; a newer one stored meanwhile wins. */
async function readTable(): Promise<void> {
  if (table || storedTable === undefined) return;
  const source = storedTable;
  const loaded = await decodeStoredTable(source, onTimeline);
  if (source !== storedTable || !loaded) return;
  table = loaded.table;
  automaton = loaded.automaton;
}

function apply(reread = false): void {
  if (!isActiveOn(settings, host)) return timeline.timed(deactivate);
  if (table) return timeline.timed(() => activate(reread));
  // Turned on where the table was not read yet.
  void readTable().then(() => {
    if (table && isActiveOn(settings, host)) timeline.timed(() => activate(reread));
  });
}

function pageInfo(): PageInfo {
  const counts = new Map<string, PageInfo['mentions'][number]>();
  for (const mention of annotator?.found() ?? []) {
    const item = counts.get(mention.id) ?? { id: mention.id, kind: mention.kind, count: 0 };
    item.count++;
    counts.set(mention.id, item);
  }
  const limit = annotator?.limitReached();
  return {
    host,
    active: annotator !== undefined,
    mentions: [...counts.values()].sort((a, b) => b.count - a.count),
    ...(limit ? { limit } : {}),
    ...(startup ? { startup } : {}),
  };
}

function inDocumentOrder(a: PageMention, b: PageMention): number {
  if (a.range.startContainer === b.range.startContainer) return a.range.startOffset - b.range.startOffset;
  return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

function mentionsInOrder(id?: string): PageMention[] {
  // Stepping goes through every mention, including those far down the page
  // that are not placed until the reader scrolls near them.
  annotator?.placeAll(id);
  return (annotator?.mentions() ?? []).filter((m) => (id === undefined || m.id === id) && m.range.startContainer.isConnected && m.range.endContainer.isConnected).sort(inDocumentOrder);
}

function bringIntoView(mention: PageMention): void {
  // scrollIntoView also scrolls any scrolled container the mention sits in;
  // instant, so that the tooltip can be placed against the final position.
  mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
  painter.flash(mention.range);
}

/** Scrolls to mention `index` of `id` (wrapping round) and flashes it. */
function reveal(id: string, index: number): RevealResult {
  const list = mentionsInOrder(id);
  if (list.length === 0) return { index: 0, total: 0 };
  const at = index % list.length;
  bringIntoView(list[at]!);
  return { index: at, total: list.length };
}

/** The keyboard commands: the next or previous highlight, with its tooltip open. */
function step(by: 1 | -1): RevealResult {
  const list = mentionsInOrder();
  if (list.length === 0 || !hover) return { index: 0, total: 0 };
  stepAt = (((stepAt + by) % list.length) + list.length) % list.length;
  const mention = list[stepAt]!;
  bringIntoView(mention);
  const range = document.createRange();
  range.setStart(mention.range.startContainer, mention.range.startOffset);
  range.setEnd(mention.range.endContainer, mention.range.endOffset);
  const anchor = range.getClientRects()[0] ?? range.getBoundingClientRect();
  hover.showPinned(mention, anchor);
  void showTooltip(mention, anchor, true);
  return { index: stepAt, total: list.length };
}

async function main(): Promise<void> {
  const start = performance.now();
  timeline.mark('chiplens:start');
  onTimeline(EVALUATION_STARTED, start);
  firstProbe = probeEarly();
  // Usually begun at document_start by early-read; done here if not, if
  // storage has changed since, or if it found no usable table (a fresh
  // install publishes one while its first pages load).
  const early = takeEarlyRead();
  const ahead = await early?.read.catch(() => undefined);
  const unchanged = ahead && !early!.changed() ? ahead : undefined;
  const fresh = unchanged?.loaded ? unchanged : undefined;
  const stored = unchanged?.stored ?? (await api.storage.local.get([SETTINGS_KEY, ALIAS_TABLE_KEY]));
  settings = unchanged?.settings ?? readSettings(stored[SETTINGS_KEY]);
  storedTable = stored[ALIAS_TABLE_KEY];
  if (fresh?.loaded) {
    table = fresh.loaded.table;
    automaton = fresh.loaded.automaton;
    matcher = fresh.matcher;
  } else if (isActiveOn(settings, host)) await readTable();
  // Whether early-read had the table and a warmed matcher ready, and whether the table was read at all: the browser tests ask (page-info).
  startup = { early: fresh !== undefined, warm: matcher !== undefined, tableRead: table !== undefined };
  timeline.mark('chiplens:stored-read', startup);
  // A fresh install may reach a page before the background has published
  // the table: waking it is enough, the table then arrives as a change.
  if (storedTable === undefined) ask({ type: 'get-status' }).catch(() => undefined);

  api.storage.onChanged.addListener((changes, areaName) => {
    if (areaName !== 'local') return;
    let changed = false;
    let reread = false;
    if (SETTINGS_KEY in changes) {
      const before = settings.kinds;
      settings = readSettings(changes[SETTINGS_KEY]!.newValue);
      reread = KIND_LIST.some((kind) => before[kind] !== settings.kinds[kind]);
      changed = true;
    }
    if (changed) apply(reread);
    if (ALIAS_TABLE_KEY in changes) {
      // A new dataset: read where ChipLens is on, then the page again with the new aliases.
      storedTable = changes[ALIAS_TABLE_KEY]!.newValue;
      table = automaton = undefined;
      forgetEntryViews();
      if (isActiveOn(settings, host)) apply(true);
    }
  });

  answerMessages(api, (message) => {
    const request = parseContentRequest(message);
    if (!request.ok) return undefined;
    const r = request.value;
    // The list, the walk through one name's mentions and stepping all need
    // the whole page, which is read ahead of the viewport only so far.
    return (annotator?.readAll() ?? Promise.resolve()).then(() => {
      const value = r.type === 'reveal' ? reveal(r.id, r.index) : r.type === 'step' ? step(r.by) : pageInfo();
      return { ok: true, value };
    });
  });

  apply();
  firstProbe = undefined;
}

void main();
