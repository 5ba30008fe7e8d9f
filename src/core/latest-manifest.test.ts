import { describe, expect, it } from 'vitest';
import { parseLatest } from './latest-manifest';

describe('parseLatest', () => {
  it('says what is wrong with a notice that is not an object, with no field before it', () => {
    expect(parseLatest('latest')).toEqual({ ok: false, error: 'Invalid type: Expected Object but received "latest"' });
  });

  it('names the field of a notice that is wrong', () => {
    expect(parseLatest({ format: 3 })).toEqual({ ok: false, error: 'format: latest.json format must be 2' });
  });
});
