// Finds every alias of the dataset in a text in one pass (Aho-Corasick over
// normalised text), then keeps the leftmost-longest non-overlapping matches
// that stand on word boundaries and, for acronyms, in the right case.
// Aliases the data marks as context-dependent ("H20", "EAR", "Kimi") are kept
// only where the text or the page supports them; a maker right before its
// product ("Huawei Ascend 910C", "阿里Qwen") joins the product's mention.
import { hanNumeralsAsDigits } from './han-numerals';
import { isMatchTable, matchTableOf, type AliasTable, type MatchTable, type PatternInfo } from './alias-table';
import { Automaton, Hits } from './automaton';
import { HanFold } from './han-fold';
import { isSpacedWordAt, isWordCharAt, normalizeKey, normalizeText, sourceEnd, sourceStart } from './normalize';

export interface Mention {
  /** Offsets in the original text, end exclusive. */
  start: number;
  end: number;
  /** Index into the alias table's `entries`. */
  entry: number;
  /**
   * A version or edition written after a model's name ("Qwen3-Max" for the
   * Qwen family): the mention names a variant of the entry, not the entry.
   */
  variant?: true;
}

export interface MatchResult {
  mentions: Mention[];
  /**
   * Entries whose context-dependent aliases occur in the text but were not
   * supported: a later mention of a supporter on the page may change that.
   */
  deferred: number[];
  /** Set when the text holds a topic word ("chips", "出口管制"): the page counts it towards being on topic. */
  topicWord?: true;
}

interface Candidate {
  start: number;
  end: number;
  pattern: number;
}

/** A stretch of text with every entry an alias there could name. */
interface Span {
  start: number;
  end: number;
  patterns: PatternInfo[];
  entry: number;
  /** Set when a model's version or edition ran the span on past its alias. */
  variant?: true;
}

const NONE: ReadonlySet<number> = new Set();

/** What the rest of the page tells a passage: entries mentioned there, and whether it is on topic. */
export interface PageSupport {
  has(entry: number): boolean;
  /** Set when the page as a whole is about chips (see PageContext): broad names need no more. */
  readonly onTopic?: boolean;
}

export interface MatcherOptions {
  /**
   * Broad names (Google, Apple, a ministry) only where the passage or the
   * page is on topic. On unless the reader asks for every known name
   * everywhere.
   */
  topicGate?: boolean;
}

export class Matcher {
  readonly table: MatchTable;
  private readonly automaton: Automaton;
  /** Where scans put their hits, reused from one text to the next. */
  private readonly hits = new Hits();
  /** Traditional characters folded to Simplified, as the table's patterns were. */
  readonly fold: HanFold;

  /** Whether broad names wait for a passage or page on topic. */
  readonly topicGate: boolean;

  /** With `automaton` compiled from this table's patterns and cues (stored-table); without, it is built here. */
  constructor(table: MatchTable | AliasTable, automaton?: Automaton, options: MatcherOptions = {}) {
    this.table = isMatchTable(table) ? table : matchTableOf(table);
    this.automaton = automaton ?? Automaton.build(this.table.texts());
    this.fold = new HanFold(this.table.hanFold);
    this.topicGate = options.topicGate ?? true;
  }

  /** All mentions in `text`, in order, none overlapping. */
  findMentions(text: string, page?: PageSupport): Mention[] {
    return this.match(text, page).mentions;
  }

