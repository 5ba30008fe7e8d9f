import { describe, expect, it } from 'vitest';
import { parseUpdateConfig } from './update-config';

const KEY = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };
const valid = {
  latestUrl: 'https://chiplens.github.io/dataset/latest.json',
  productionKeyId: '0123456789abcdef',
  trustedKeys: { '0123456789abcdef': KEY, fedcba9876543210: KEY },
  timeoutSeconds: 20,
};
const error = (change: Record<string, unknown>) => {
  const result = parseUpdateConfig({ ...valid, ...change });
  return result.ok ? undefined : result.error;
};

describe('the update configuration', () => {
  it('accepts a valid configuration, with or without a next key', () => {
    expect(parseUpdateConfig(valid)).toEqual({ ok: true, value: valid });
    expect(parseUpdateConfig({ ...valid, nextKeyId: 'fedcba9876543210' }).ok).toBe(true);
    expect(error({ latestUrl: 'http://127.0.0.1:8080/latest.json' })).toBeUndefined();
  });

  it('refuses an address other than https, except on 127.0.0.1 for tests', () => {
    expect(error({ latestUrl: 'http://chiplens.github.io/dataset/latest.json' })).toContain('latestUrl must use https');
    expect(error({ latestUrl: 'http://127.0.0.1.example.com/latest.json' })).toContain('latestUrl must use https');
    expect(error({ latestUrl: 'not a url' })).toBeDefined();
  });

  it('refuses key ids that are not 16 hex digits, and a production or next key that is not trusted', () => {
    expect(error({ productionKeyId: '0123456789ABCDEF' })).toBeDefined();
    expect(error({ productionKeyId: '0123456789abcde' })).toBeDefined();
    expect(error({ productionKeyId: '1111111111111111' })).toContain('productionKeyId must be one of trustedKeys');
    expect(error({ nextKeyId: '2222222222222222' })).toContain('nextKeyId must be another of trustedKeys');
    expect(error({ nextKeyId: '0123456789abcdef' })).toContain('nextKeyId must be another of trustedKeys');
    expect(error({ trustedKeys: { short: KEY } })).toBeDefined();
  });

  it('takes only P-256 public keys, and nothing it does not know', () => {
    expect(error({ trustedKeys: { '0123456789abcdef': { ...KEY, crv: 'P-384' } } })).toBeDefined();
    expect(error({ trustedKeys: { '0123456789abcdef': { ...KEY, d: 'private half' } } })).toBeDefined();
    expect(error({ extra: true })).toBeDefined();
  });

  it('holds the timeout between 1 and 120 seconds', () => {
    expect(error({ timeoutSeconds: 1 })).toBeUndefined();
    expect(error({ timeoutSeconds: 120 })).toBeUndefined();
    expect(error({ timeoutSeconds: 0 })).toBeDefined();
    expect(error({ timeoutSeconds: 121 })).toBeDefined();
  });
});
