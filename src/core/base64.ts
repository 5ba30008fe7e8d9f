// Base64 for the stored name table (hundreds of kilobytes, read on every
// page) and for signatures. Native where the browser has it (Chromium 140+,
// Firefox 133+): far faster than a loop over a binary string.
type Base64Array = typeof Uint8Array & { fromBase64?: (data: string) => Uint8Array<ArrayBuffer> };
type Base64Bytes = Uint8Array & { toBase64?: () => string };

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Bytes).toBase64;
  // Stryker disable next-line ConditionalExpression: the native and the loop give the same text, and Node 20 has no native toBase64 (the browser tests run it)
  if (native) return native.call(bytes);
  let binary = '';
  // Stryker disable next-line EqualityOperator: a step one past the end takes an empty subarray, which adds nothing
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes, or undefined when `text` is not base64. Never throws. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const native = (Uint8Array as Base64Array).fromBase64;
    // Stryker disable next-line ConditionalExpression: the native and the loop give the same bytes, and Node 20 has no native fromBase64 (the browser tests run it)
    if (native) return native(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    // Stryker disable next-line EqualityOperator: a write one past the end of a typed array is dropped
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    // Stryker disable BlockStatement: the catch below, emptied, returns undefined too (a comment on its own line cannot lead it; nothing follows it in this file)
    return bytes;
  } catch {
    return undefined;
  }
}