  /**
   * Mentions in `text`, given the entries already confirmed elsewhere on the
   * page (they support context-dependent aliases here).
   */
  match(text: string, page?: PageSupport): MatchResult {
    const normalized = normalizeText(text);
    // Folding and reading Chinese digits keep every unit in place, so the
    // offset maps still hold.
    const folded = { ...normalized, text: hanNumeralsAsDigits(this.fold.apply(normalized.text)) };
    this.automaton.scan(folded.text, this.hits);
    // Stryker disable next-line ConditionalExpression: a shortcut; without hits the steps below find and defer nothing either
    if (this.hits.length === 0) return { mentions: [], deferred: [] };
    const aliases: Candidate[] = [];
    let cued: Set<number> | undefined;
    let topicWord = false;
    const patternCount = this.table.aliasCount;
    const { values, length } = this.hits;
    const lengths = this.automaton.lengths;
    for (let k = 0; k < length; k += 2) {
      const end = values[k]!;
      const index = values[k + 1]!;
      const start = end - lengths[index]!;
      const pattern = this.table.pattern(index);
      if (!this.onWordBoundary(folded.text, start, end, pattern)) continue;
      if (pattern.cased !== undefined) {
        // Case is checked on the original stretch, normalised without folding
        // unless it already reads exactly as the alias.
        const original = text.slice(sourceStart(folded, start), sourceEnd(folded, end - 1));
        // Stryker disable next-line ConditionalExpression: a shortcut; an original that reads as the alias normalises and folds to it as well
        if (original !== pattern.cased && this.fold.apply(normalizeKey(original, false)) !== pattern.cased) continue;
      }
      if (index >= patternCount) {
        cued ??= new Set<number>();
        cued.add(pattern.entry);
        // Stryker disable next-line ArrayDeclaration: cued holds entry numbers, and a made-up text in it is never asked for
        for (const entry of pattern.also ?? []) cued.add(entry);
        if (pattern.topic) topicWord = true;
      } else aliases.push({ start, end, pattern: index });
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; insideLink finds no link in a text without '://' or 'www.'
    const mayHoldLinks = folded.text.includes('://') || folded.text.includes('www.');
    const { spans, deferred } = this.resolve(
      this.spans(aliases).filter((span) => !mayHoldLinks || !insideLink(folded.text, span.start)),
      cued ?? NONE,
      topicWord,
      page,
    );
    const mentions = this.join(spans, folded.text).map((span): Mention => {
      const marked = hasTitleMarks(folded.text, span);
      return {
        start: sourceStart(folded, marked ? span.start + 1 : span.start),
        end: sourceEnd(folded, marked ? span.end - 2 : span.end - 1),
        entry: span.entry,
        ...(span.variant ? { variant: true } : {}),
      };
    });
    return topicWord ? { mentions, deferred, topicWord } : { mentions, deferred };
  }

  /** Leftmost-longest spans; aliases of the same stretch are kept together. */
  private spans(candidates: Candidate[]): Span[] {
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const spans: Span[] = [];
    let reach = 0;
    for (const candidate of candidates) {
      const pattern = this.table.pattern(candidate.pattern);
      const last = spans[spans.length - 1];
      if (last && last.start === candidate.start && last.end === candidate.end) {
        last.patterns.push(pattern);
        continue;
      }
      if (candidate.start < reach) continue;
      spans.push({ start: candidate.start, end: candidate.end, patterns: [pattern], entry: -1 });
      reach = candidate.end;
    }
    return spans;
  }

  // A span is certain when its only alias needs no context and its entry is
  // not a broad name. Others wait for support: their entry confirmed on the
  // page or in this text, one of its supporters (related entries)
  // confirmed, or one of its cue words in this text. Each newly confirmed
  // entry may support another, so this repeats. A broad name also needs
  // the topic: a topic word or a mention of another name in this text, a
  // page on topic, or its own earlier mention on topic.
  private resolve(spans: Span[], cued: ReadonlySet<number>, topicWord: boolean, page?: PageSupport): { spans: Span[]; deferred: number[] } {
    const entries = this.table.entries;
    const gated = (entry: number) => this.topicGate && entries[entry]!.broad === true;
    // Confirmed here, on top of the page's set (which is not copied: it can
    // hold hundreds of entries, and this runs for every paragraph).
    let open: Span[] | undefined;
    for (const span of spans) {
      // Stryker disable next-line ConditionalExpression: a shortcut; a span with one certain alias is taken by the fallback below all the same, and support is looked for again after it
      const only = span.patterns.length === 1 ? span.patterns[0]! : undefined;
      // Stryker disable next-line ConditionalExpression: the same shortcut
      if (only && !only.needsContext && !gated(only.entry)) span.entry = only.entry;
      else {
        open ??= [];
        open.push(span);
      }
    }
    // Most paragraphs hold only certain spans: nothing more to decide.
    if (!open) return { spans, deferred: [] };
    const here = new Set<number>();
    let topical = topicWord || page?.onTopic === true;
    const add = (entry: number) => {
      here.add(entry);
      if (entries[entry]!.broad !== true) topical = true;
    };
    for (const span of spans) if (span.entry >= 0) add(span.entry);
    const confirmed = (entry: number) => here.has(entry) || page?.has(entry) === true;
    // A broad name already shown on this page as on topic counts again. Its
    // own context words do not put it on topic: "iPhone" tells that 苹果 is
    // Apple, not that the passage is about chips.
    const onTopic = (entry: number) => !gated(entry) || topical || confirmed(entry);
    // The page's own mentions say more than a cue word: an ambiguous
    // spelling goes to the entry they support before one a word hints at.
    // Stryker disable next-line ArrayDeclaration: a made-up supporter is in no set of confirmed entry numbers
    const known = (p: PatternInfo) => onTopic(p.entry) && (confirmed(p.entry) || (entries[p.entry]!.supporters ?? []).some((s) => confirmed(s)));
    const supported = (p: PatternInfo) => known(p) || (onTopic(p.entry) && cued.has(p.entry));
    // A spelling that needs no context falls back to its first such entry:
    // other names first, so that they can put a broad one on topic. What a
    // fallback confirms may support another spelling in turn ("METI", then
    // "the end-user list"), so support is looked for again after each.
    const fallBack = (broadToo: boolean): boolean => {
      let found = false;
      for (const span of open) {
        if (span.entry >= 0) continue;
        const fallback = span.patterns.find((p) => !p.needsContext && onTopic(p.entry));
        // Stryker disable next-line ConditionalExpression,BooleanLiteral: a broad name is taken only once on topic, and a name taken later in the same call makes the next call take it: the same spans either way
        if (!fallback || (!broadToo && gated(fallback.entry))) continue;
        span.entry = fallback.entry;
        add(fallback.entry);
        found = true;
      }
      return found;
    };
    // Stryker disable next-line ConditionalExpression,EqualityOperator: one more pass over spans already decided changes nothing and ends the loop
    for (let progress = true; progress && open.some((s) => s.entry < 0); ) {
      progress = false;
      for (const span of open) {
        if (span.entry >= 0) continue;
        const choice = span.patterns.find(known) ?? span.patterns.find(supported);
        if (choice) {
          span.entry = choice.entry;
          add(choice.entry);
          progress = true;
        }
      }
      // Stryker disable next-line BooleanLiteral: the same, whichever call comes first
      if (!progress) progress = fallBack(false) || fallBack(true);
    }
    const deferred = new Set<number>();
    for (const span of open) if (span.entry < 0) for (const p of span.patterns) deferred.add(p.entry);
    return { spans: spans.filter((s) => s.entry >= 0), deferred: [...deferred] };
  }

  // Neighbouring spans that name one thing become one mention: the same
  // entry twice in a row ("千问Qwen"), or a maker right before its product
  // ("Huawei Ascend 910C", "华为昇腾910B"). A model name runs on over a
  // version number written straight after it ("文心大模型5.0").
  private join(spans: Span[], text: string): Span[] {
    const out: Span[] = [];
    // Where the last span ended before a version or form ran it on.
    let bareEnd = 0;
    for (const span of spans) {
      // "Seed" or "Opus" names a model only with a version after it ("Seed 2.0").
      if (span.patterns.every((p) => p.withVersion) && !hasVersionAfter(text, span.end)) continue;
      let previous = out[out.length - 1];
      // What ran on may not swallow the next name: in "ChatGPT-o3", o3 is a model of its own.
      if (previous && span.start < previous.end) {
        previous.end = bareEnd;
        delete previous.variant;
        // Stryker disable next-line ConditionalExpression: spans do not overlap, so none starts before where the last one's own text ended
        if (span.start < previous.end) continue;
      }
      previous = out[out.length - 1];
      if (previous && this.joins(previous, span, text.slice(previous.end, span.start))) {
        previous.end = span.end;
        previous.entry = span.entry;
        previous.patterns = span.patterns;
      } else out.push(span);
      const last = out[out.length - 1]!;
      bareEnd = last.end;
      const kind = this.table.entries[last.entry]!.kind;
      if (kind === 'model') {
        // An alias that is a version of the model ("Qwen3-Max") is a variant too.
        const versionAlias = last.patterns.some((p) => p.entry === last.entry && p.variant);
        const brandEnd = largeModelEnd(text, last.end);
        const end = versionEnd(text, brandEnd, versionAlias);
        if (end > brandEnd || versionAlias) last.variant = true;
        last.end = end;
      } else if (kind === 'chip') {
        last.end = rackEnd(text, last.end);
      } else if (kind === 'rule') {
        last.end = actYearEnd(text, paragraphEnd(text, last.end));
      } else {
        // A company: the kinds are model, chip, rule and company.
        const nameEnd = legalFormEnd(text, last.end);
        last.end = hanLegalFormEnd(text, nameEnd);
        const before = out[out.length - 2];
        const broad = this.table.entries[last.entry]!.broad === true;
        // A city is part of a registered name, with its form ("上海华虹集团"),
        // and a country of a broad body's ("中國商務部"); before a bare name
        // it says where the company is ("体量较小的上海寒武纪").
        if (broad || last.end > nameEnd) last.start = hanPlaceStart(text, last.start, before ? before.end : 0, broad);
        if (broad) last.start = countryStart(text, last.start, before ? before.end : 0);
      }
    }
    return out;
  }

  // A maker written before its product joins it ("Nvidia H20", "华为昇腾");
  // the same name twice stays two mentions ("ASML ASML.AS", "Nvidia輝達").
  private joins(previous: Span, span: Span, gap: string): boolean {
    const entries = this.table.entries;
    const next = entries[span.entry]!;
    if ((gap === '' || gap === ' ') && next.maker === previous.entry) return true;
    // A maker's family name before another of its models is one mention of
    // that model: "Qwen-QwQ-32B", "ChatGPT-o3-mini".
    const before = entries[previous.entry]!;
    return (
      (gap === '' || gap === ' ' || gap === '-') && before.kind === 'model' && next.kind === 'model' && next.maker !== undefined && next.maker === before.maker
    );
  }

  // Latin and Cyrillic names must not be part of a longer word ("EAR" in
  // "YEAR", "H20" in "H200"); Chinese has no spaces, so CJK neighbours are fine.
  // A model name may run straight into its version ("Qwen3").
  private onWordBoundary(text: string, start: number, end: number, pattern: PatternInfo): boolean {
    // Tested here first: most hits are Latin or Cyrillic, and this runs for every hit.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: shortcuts; the common words are all Han, from U+4E00 on, so splitsHanWord finds none elsewhere
    if ((text.charCodeAt(start) >= 0x3400 && splitsHanWord(text, start)) || (text.charCodeAt(end) >= 0x3400 && splitsHanWord(text, end))) return false;
    if (isSpacedWordAt(text, start) && isSpacedWordAt(text, start - 1)) return false;
    if (isSpacedWordAt(text, end - 1) && isSpacedWordAt(text, end)) {
      const kind = this.table.entries[pattern.entry]!.kind;
      // "H100s": a plural of a chip whose name ends in a number.
      if (kind === 'chip' && text[end] === 's' && DIGIT.test(text[end - 1]!) && !isSpacedWordAt(text, end + 1)) return true;
      return kind === 'model' && versionEnd(text, end) > end;
    }
    return true;
  }
}

// Chinese has no spaces, so a name may end inside a longer word: "高通" in
// "高通胀" (high inflation), "出口管制法" in "出口管制法令" (export-control
// laws), "海光" in "上海光源". Common words that a name's first or last
// character starts or ends, each with the characters after it that make the
// split right after all ("出口管制法规定": the law stipulates). Normalised
// text is folded to Simplified.
const HAN_WORDS: ReadonlyMap<string, string> = new Map([
  ['通胀', ''],
  ['通过', ''],
  ['通常', ''],
  ['法令', ''],
  ['法规', '定'],
  ['法律', ''],
  ['法院', ''],
  ['上海', ''],
  // 联通 (China Unicom) in 互联通信 (interconnect), 澜起 (Montage) in 波澜起伏 (ups and downs).
  ['互联', ''],
  ['波澜', ''],
]);

/** Whether a name starting or ending at `at` would split one of those words. */
function splitsHanWord(text: string, at: number): boolean {
  // The caller has checked that a Han character (or later) stands at `at`.
  // Stryker disable next-line ConditionalExpression: a shortcut; at 0 the slice below is at most one character, in no word
  if (at === 0) return false;
  const unless = HAN_WORDS.get(text.slice(at - 1, at + 1));
  if (unless === undefined) return false;
  const next = text[at + 1];
  // Stryker disable next-line ConditionalExpression: no exception holds the text "undefined", so includes(undefined) is false as well
  return next === undefined || !unless.includes(next);
}

/**
 * An alias written with Chinese title marks ("《网络安全法》", so that a bare
 * 网络安全法 elsewhere is not taken for China's) names the law inside them:
 * the marks are punctuation, left out of the mention.
 */
function hasTitleMarks(text: string, span: Span): boolean {
  // Stryker disable next-line LogicalOperator,ConditionalExpression,EqualityOperator,ArithmeticOperator: the aliases written with title marks open and close them around a name, and no other span starts or ends with one
  return text[span.start] === '《' && text[span.end - 1] === '》' && span.end - span.start > 2;
}

// An export control classification number may name its paragraph
// ("3A090.a", "4A090.b.1"): the paragraph is part of the mention.
const ECCN_END = /\d[a-e]\d{3}$/;
const PARAGRAPH = /\.[a-z](?:\.\d{1,2})?(?![a-z0-9])/y;

/** Where an ECCN's paragraph written after it ends; `at` when there is none. */
function paragraphEnd(text: string, at: number): number {
  // Stryker disable next-line MethodExpression,ConditionalExpression: ECCN_END reads the end of the slice, the same from 0 as from at - 5; PARAGRAPH itself starts with the full stop
  if (text[at] !== '.' || !ECCN_END.test(text.slice(Math.max(0, at - 5), at))) return at;
  return at + lengthAt(PARAGRAPH, text, at);
}

// A statute's title may carry its year ("the Trade Expansion Act of 1962",
// "the COINS Act of 2025"): the year is part of the name.
const ACT_YEAR = / of (?:19|20)\d\d(?!\d)/y;

/** Where the year after an act's name ending at `at` ends; `at` when there is none. */
function actYearEnd(text: string, at: number): number {
  if (!text.endsWith('act', at) || isWordCharAt(text, at - 4)) return at;
  return at + lengthAt(ACT_YEAR, text, at);
}

/** Whether `at` lies in a web address written out in the text ("https://…/huawei-ascend", "www.x.com"). */
function insideLink(text: string, at: number): boolean {
  // Normalised text has only plain spaces. Bounded: Chinese runs without
  // spaces must not make this quadratic.
  // Stryker disable next-line ArithmeticOperator: the two characters from `at` are a name's (no alias is shorter or has a space second), so no space is found there
  const start = Math.max(text.lastIndexOf(' ', at - 1) + 1, at - 300);
  const token = text.slice(start, at);
  return token.includes('://') || token.startsWith('www.');
}

// A company's legal form belongs to its name: "Sophgo Technologies Ltd",
// "Nvidia Corp", "Samsung Electronics Co". The full stop is left out, as it
// may end the sentence. Read word by word rather than by a regular
// expression: the engine compiles one that tells letters of every script
// apart on a page's first company name, 3-4 ms of cold work.
const LEGAL_FORMS: ReadonlySet<string> = new Set(['inc', 'corp', 'corporation', 'co', 'ltd', 'limited', 'llc', 'plc', 'ag', 'se', 'nv', 'sa', 'jsc']);
const BEFORE_LEGAL_FORM: ReadonlySet<string> = new Set(['technologies', 'technology', 'holdings', 'group', 'electronics']);

/** Where the run of ASCII lower-case letters from `at` ends (normalised text is folded). */
function latinWordEnd(text: string, at: number): number {
  let end = at;
  // Stryker disable next-line EqualityOperator: no legal form, nor word before one, has a "z"
  for (let code = text.charCodeAt(end); code >= 0x61 && code <= 0x7a; code = text.charCodeAt(++end));
  return end;
}

/** Where a legal form written after the name ending at `at` ends; `at` when there is none. */
function legalFormEnd(text: string, at: number): number {
  if (text[at] !== ' ') return at;
  let end = latinWordEnd(text, at + 1);
  if (BEFORE_LEGAL_FORM.has(text.slice(at + 1, end)) && text[end] === ' ') {
    const start = end + 1;
    end = latinWordEnd(text, start);
    if (!LEGAL_FORMS.has(text.slice(start, end))) return at;
  } else if (!LEGAL_FORMS.has(text.slice(at + 1, end))) return at;
  // A whole word: "Co-founder" and "Corpus" are not legal forms.
  if (text[end] === '-' || isWordCharAt(text, end)) return at;
  // "Co., Ltd", "Co. Ltd", "JSC Ltd": a second form after a comma or a space.
  const comma = text.startsWith('., ', end) ? end + 3 : text.startsWith(', ', end) || text.startsWith('. ', end) ? end + 2 : text[end] === ' ' ? end + 1 : -1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: from -1 the word below is empty, which is no legal form
  if (comma > 0) {
    const second = latinWordEnd(text, comma);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty word is no legal form either
    if (second > comma && LEGAL_FORMS.has(text.slice(comma, second)) && !isWordCharAt(text, second)) return second;
  }
  return end;
}

// Chinese company names carry their form glued on: "寒武纪科技", "腾讯控股",
// "浪潮集团", "…科技有限公司". A generic noun is not part of the name
// ("华为公司", as "Huawei's company"), nor is "科技股" (tech stocks, unlike "科技股价", its share price).
// Normalised text is folded to Simplified, so "集團" reads "集团" here.
const HAN_LEGAL_FORMS = /(?:科技股份有限公司|科技有限公司|股份有限公司|有限责任公司|有限公司|科技集团|科技(?!股(?!价))|集团|控股|股份)/y;
const HAN = /\p{Script=Han}/u;

// A registered name may put what the company does and its city, in
// brackets, before the form: "摩尔线程智能科技（北京）股份有限公司",
// "沐曦集成电路(上海)股份有限公司", or shortened to "公司" after the trade
// ("杭州深度求索人工智能公司"). Taken in only when a form follows.
const HAN_TRADE = /(?:人工智能|智能科技|信息技术|集成电路|半导体|微电子|电子|智能|技术)?/y;
const HAN_BRACKETED_PLACE = /(?:[(（]\p{Script=Han}{2,3}[)）])?/uy;
const HAN_FULL_FORMS = /(?:股份有限公司|有限责任公司|有限公司|公司)/y;

/** Where a Chinese company name's glued form ends; `at` when there is none. */
function hanLegalFormEnd(text: string, at: number): number {
  // Stryker disable next-line ConditionalExpression: at 0, text[-1] is undefined, which is no Han character either
  if (at === 0 || !HAN.test(text[at - 1]!)) return at;
  const trade = lengthAt(HAN_TRADE, text, at);
  const place = lengthAt(HAN_BRACKETED_PLACE, text, at + trade);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; every full form is a glued form below too
  if (trade + place > 0) {
    const form = lengthAt(HAN_FULL_FORMS, text, at + trade + place);
    if (form > 0) return at + trade + place + form;
  }
  return at + lengthAt(HAN_LEGAL_FORMS, text, at);
}

// A Chinese company's registered name starts with its city, glued on:
// "北京中科寒武纪科技", "上海华虹集团", "杭州深度求索人工智能公司". The city
// belongs to the name when its legal form follows (see the caller).
// Taiwan's press puts the mainland before Beijing's bodies the same way
// ("大陸商務部", "中共商務部"), and the press at large the country, before a
// ministry or regulator (a broad name: "中國商務部"; a company's "中国"
// is more often a nickname, "中國超微" for a Chinese AMD).
const HAN_PLACES: ReadonlySet<string> = new Set([
  '大陆',
  '中共',
  '北京',
  '上海',
  '深圳',
  '杭州',
  '广州',
  '南京',
  '苏州',
  '合肥',
  '无锡',
  '武汉',
  '成都',
  '西安',
  '天津',
  '重庆',
  '长沙',
  '厦门',
  '珠海',
  '青岛',
  '香港',
  '台北',
  '新竹',
  '台中',
  '台南',
  '高雄',
]);

/** Where a Chinese company name starts once a city glued before it is taken in; `at` when there is none (or it would reach back past `floor`). */
function hanPlaceStart(text: string, at: number, floor: number, broad: boolean): number {
  // Stryker disable next-line StringLiteral: a mention never starts at the end of the text, so text[at] is always there
  if (at - 2 < floor || !HAN.test(text[at] ?? '')) return at;
  const place = text.slice(at - 2, at);
  return HAN_PLACES.has(place) || (broad && place === '中国') ? at - 2 : at;
}

// English names a ministry or regulator with its country's possessive:
// "China's Ministry of Commerce", "Japan's Ministry of Economy, Trade and
// Industry". The country belongs to the body's name (a broad name only: "China's
// Huawei" is the company alone). Normalised text is lower case, with one apostrophe.
const COUNTRIES = ['china', 'japan', 'korea', 'taiwan', 'malaysia', 'singapore', 'india', 'germany', 'france', 'britain', 'russia', 'vietnam'];

/** Where a ministry's name starts once a country's possessive before it is taken in; `at` when there is none. */
function countryStart(text: string, at: number, floor: number): number {
  if (text[at - 1] !== ' ' || text[at - 2] !== 's' || text[at - 3] !== "'") return at;
  for (const country of COUNTRIES) {
    const start = at - 3 - country.length;
    if (start >= floor && text.startsWith(country, start) && !isWordCharAt(text, start - 1)) return start;
  }
  return at;
}

// A Chinese model brand takes "大模型" (large model) as part of its name,
// with any version after it: "混元大模型", "讯飞星火大模型1.0". Other
// generic nouns stay out ("豆包视觉理解模型", Doubao's visual model).
const LARGE_MODEL = '大模型';

/** Where a Chinese model name ends once "大模型" glued after it is taken in; `at` when it is not there. */
function largeModelEnd(text: string, at: number): number {
  // A mention is never empty, so `at` is past its first character.
  return HAN.test(text[at - 1]!) && text.startsWith(LARGE_MODEL, at) ? at + LARGE_MODEL.length : at;
}

// A chip's rack-scale system takes its size after it: "GB300 NVL72",
// "NVIDIA GB200 NVL72", "Rubin Ultra NVL576". Normalised text is lower case.
const RACK = / nvl\d{1,3}(?![\p{L}\p{N}])/uy;

/** Where a chip's name ends once a rack size after it is taken in; `at` when there is none. */
function rackEnd(text: string, at: number): number {
  return at + lengthAt(RACK, text, at);
}

/** The length of what sticky `pattern` matches at `at` (0 if nothing). */
function lengthAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}

