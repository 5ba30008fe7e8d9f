import { describe, expect, it } from 'vitest';
import { generateSigningKey, keyIdOf, publicJwk, sha256Hex, signBytes, verifyBytes } from './dataset-signature';

const bytes = new TextEncoder().encode('{"format":1,"version":2026112901}');

describe('dataset signatures', () => {
  it('verifies what the key signed, and nothing else', async () => {
    const key = await generateSigningKey();
    const other = await generateSigningKey();
    const signature = await signBytes(bytes, key.privateJwk);
    expect(await verifyBytes(bytes, signature, key.publicJwk)).toBe(true);
    const tampered = bytes.slice();
    tampered[5] = tampered[5]! ^ 1;
    expect(await verifyBytes(tampered, signature, key.publicJwk)).toBe(false);
    expect(await verifyBytes(bytes, signature, other.publicJwk)).toBe(false);
  });

  it('says no to malformed signatures and keys instead of throwing', async () => {
    const key = await generateSigningKey();
    expect(await verifyBytes(bytes, 'not base64!', key.publicJwk)).toBe(false);
    expect(await verifyBytes(bytes, btoa('short'), key.publicJwk)).toBe(false);
    expect(await verifyBytes(bytes, await signBytes(bytes, key.privateJwk), { ...key.publicJwk, x: 'AAAA' })).toBe(false);
  });

  it('names a key by a fingerprint of its public part only', async () => {
    const key = await generateSigningKey();
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(await keyIdOf(key.privateJwk)).toBe(key.keyId);
    expect(await keyIdOf(key.publicJwk)).toBe(key.keyId);
    expect(publicJwk(key.privateJwk)).not.toHaveProperty('d');
  });

  it('hashes like sha256sum', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('publicJwk: what counts as a P-256 public key', () => {
  it('refuses a key of another type or curve, or one missing a coordinate', async () => {
    const key = await generateSigningKey();
    const good = key.publicJwk as JsonWebKey;
    expect(publicJwk(good)).toEqual(key.publicJwk);
    for (const bad of [
      { ...good, kty: 'RSA' },
      { ...good, crv: 'P-384' },
      { ...good, x: '' },
      { ...good, y: undefined },
    ]) {
      expect(() => publicJwk(bad), JSON.stringify(bad)).toThrow('not an ECDSA P-256 key');
    }
  });

  it('says no, without throwing, to a signature of the right length under a key that is not P-256', async () => {
    const key = await generateSigningKey();
    const signature = await signBytes(bytes, key.privateJwk);
    expect(await verifyBytes(bytes, signature, { ...key.publicJwk, crv: 'P-384' } as unknown as typeof key.publicJwk)).toBe(false);
  });
});
