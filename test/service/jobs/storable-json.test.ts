import { describe, expect, it } from 'vitest';
import { storable } from '../../../src/service/jobs/storable-json.ts';

describe('storable', () => {
  it('replaces NUL and lone surrogates in values and keys, keeping surrogate pairs', () => {
    expect(storable({ 'a\u0000': ['x\ud800y', '\udc00', '😀'], n: 1, nested: { t: 'ok' } })).toEqual({
      'a\uFFFD': ['x\uFFFDy', '\uFFFD', '😀'],
      n: 1,
      nested: { t: 'ok' },
    });
  });

  it('returns clean values as they are', () => {
    const clean = { text: 'a\\u0000 written out is fine', list: [1, null, true] };
    expect(storable(clean)).toEqual(clean);
    expect(storable(undefined)).toBeUndefined();
  });
});