// How model names carry versions and editions: "Qwen3", "Qwen 2.5-Max",
// "Llama-3.1-405B", "文心大模型5.0", "Qwen-Turbo". A version is a small number
// (so "Qwen 2025" stays "Qwen"); an edition is a dash and a size or a common
// tier. After a version, a tier may also follow a space ("Claude 4.5
// Sonnet", "Gemini 2.5 Pro", "豆包1.5 pro", "Llama 4 Scout"), and straight
// after a Chinese name a Latin tier is glued on ("豆包Pro").
// Apart from the name, a version may carry a one-letter series ("Kimi
// k1.5") and a size in billions ("Qwen 72B", "Qwen-7B"), and after a dash a
// letter goes with a size only ("Hunyuan-A13B", its active parameters):
// "ChatGPT-o3" names another model. A version may end in a letter that
// names an edition ("GPT-4o", "GLM-4v"); a size in billions is one ("72B").
// Once a tier has shown the dash starts an edition, a size or code may
// follow it too ("Qwen-Coder-7B", "Doubao-Seed-1.6").
// Chinese sites often space the dash ("Qwen3.5 - Plus", "Gemini - 3 - pro").
const VERSION = / (?:[a-z](?=\d))?\d{1,2}(?:\.\d+)*[a-z]?|(?: - |-)(?:[a-z](?=\d{1,2}b))?\d{1,2}(?:\.\d+)*[a-z]?|\d{1,2}(?:\.\d+)*/y;
/**
 * Tiers and sub-brands written after a dash ("Qwen-Max", "Qwen3-Coder-Plus",
 * "R1-Zero", "GLM-Image", "Hunyuan-Large"): words that name an edition of
 * a model, never the adjectives a dash also makes ("Qwen-based", "GPT-style").
 */
