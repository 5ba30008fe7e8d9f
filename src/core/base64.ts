// Base64 for the stored name table (hundreds of kilobytes, read on every
// page) and for signatures. Native where the browser has it (Chromium 140+,
// Firefox 133+): far faster than a loop over a binary string.
type Base64Array = typeof Uint8Array & { fromBase64?: (data: string) => Uint8Array<ArrayBuffer> };
type Base64Bytes = Uint8Array & { toBase64?: () => string };

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Bytes).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The bytes, or undefined when `text` is not base64. Never throws. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const native = (Uint8Array as Base64Array).fromBase64;
    if (native) return native(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}
