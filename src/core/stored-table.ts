// The alias table as the background stores it for pages: the table and its
// compiled automaton in one compressed string. Every page reads it before
// its first highlight, so it is laid out to be read with as little work on
// the page's thread as possible:
// - compressed, as storage hands a page a string in time roughly
//   proportional to its length (about 105 KB instead of 530 KB in base64
//   uncompressed); the browser's own decompression streams do the work;
// - each pattern's entry and flags packed in 32-bit words rather than an
//   object per pattern in the JSON: parsing the objects took 5-20 ms of a
//   page's first moments (cold, on a 2-core machine); a pattern's object is
//   made when a page hits it. The patterns' texts, only needed to rebuild a
//   damaged automaton, are decoded only then.
//
// Layout before compression: the JSON's length (4 bytes, little-endian),
// the JSON, padding to a multiple of 4, the automaton's bytes and padding
// again, one 32-bit word per pattern (its entry times 2, plus 1 if it needs
// context), then the patterns' texts in UTF-8, joined by newlines
// (normalised text has none).
import { aliasTexts, ALIAS_TABLE_FORMAT, type AliasTable, type AliasTableEntry, type MatchTable, type PatternInfo } from './alias-table';
import { ENTRY_KINDS } from './dataset-schema';
import { Automaton, maxOf, type AutomatonShape } from './automaton';
import { toBase64 } from './base64';
import { deflate } from './deflate';
import { inflateStoredTable } from './stored-table-inflate';

export interface LoadedTable {
  table: MatchTable;
  /** Undefined when the stored automaton could not be read: the matcher then builds one. */
  automaton: Automaton | undefined;
}

/** The JSON part of a stored table. */
interface StoredHead {
  format: typeof ALIAS_TABLE_FORMAT;
  datasetVersion: number;
  entries: AliasTableEntry[];
  aliasCount: number;
  patternCount: number;
  /** Case-sensitive patterns: [number, text with case kept]. */
  cased: [number, string][];
  /** Cues that support further entries: [number, entries]. */
  also: [number, number[]][];
  /** Patterns that name a version of their model. */
  variants: number[];
  /** Patterns found only with a version after them. */
  withVersion: number[];
  /** Cues that are topic words. */
  topic: number[];
  automaton: AutomatonShape;
  /** Traditional-to-Simplified pairs (see HanFold). */
  hanFold: string;
}

const NEEDS_CONTEXT = 1;

export async function encodeStoredTable(table: AliasTable): Promise<string> {
  const all = [...table.patterns, ...table.cues];
  const { shape, bytes } = Automaton.build(aliasTexts(table)).toBytes();
  const head: StoredHead = {
    format: ALIAS_TABLE_FORMAT,
    datasetVersion: table.datasetVersion,
    entries: table.entries,
    aliasCount: table.patterns.length,
    patternCount: all.length,
    cased: all.flatMap((p, i): [number, string][] => (p.cased === undefined ? [] : [[i, p.cased]])),
    also: all.flatMap((p, i): [number, number[]][] => (p.also ? [[i, p.also]] : [])),
    variants: all.flatMap((p, i) => (p.variant ? [i] : [])),
    withVersion: all.flatMap((p, i) => (p.withVersion ? [i] : [])),
    topic: all.flatMap((p, i) => (p.topic ? [i] : [])),
    automaton: shape,
    hanFold: table.hanFold,
  };
  const json = new TextEncoder().encode(JSON.stringify(head));
  const words = Uint32Array.from(all, (p) => p.entry * 2 + (p.needsContext ? NEEDS_CONTEXT : 0));
  const texts = new TextEncoder().encode(all.map((p) => p.text).join('\n'));
  const offset = automatonOffset(json.length);
  const wordsAt = offset + padded(bytes.length);
  const packed = new Uint8Array(wordsAt + words.byteLength + texts.length);
  new DataView(packed.buffer).setUint32(0, json.length, true);
  packed.set(json, 4);
  packed.set(bytes, offset);
  packed.set(new Uint8Array(words.buffer), wordsAt);
  packed.set(texts, wordsAt + words.byteLength);
  return toBase64(await deflate(packed));
}

/**
 * The table from what storage held, or undefined when it is not a usable
 * one. `busy` hears of each stretch spent on the calling thread (not the
 * wait for decompression, which the browser does elsewhere).
 */
export async function decodeStoredTable(value: unknown, busy: (start: number, end: number) => void = () => {}): Promise<LoadedTable | undefined> {
  return readStoredTable(await inflateStoredTable(value, busy), busy);
}

/** The second half: the table and automaton from the inflated bytes. */
function readStoredTable(packed: Uint8Array | undefined, busy: (start: number, end: number) => void = () => {}): LoadedTable | undefined {
  if (!packed) return undefined;
  const started = performance.now();
  try {
    return readStored(packed);
  } finally {
    busy(started, performance.now());
  }
}

/** `length` rounded up to a multiple of 4, where 32-bit values can start. */
function padded(length: number): number {
  return length + ((4 - (length % 4)) % 4);
}

function automatonOffset(jsonLength: number): number {
  return padded(4 + jsonLength);
}