const DASHED_TIERS =
  'max|pro|plus|turbo|mini|flash|coder|instruct|chat|base|vl|omni|thinking|think|preview|lite|long|zero|high|low|' +
  'image|vision|video|audio|voice|speech|math|moe|air|ultra|nano|large|medium|small|reasoner|ocr|embedding|edge|seed|character|realtime|next|exp|' +
  'codex|speciale|terminus|distill|instant';
/** After a version: a size or code ("-72b", "-0.8b", "-v4") or a tier. */
const EDITIONS = new RegExp(`(?:(?: - |-)(?:[a-z]*\\d[a-z0-9]*(?:\\.\\d+[a-z]*)?|${DASHED_TIERS}))+`, 'y');
/** Without a version: tiers only. */
const TIER_EDITIONS = new RegExp(`(?:(?: - |-)(?:${DASHED_TIERS}))+`, 'y');
const TIER = /(?:pro|max|plus|turbo|mini|flash|lite|thinking|preview|sonnet|opus|haiku|ultra|nano|instruct|coder|scout|maverick|behemoth)/y;
const DIGIT = /\d/;
/** Chinese units a number takes in a date or a count: year, month, day, quarter, hundred million, ten thousand, times, piece. */
const HAN_UNITS = /[年月日号季亿万倍个]/;
const POINT_RELEASE = /(?:\.\d{1,2})+(?![\d.]*\d)/y;

