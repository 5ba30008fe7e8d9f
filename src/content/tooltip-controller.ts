// Owns the tooltip on a page: loads its module on the first hover, shows a
// mention's card (loading first, then the entry from the background), and
// hides or removes it. Which mention is hovered or pinned is the hover
// tracker's; this module only asks it.
import { displayLanguage, type DisplayLanguage } from '../core/display-language';
import type { Settings } from '../core/settings';
import type { PageMention } from './annotator';
import { ask, entryView } from './background-client';
import type { HoverTracker } from './hover-tracker';
import { pagePublicationDay } from './page-date';
import { loadTooltipModule, type TooltipModule } from './tooltip/tooltip-loader';

const HAN_CHARACTERS = /\p{Script=Han}/gu;

export interface TooltipContext {
  settings(): Settings;
  hover(): HoverTracker | undefined;
  /** The browser's interface language. */
  uiLanguage(): string;
  /** Whether a stretch of the page reads as Traditional Chinese. */
  looksTraditional(text: string): boolean;
}

export class TooltipController {
  private module: TooltipModule | undefined;
  private host: InstanceType<TooltipModule['TooltipHost']> | undefined;
  /** Bumped whenever the tooltip is hidden, so a show waiting for the module can tell it is stale. */
  private generation = 0;
  /** The page's publication day, read on the first hover (undefined: not yet read; null: none). */
  private pageDate: string | null | undefined;

  constructor(private readonly context: TooltipContext) {}

  /** Whether `target` is inside the tooltip (the pointer moving onto it keeps it open). */
  contains(target: EventTarget | null): boolean {
    return this.host?.contains(target) ?? false;
  }

  hide(): void {
    this.generation++;
    this.host?.hide();
  }

  /** Takes the tooltip off the page (ChipLens turned off here). */
  destroy(): void {
    this.generation++;
    this.host?.destroy();
  }

  /** Shows `mention`'s card at `anchor`; `announce` reads it out (keyboard stepping). */
  async show(mention: PageMention, anchor: DOMRect, announce = false): Promise<void> {
    const generation = ++this.generation;
    const lang = this.language(mention);
    const text =
      mention.range.startContainer === mention.range.endContainer
        ? (mention.range.startContainer as Text).data.slice(mention.range.startOffset, mention.range.endOffset)
        : mention.id;
    let module: TooltipModule;
    try {
      module = await this.load();
    } catch (error) {
      console.warn('ChipLens: the tooltip could not be loaded.', error);
      return;
    }
    // Hidden (or another shown) while the module loaded.
    if (generation !== this.generation || !this.host) return;
    const token = this.host.show({ phase: 'loading', title: text, kind: mention.kind }, lang, anchor, { announce });
    try {
      const view = await entryView(mention.id);
      if (this.pageDate === undefined) this.pageDate = pagePublicationDay() ?? null;
      // A version of a model ("Qwen3-Max") gets a card about that version, not the family's.
      const options = { ...(this.pageDate ? { pageDate: this.pageDate } : {}), ...(mention.variant && text !== mention.id ? { variant: text } : {}) };
      const card = view ? module.buildEntryCard(view, lang, options) : undefined;
      this.host.update(token, card ? { phase: 'ready', card } : { phase: 'missing', title: text, kind: mention.kind }, lang);
    } catch {
      this.host.update(token, { phase: 'missing', title: text, kind: mention.kind }, lang);
    }
  }

  private async load(): Promise<TooltipModule> {
    this.module ??= await loadTooltipModule();
    const module = this.module;
    this.host ??= new module.TooltipHost({
      close: () => this.context.hover()?.hideNow(),
      pin: () => {
        this.context.hover()?.pin();
        this.host?.refresh();
      },
      isPinned: () => this.context.hover()?.isPinned() ?? false,
      more: (id) => void ask({ type: 'open-entry', id }).catch(() => undefined),
      report: (id) => void ask({ type: 'report-problem', id }).catch(() => undefined),
    });
    return module;
  }

  /** The tooltip's language: the page's, the browser's, or the one the user fixed. */
  private language(mention: PageMention): DisplayLanguage {
    const chosen = this.context.settings().tooltipLanguage;
    switch (chosen) {
      case 'page': {
        const declared = document.documentElement.lang;
        const around = mention.range.startContainer.parentElement?.textContent?.slice(0, 500) ?? '';
        const chinese = () => (this.context.looksTraditional(around) ? 'zh-TW' : 'zh');
        // A page that declares no language, written in Chinese: the script decides.
        if (!declared) return (around.match(HAN_CHARACTERS)?.length ?? 0) >= 10 ? chinese() : displayLanguage(navigator.language);
        const lang = displayLanguage(declared);
        // Chinese with no script or region declared: Traditional if the text around the name is.
        return lang === 'zh' && !/[-_]/.test(declared) ? chinese() : lang;
      }
      case 'interface':
        return displayLanguage(this.context.uiLanguage());
      default:
        return chosen;
    }
  }
}
