// What one page has confirmed so far, so that a context-dependent alias in
// one paragraph ("H20") counts as supported by a mention in another
// ("NVIDIA"), whichever comes first, and whether the page is on topic, so
// that a broad name ("Google") in one paragraph counts once the page has
// shown it is about chips. The content script and the eval both read
// blocks through it, so they agree on what a page shows.
import type { AliasTableEntry } from './alias-table';
import type { MatchResult, PageSupport } from './matcher';

/**
 * Distinct names other than broad ones, or passages with a topic word, that
 * make a page on topic. One is not enough: a page about anything may link
 * one chip story in a sidebar.
 */
const ON_TOPIC_NAMES = 2;

export class PageContext<Block> implements PageSupport {
  /** Entries mentioned somewhere on the page. */
  readonly confirmed = new Set<number>();
  /** How many of them are not broad names. */
  private topical = 0;
  /** Blocks holding a topic word (kept only up to the number that puts the page on topic). */
  private readonly topicBlocks = new Set<Block>();
  /** Blocks holding unsupported context-dependent aliases, with their entries. */
  private readonly waiting = new Map<Block, number[]>();

  constructor(private readonly table: { entries: AliasTableEntry[] }) {}

  /**
   * Notes what `block` yielded. Returns the blocks worth reading again
   * because this one confirmed an entry that their deferred aliases needed.
   */
  record(block: Block, result: MatchResult): Block[] {
    const fresh = new Set<number>();
    const wasOnTopic = this.onTopic;
    if (result.topicWord) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound only keeps the set small; the page is on topic from the second block on either way
      if (this.topicBlocks.size < ON_TOPIC_NAMES) this.topicBlocks.add(block);
    }
    for (const mention of result.mentions) {
      if (this.confirmed.has(mention.entry)) continue;
      fresh.add(mention.entry);
      this.confirmed.add(mention.entry);
      // Stryker disable next-line OptionalChaining: mentions come from a matcher over this table, so their entries are in it
      if (this.table.entries[mention.entry]?.broad !== true) this.topical++;
    }
    const becameOnTopic = !wasOnTopic && this.onTopic;
    // A block may be read in parts (text around a nested block): keep them all.
    // Stryker disable next-line ArrayDeclaration: a made-up entry among the deferred ones is never confirmed, so it reads no block again
    if (result.deferred.length > 0) this.waiting.set(block, [...new Set([...(this.waiting.get(block) ?? []), ...result.deferred])]);
    // Stryker disable next-line ConditionalExpression: a shortcut; with nothing fresh and the page not just on topic, no waiting block qualifies below
    if (fresh.size === 0 && !becameOnTopic) return [];
    const again: Block[] = [];
    for (const [other, deferred] of this.waiting) {
      // Stryker disable next-line OptionalChaining: deferred entries come from a matcher over this table, so they are in it
      if (other === block || !deferred.some((entry) => this.supportedBy(entry, fresh) || (becameOnTopic && this.table.entries[entry]?.broad === true)))
        continue;
      this.waiting.delete(other);
      again.push(other);
    }
    return again;
  }

  /** Drops the blocks that are gone or about to be read again. */
  forgetWhere(test: (block: Block) => boolean): void {
    for (const block of this.waiting.keys()) if (test(block)) this.waiting.delete(block);
  }

  /** Drops one block (it is about to be read again). */
  forget(block: Block): void {
    this.waiting.delete(block);
  }

  has(entry: number): boolean {
    return this.confirmed.has(entry);
  }

  /**
   * Whether the page has shown it is about chips, by two names or by two
   * passages with a topic word: broad names count anywhere on it.
   */
  get onTopic(): boolean {
    return this.topical >= ON_TOPIC_NAMES || this.topicBlocks.size >= ON_TOPIC_NAMES;
  }

  /** How many blocks wait for support. */
  get waitingCount(): number {
    return this.waiting.size;
  }

  clear(): void {
    this.confirmed.clear();
    this.topical = 0;
    this.topicBlocks.clear();
    this.waiting.clear();
  }

  private supportedBy(entry: number, fresh: ReadonlySet<number>): boolean {
    // Stryker disable next-line ArrayDeclaration,OptionalChaining: a made-up supporter is never fresh; deferred entries come from a matcher over this table
    return fresh.has(entry) || (this.table.entries[entry]?.supporters ?? []).some((s) => fresh.has(s));
  }
}
