// Compression and base64 for the stored alias table, by the browser's own
// streams. Kept apart from the table's layout so that the early read at
// document_start can inflate what storage hands it with no more code.

/** Firefox content scripts have cloneInto; their streams belong to the page. */
const pageOwnedStreams = typeof (globalThis as { cloneInto?: unknown }).cloneInto === 'function';

async function transform(input: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // Written to the stream directly: in one Chromium page test 90 KB took
  // 12-31 ms so, 36-58 ms streamed from a Response and 77-84 ms from a
  // Blob (whose bytes go out of the page's process and back). A Firefox
  // content script's bytes are refused by the page's stream ("Value could
  // not be converted"), so there they go through a Response.
  // Stryker disable next-line ConditionalExpression,BlockStatement: only Firefox content scripts take this branch; in Node both ways give the same bytes
  if (pageOwnedStreams) {
    const output = new Response(input as Uint8Array<ArrayBuffer>).body!.pipeThrough(stream);
    // Copied into a buffer of our own: in a Firefox content script the
    // response's buffer belongs to the page, and subarray() or slice() on a
    // view of it throws "Permission denied to access property constructor".
    const bytes = new Uint8Array(await new Response(output).arrayBuffer());
    const own = new Uint8Array(bytes.length);
    own.set(bytes);
    return own;
  }
  const writer = stream.writable.getWriter();
  // Not awaited: the stream only takes more once its output is read. A
  // failure shows when reading, so these rejections are only silenced.
  writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    length += read.value.length;
  }
  return concatBytes(chunks, length);
}

/** The chunks of a stream as one buffer; `length` is their total. */
export function concatBytes(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** zlib ("deflate") rather than raw deflate: its checksum catches a damaged copy. */
export function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  return transform(bytes, new CompressionStream('deflate'));
}

/** Rejects when the bytes are not a whole, undamaged zlib stream. */
export function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  return transform(bytes, new DecompressionStream('deflate'));
}
