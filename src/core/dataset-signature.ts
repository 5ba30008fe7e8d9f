// Signatures on published data: ECDSA P-256 over SHA-256 of exact bytes (the
// signed fields of latest.json, which hold the dataset file's SHA-256; see
// latest-manifest), as WebCrypto makes and checks them (in the service
// worker, in Node for publishing, in the tests). Keys travel as JWK;
// a key id is a short fingerprint of the public key, so latest.json can say
// which trusted key signed it and rotation needs no guessing.
import { fromBase64, toBase64 } from './base64';

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
  // Stryker disable next-line BooleanLiteral: an extractable key signs the same (not extractable is the safer choice, not a behaviour)
  const key = await crypto.subtle.importKey('jwk', privateJwk, ALGORITHM, false, ['sign']);
  return toBase64(new Uint8Array(await crypto.subtle.sign(SIGN, key, bytes)));
}

/** False for a wrong or malformed signature; never throws for bad input. */
export async function verifyBytes(bytes: Uint8Array<ArrayBuffer>, signature: string, jwk: PublicKeyJwk): Promise<boolean> {
  const raw = fromBase64(signature);
  // Stryker disable next-line ConditionalExpression: WebCrypto itself says no to a signature not 64 bytes long, and the catch below to a missing one
  if (raw?.length !== 64) return false;
  try {
    // Stryker disable next-line BooleanLiteral: an extractable key verifies the same (not extractable is the safer choice, not a behaviour)
    const key = await crypto.subtle.importKey('jwk', publicJwk(jwk), ALGORITHM, false, ['verify']);
    return await crypto.subtle.verify(SIGN, key, raw, bytes);
  } catch {
    return false;
  }
}
