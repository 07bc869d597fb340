import { describe, expect, it } from 'vitest';
import { fieldAt, keptAt } from '../../../src/emit/playwright-ts/runtime/values.ts';

// What the emitted suite's read back (`expectFieldKept`) compares with the value it wrote.

describe('a written value read back', () => {
  it('is found inside the one object a server wraps the body in where the document puts none', () => {
    const enveloped = { version: 1, tagType: { description: 'd1', icon: null } };
    expect(keptAt(enveloped, 'description')).toBe('d1');
    // The plain comparison reads the documented place only.
    expect(fieldAt(enveloped, 'description')).toBeUndefined();
  });

  it('reads nothing when two objects hold the field, and the documented place when it is there', () => {
    expect(keptAt({ a: { description: 'd1' }, b: { description: 'd1' } }, 'description')).toBeUndefined();
    expect(keptAt({ description: 'd0', o: { description: 'd1' } }, 'description')).toBe('d0');
    expect(keptAt([{ description: 'd1' }], 'description')).toBeUndefined();
    expect(keptAt(undefined, 'description')).toBeUndefined();
  });
});
