// Signatures on published datasets: ECDSA P-256 over SHA-256 of the exact
// bytes of the dataset file, as WebCrypto makes and checks them (in the
// service worker, in Node for publishing, in the tests). Keys travel as JWK;
// a key id is a short fingerprint of the public key, so latest.json can say
// which trusted key signed it and rotation needs no guessing.
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface PublicKeyJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

function toHex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}

/** The public part of a key, in a fixed field order. */
export function publicJwk(jwk: JsonWebKey): PublicKeyJwk {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('not an ECDSA P-256 key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/** First 16 hex digits of the SHA-256 of the public key's canonical JSON. */
export async function keyIdOf(jwk: JsonWebKey): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(publicJwk(jwk)));
  return (await sha256Hex(bytes)).slice(0, 16);
}

export async function generateSigningKey(): Promise<{ privateJwk: JsonWebKey; publicJwk: PublicKeyJwk; keyId: string }> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { privateJwk, publicJwk: publicJwk(privateJwk), keyId: await keyIdOf(privateJwk) };
}

export async function signBytes(bytes: Uint8Array<ArrayBuffer>, privateJwk: JsonWebKey): Promise<string> {
  const key = await crypto.subtle.importKey('jwk', privateJwk, ALGORITHM, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign(SIGN, key, bytes)));
}

/** False for a wrong or malformed signature; never throws for bad input. */
export async function verifyBytes(bytes: Uint8Array<ArrayBuffer>, signature: string, jwk: PublicKeyJwk): Promise<boolean> {
  const raw = fromBase64(signature);
  if (!raw || raw.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey('jwk', publicJwk(jwk), ALGORITHM, false, ['verify']);
    return await crypto.subtle.verify(SIGN, key, raw, bytes);
  } catch {
    return false;
  }
}
