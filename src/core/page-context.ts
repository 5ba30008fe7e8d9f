// What one page has confirmed so far, so that a context-dependent alias in
// one paragraph ("H20") counts as supported by a mention in another
// ("NVIDIA"), whichever comes first. The content script and the eval both
// read blocks through it, so they agree on what a page shows.
import type { AliasTableEntry } from './alias-table';
import type { MatchResult } from './matcher';

export class PageContext<Block> {
  /** Entries mentioned somewhere on the page. */
  readonly confirmed = new Set<number>();
  /** Blocks holding unsupported context-dependent aliases, with their entries. */
  private readonly waiting = new Map<Block, number[]>();

  constructor(private readonly table: { entries: AliasTableEntry[] }) {}

  /**
   * Notes what `block` yielded. Returns the blocks worth reading again
   * because this one confirmed an entry that their deferred aliases needed.
   */
  record(block: Block, result: MatchResult): Block[] {
    const fresh = new Set<number>();
    for (const mention of result.mentions) {
      if (!this.confirmed.has(mention.entry)) fresh.add(mention.entry);
      this.confirmed.add(mention.entry);
    }
    // A block may be read in parts (text around a nested block): keep them all.
    if (result.deferred.length > 0) this.waiting.set(block, [...new Set([...(this.waiting.get(block) ?? []), ...result.deferred])]);
    if (fresh.size === 0) return [];
    const again: Block[] = [];
    for (const [other, deferred] of this.waiting) {
      if (other === block || !deferred.some((entry) => this.supportedBy(entry, fresh))) continue;
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

  /** How many blocks wait for support. */
  get waitingCount(): number {
    return this.waiting.size;
  }

  clear(): void {
    this.confirmed.clear();
    this.waiting.clear();
  }

  private supportedBy(entry: number, fresh: ReadonlySet<number>): boolean {
    return fresh.has(entry) || (this.table.entries[entry]?.supporters ?? []).some((s) => fresh.has(s));
  }
}