/**
 * Where a model name's version and edition, written straight after it, end;
 * `at` when there are none. `versioned`: the alias already names a version
 * ("Qwen3-Coder"), so sizes and codes may follow it ("Qwen3-Coder-480B").
 */
function versionEnd(text: string, at: number, versioned = false): number {
  const next = text.charCodeAt(at);
  // A name that ends in a digit ("Qwen3", "GPT-4") already has its version,
  // and a point release may follow ("DeepSeek V3.1", "GPT-4.5").
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a name ends before `at`, which is never 0 (and text[-1] is no digit)
  const endsInDigit = at > 0 && DIGIT.test(text[at - 1]!);
  // Stryker disable next-line ConditionalExpression: POINT_RELEASE itself starts with the full stop
  if (endsInDigit && next === 0x2e) at += lengthAt(POINT_RELEASE, text, at);
  const after = text.charCodeAt(at);
  // "豆包Pro": a Latin tier glued to a Chinese name.
  // Stryker disable next-line EqualityOperator,ConditionalExpression: `at` is never 0 (text[-1] is no Han), no tier starts with "a" or "z", and none with a character past "z"
  if (at > 0 && HAN.test(text[at - 1]!) && after >= 0x61 && after <= 0x7a) return tierEnd(text, at, at);
  // Nothing else can follow but a space, a dash or a digit.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; a version, an edition or a tier starts with nothing else
  if (after !== 0x20 && after !== 0x2d && !(after >= 0x30 && after <= 0x39)) return at;
  let end = at;
  if (!endsInDigit && !versioned) end += Math.min(16, lengthAt(VERSION, text, end));
  // A number that a Chinese unit follows is a date or a count, not a version: "混元3月初" (early March).
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: with no version read, end is at already; past the text's end no unit stands, whatever stands in for it
  if (end > at && HAN_UNITS.test(text[end] ?? '')) end = at;
  versioned ||= end > at || endsInDigit;
  // Without a version only tiers follow ("Qwen-Turbo"): "ChatGPT-o3" names
  // another model. After a tier, sizes and codes may ("Qwen-Coder-7B").
  if (versioned) end += Math.min(40, lengthAt(EDITIONS, text, end));
  else {
    const tiers = Math.min(40, lengthAt(TIER_EDITIONS, text, end));
    if (tiers > 0) end += tiers + Math.min(40, lengthAt(EDITIONS, text, end + tiers));
  }
  if (versioned && text[end] === ' ') end = tierEnd(text, end + 1, end);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when end is at, either branch gives at
  return end > at && !isSpacedWordAt(text, end) ? end : at;
}

// A name that is an everyday word on its own counts with a one-digit
// version after it ("Seed 2.0", "Opus 4.5"): "Opus 10" is a musical work.
const SMALL_VERSION = /[ -]?\d(?![\d,])/y;

/** Whether a one-digit version, and so a model's version, is written straight after `at`. */
function hasVersionAfter(text: string, at: number): boolean {
  return lengthAt(SMALL_VERSION, text, at) > 0 && versionEnd(text, at) > at;
}

/** Where a tier word at `from` (and any editions after it) ends, as a whole word; `none` when there is none. */
function tierEnd(text: string, from: number, none: number): number {
  const length = lengthAt(TIER, text, from);
  if (length === 0) return none;
  const end = from + length;
  const after = end + Math.min(40, lengthAt(EDITIONS, text, end));
  return isSpacedWordAt(text, after) ? none : after;
}
