// The alias table as the background stores it for pages: the table and its
// compiled automaton in one compressed string. Every page reads it before
// its first highlight, and storage hands a page a string in time roughly
// proportional to its length: compressed, the table and automaton are about
// 90 KB instead of 570 KB as plain JSON with base64. The browser's own
// (de)compression streams do the work, mostly off the page's main thread.
//
// Layout before compression: the JSON's length (4 bytes, little-endian),
// the JSON, padding to a multiple of 4, then the automaton's bytes.
import { aliasTexts, isAliasTable, type AliasTable } from './alias-table';
import { Automaton } from './automaton';

export interface LoadedTable {
  table: AliasTable;
  /** Undefined when the stored automaton could not be read: the matcher then builds one. */
  automaton: Automaton | undefined;
}

export async function encodeStoredTable(table: AliasTable): Promise<string> {
  const { shape, bytes } = Automaton.build(aliasTexts(table)).toBytes();
  const json = new TextEncoder().encode(JSON.stringify({ ...table, automaton: shape }));
  const offset = automatonOffset(json.length);
  const packed = new Uint8Array(offset + bytes.length);
  new DataView(packed.buffer).setUint32(0, json.length, true);
  packed.set(json, 4);
  packed.set(bytes, offset);
  // zlib ("deflate") rather than raw deflate: its checksum catches a damaged copy.
  return toBase64(await transform(packed, new CompressionStream('deflate')));
}

/**
 * The table from what storage held, or undefined when it is not a usable
 * one. `busy` hears of each stretch spent on the calling thread (not the
 * wait for decompression, which the browser does elsewhere).
 */
export async function decodeStoredTable(value: unknown, busy: (start: number, end: number) => void = () => {}): Promise<LoadedTable | undefined> {
  if (typeof value !== 'string') return undefined;
  // Each step below runs in a task of its own, so none holds the page up long.
  const step = <T>(work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      busy(started, performance.now());
    }
  };
  let packed: Uint8Array;
  try {
    const compressed = step(() => fromBase64(value));
    packed = await transform(compressed, new DecompressionStream('deflate'));
  } catch {
    return undefined;
  }
  const table = step(() => readTable(packed));
  if (!table) return undefined;
  await nextTask();
  const automaton = step(() => readAutomaton(table, packed));
  return { table, automaton };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function automatonOffset(jsonLength: number): number {
  return 4 + jsonLength + ((4 - ((4 + jsonLength) % 4)) % 4);
}

function readTable(packed: Uint8Array): AliasTable | undefined {
  if (packed.length < 4) return undefined;
  const jsonLength = new DataView(packed.buffer, packed.byteOffset).getUint32(0, true);
  if (4 + jsonLength > packed.length) return undefined;
  try {
    const table: unknown = JSON.parse(new TextDecoder().decode(packed.subarray(4, 4 + jsonLength)));
    return isAliasTable(table) ? table : undefined;
  } catch {
    return undefined;
  }
}

function readAutomaton(table: AliasTable, packed: Uint8Array): Automaton | undefined {
  const jsonLength = new DataView(packed.buffer, packed.byteOffset).getUint32(0, true);
  try {
    if (table.automaton && table.automaton.patterns === table.patterns.length + table.cues.length) {
      return Automaton.fromBytes(table.automaton, packed.subarray(automatonOffset(jsonLength)));
    }
  } catch {
    // Built from the patterns instead: slower, but the page gets its highlights.
  }
  return undefined;
}

async function transform(input: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // Streamed from a Response, not a Blob: a Blob's bytes go out of the
  // page's process and back (77-84 ms against 36-58 ms for 90 KB in
  // one Chromium page test). Writing to the stream directly is faster still, but Firefox
  // refuses a content script's bytes there.
  const output = new Response(input as Uint8Array<ArrayBuffer>).body!.pipeThrough(stream);
  // Copied into a buffer of our own: in a Firefox content script the
  // response's buffer belongs to the page, and subarray() or slice() on a
  // view of it throws "Permission denied to access property constructor".
  const bytes = new Uint8Array(await new Response(output).arrayBuffer());
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  return own;
}

type Base64Array = typeof Uint8Array & { fromBase64?: (data: string) => Uint8Array };
type Base64Bytes = Uint8Array & { toBase64?: () => string };

// Native where the browser has it (Chromium 140+, Firefox 133+): far faster than a loop.
function fromBase64(data: string): Uint8Array {
  const native = (Uint8Array as Base64Array).fromBase64;
  if (native) return native(data);
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Bytes).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