function readStored(packed: Uint8Array): LoadedTable | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: inflated bytes always start a buffer of their own (byteOffset 0), and four bytes hold no head either way
  if (packed.length < 4 || packed.byteOffset % 4 !== 0) return undefined;
  const jsonLength = new DataView(packed.buffer, packed.byteOffset).getUint32(0, true);
  const offset = automatonOffset(jsonLength);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the check that the words fit (textsAt, past offset) refuses the same copies
  if (offset > packed.length) return undefined;
  let head: unknown;
  try {
    // Stryker disable BlockStatement: the catch below, emptied, leaves head undefined, which isStoredHead refuses (restored after it)
    head = JSON.parse(new TextDecoder().decode(packed.subarray(4, 4 + jsonLength)));
  } catch {
    return undefined;
  }
  // Stryker restore BlockStatement
  if (!isStoredHead(head)) return undefined;
  const automatonBytes = Automaton.byteLength(head.automaton);
  const wordsAt = offset + padded(automatonBytes);
  const textsAt = wordsAt + 4 * head.patternCount;
  if (!(textsAt <= packed.length)) return undefined;
  const words = new Uint32Array(packed.buffer, packed.byteOffset + wordsAt, head.patternCount);
  if (maxOf(words) >>> 1 >= head.entries.length) return undefined;
  let texts: string[] | undefined;
  const textsOf = () => (texts ??= new TextDecoder().decode(packed.subarray(textsAt)).split('\n'));
  const table = packedTable(head, words, textsOf);
  try {
    // Stryker disable next-line StringLiteral: the message is never read; the catch below answers for every error
    if (head.automaton.patterns !== head.patternCount) throw new Error('the automaton finds other patterns');
    return { table, automaton: Automaton.fromBytes(head.automaton, packed.subarray(offset, offset + automatonBytes)) };
  } catch {
    // Built from the texts instead: slower, but the page gets its highlights.
    return textsOf().length === head.patternCount ? { table, automaton: undefined } : undefined;
  }
}

function packedTable(head: StoredHead, words: Uint32Array, texts: () => string[]): MatchTable {
  const cased = new Map(head.cased);
  const also = new Map(head.also);
  const variants = new Set(head.variants);
  const withVersion = new Set(head.withVersion);
  const topic = new Set(head.topic);
  const made: (PatternInfo | undefined)[] = [];
  return {
    datasetVersion: head.datasetVersion,
    entries: head.entries,
    aliasCount: head.aliasCount,
    patternCount: head.patternCount,
    hanFold: head.hanFold,
    pattern(index) {
      let info = made[index];
      // Stryker disable next-line ConditionalExpression: a cache; made again, the pattern's info is the same
      if (info) return info;
      const word = words[index]!;
      info = { entry: word >>> 1 };
      if (word & NEEDS_CONTEXT) info.needsContext = true;
      const casedText = cased.get(index);
      // Stryker disable next-line ConditionalExpression: cased set to undefined reads as no cased text
      if (casedText !== undefined) info.cased = casedText;
      const more = also.get(index);
      // Stryker disable next-line ConditionalExpression: also set to undefined reads as no supported entries
      if (more) info.also = more;
      if (variants.has(index)) info.variant = true;
      if (withVersion.has(index)) info.withVersion = true;
      if (topic.has(index)) info.topic = true;
      made[index] = info;
      return info;
    },
    texts,
  };
}

const KINDS: ReadonlySet<unknown> = new Set(ENTRY_KINDS);

/** A shape check of the JSON part: what the matcher relies on, entry by entry (a few hundred). */
function isStoredHead(value: unknown): value is StoredHead {
  const h = value as Partial<StoredHead> | null;
  if (typeof h !== 'object' || h === null || h.format !== ALIAS_TABLE_FORMAT || typeof h.datasetVersion !== 'number') return false;
  const { entries, aliasCount, patternCount, cased, also, variants, withVersion, topic, automaton, hanFold } = h;
  if (typeof hanFold !== 'string' || hanFold.length % 2 !== 0) return false;
  if (!Array.isArray(entries) || !Number.isInteger(aliasCount) || !Number.isInteger(patternCount)) return false;
  // Stryker disable next-line ConditionalExpression: an automaton shape that is not an object gives NaN lengths, which the check that the words fit refuses
  if (aliasCount! < 0 || aliasCount! > patternCount! || typeof automaton !== 'object' || automaton === null) return false;
  const isEntry = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < entries.length;
  const isPattern = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < patternCount!;
  return (
    entries.every(
      (e: Partial<AliasTableEntry> | null) =>
        // Stryker disable next-line ConditionalExpression: a value that is not an object has no id of its own (JSON holds no functions)
        typeof e === 'object' &&
        e !== null &&
        typeof e.id === 'string' &&
        KINDS.has(e.kind) &&
        (e.maker === undefined || isEntry(e.maker)) &&
        (e.supporters === undefined || (Array.isArray(e.supporters) && e.supporters.every(isEntry))) &&
        (e.broad === undefined || e.broad === true),
    ) &&
    Array.isArray(cased) &&
    cased.every((c) => Array.isArray(c) && isPattern(c[0]) && typeof c[1] === 'string') &&
    Array.isArray(also) &&
    also.every((a) => Array.isArray(a) && isPattern(a[0]) && Array.isArray(a[1]) && a[1].every(isEntry)) &&
    Array.isArray(variants) &&
    variants.every(isPattern) &&
    Array.isArray(withVersion) &&
    withVersion.every(isPattern) &&
    Array.isArray(topic) &&
    topic.every(isPattern)
  );
}
