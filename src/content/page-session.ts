// ChipLens on one page: the settings and name table it works with, and the
// annotator, hover tracker, tooltip and navigation while it is on for this
// site. It turns them on and off as settings change, and reads the page
// again when the names or the kinds shown change.
import type { MatchTable } from '../core/alias-table';
import type { Automaton } from '../core/automaton';
import { ENTRY_KINDS } from '../core/dataset-schema';
import { looksTraditional } from '../core/han-fold';
import { Matcher } from '../core/matcher';
import type { PageInfo } from '../core/messages';
import { isActiveOn, readSettings, type Settings } from '../core/settings';
import { decodeStoredTable } from '../core/stored-table';
import { Annotator } from './annotator';
import { ask, forgetEntryViews } from './background-client';
import { ToolbarReport } from './toolbar-report';
import { HighlightRegistry, highlightsSupported } from './highlight-registry';
import { HoverTracker } from './hover-tracker';
import { OverlayPainter, OVERLAY_TAG } from './overlay-painter';
import { PageNavigation } from './page-navigation';
import type { Painter } from './painter';
import * as timeline from './timeline';
import { HOST_TAG } from './tooltip/tooltip-path';
import { TooltipController } from './tooltip-controller';
import type { ViewportProbe } from './viewport';

function isOwnElement(element: Element): boolean {
  return element.localName === HOST_TAG || element.localName === OVERLAY_TAG;
}

export interface SessionStart {
  settings: Settings;
  /** The alias table as storage holds it, read (decoded) only where ChipLens is on. */
  storedTable: unknown;
  /** Already decoded by early-read, with its matcher warmed. */
  loaded?: { table: MatchTable; automaton: Automaton | undefined; matcher?: Matcher };
}

export class PageSession {
  settings: Settings;
  /** How the names and matcher were found at start (see PageInfo). */
  startup: PageInfo['startup'];
  private storedTable: unknown;
  private table: MatchTable | undefined;
  /** The automaton stored with the table, if it could be read (else the matcher builds one). */
  private automaton: Automaton | undefined;
  /** Compiled once per alias table: settings changes reuse it. */
  private matcher: Matcher | undefined;
  private annotator: Annotator | undefined;
  private hover: HoverTracker | undefined;
  // The Highlight API where the browser has it; boxes over the text where not.
  private readonly painter: Painter = highlightsSupported() && !__CHIPLENS_FORCE_OVERLAY__ ? new HighlightRegistry() : new OverlayPainter();
  readonly tooltip: TooltipController;
  readonly navigation: PageNavigation;
  private readonly toolbar: ToolbarReport;

  constructor(
    private readonly host: string,
    start: SessionStart,
    uiLanguage: () => string,
    /** The viewport probed as the page loaded, for the first annotation only. */
    private firstProbe: ViewportProbe | undefined,
  ) {
    this.settings = start.settings;
    this.storedTable = start.storedTable;
    if (start.loaded) {
      this.table = start.loaded.table;
      this.automaton = start.loaded.automaton;
      this.matcher = start.loaded.matcher;
    }
    this.tooltip = new TooltipController({
      settings: () => this.settings,
      hover: () => this.hover,
      uiLanguage,
      looksTraditional: (text) => (this.matcher ? looksTraditional(this.matcher.fold, text) : false),
    });
    this.navigation = new PageNavigation({ annotator: () => this.annotator, hover: () => this.hover, painter: this.painter, tooltip: this.tooltip });
    this.toolbar = new ToolbarReport(
      (state) => ask({ type: 'page-state', ...state }),
      () => ({ active: this.active, entries: this.annotator?.entryCount() ?? 0 }),
    );
  }

  get active(): boolean {
    return isActiveOn(this.settings, this.host);
  }

  get hasTable(): boolean {
    return this.table !== undefined;
  }

  get matcherWarm(): boolean {
    return this.matcher !== undefined;
  }

  /** Reads the stored table, unless it is read; a newer one stored meanwhile wins. */
  async readTable(): Promise<void> {
    if (this.table || this.storedTable === undefined) return;
    const source = this.storedTable;
    const loaded = await decodeStoredTable(source, timeline.work);
    if (source !== this.storedTable || !loaded) return;
    this.table = loaded.table;
    this.automaton = loaded.automaton;
  }

  /** Turns ChipLens on or off here as the settings say; `reread` reads the page again. */
  apply(reread = false): void {
    if (!this.active) {
      timeline.timed(() => this.deactivate());
      this.toolbar.now();
      return;
    }
    if (this.table) {
      timeline.timed(() => this.activate(reread));
      return;
    }
    // Turned on where the table was not read yet.
    void this.readTable().then(() => {
      if (this.table && this.active) timeline.timed(() => this.activate(reread));
    });
  }

  /** The early probe serves only an annotation started right away; later starts probe afresh. */
  discardEarlyProbe(): void {
    this.firstProbe = undefined;
  }

  /** New settings from storage. */
  settingsChanged(stored: unknown): void {
    const before = this.settings;
    this.settings = readSettings(stored);
    // Other kinds shown, or every mention painted in full or not: the page is read again.
    this.apply(ENTRY_KINDS.some((kind) => before.kinds[kind] !== this.settings.kinds[kind]) || before.paintEveryMention !== this.settings.paintEveryMention);
  }

  /** A new dataset: read where ChipLens is on, then the page again with the new names. */
  tableChanged(stored: unknown): void {
    this.storedTable = stored;
    this.table = this.automaton = undefined;
    forgetEntryViews();
    if (this.active) this.apply(true);
  }

  /** What the popup shows about this page. */
  info(): PageInfo {
    const limit = this.annotator?.limitReached();
    return {
      host: this.host,
      active: this.annotator !== undefined,
      mentions: this.navigation.mentionCounts(),
      ...(limit ? { limit } : {}),
      ...(this.startup ? { startup: this.startup } : {}),
    };
  }

  /** Resolves once the whole page is read (the list and stepping need every mention). */
  readAll(): Promise<void> {
    return this.annotator?.readAll() ?? Promise.resolve();
  }

  private activate(reread: boolean): void {
    if (!this.table || !document.body) return;
    const topicGate = !this.settings.broadNamesEverywhere;
    if (this.matcher?.table !== this.table || this.matcher.topicGate !== topicGate) {
      this.matcher = new Matcher(this.table, this.automaton, { topicGate });
      reread ||= this.annotator !== undefined;
    }
    this.painter.setStyle(this.settings.highlightStyle);
    if (this.annotator) {
      this.hover!.intentMs = this.settings.tooltipDelayMs;
      if (reread) this.annotator.restart(this.matcher, document.body);
      return;
    }
    this.annotator = new Annotator(
      this.matcher,
      this.painter,
      isOwnElement,
      (kind) => this.settings.kinds[kind],
      () => this.settings.paintEveryMention,
    );
    this.annotator.onChange = () => this.toolbar.changed();
    this.toolbar.now();
    this.hover = new HoverTracker(
      this.annotator,
      {
        show: (mention, anchor) => void this.tooltip.show(mention, anchor),
        hide: () => this.tooltip.hide(),
        isOverTooltip: (target) => this.tooltip.contains(target),
      },
      this.settings.tooltipDelayMs,
    );
    this.annotator.start(document.body, this.firstProbe);
    this.firstProbe = undefined;
    this.hover.attach();
  }

  private deactivate(): void {
    this.hover?.detach();
    this.annotator?.stop();
    this.hover = undefined;
    this.annotator = undefined;
    this.tooltip.destroy();
  }
}
