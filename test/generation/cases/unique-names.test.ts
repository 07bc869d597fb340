import { describe, expect, it } from 'vitest';
import { UniqueNames } from '../../../src/generation/cases/unique-names.ts';

describe('UniqueNames', () => {
  it('gives repeats the smallest free suffix, ignoring case', () => {
    const names = new UniqueNames((base, n) => `${base} (${n})`);
    expect(['Title', 'title', 'Title (2)', 'TITLE', 'Other'].map((name) => names.take(name))).toEqual([
      'Title',
      'title (2)',
      'Title (2) (2)',
      'TITLE (3)',
      'Other',
    ]);
  });

  // 10,000 boundary cases with one title cost 50 million suffix checks before each base
  // remembered its last suffix (a 1 MB document took minutes).
  it('one title repeated 10,000 times builds each variant once, not once per earlier repeat', () => {
    let variants = 0;
    const names = new UniqueNames((base, n) => {
      variants += 1;
      return `${base} (${n})`;
    });
    const taken = Array.from({ length: 10_000 }, () => names.take('Number of instances: 99 is accepted'));
    expect(new Set(taken).size).toBe(10_000);
    expect(taken.at(-1)).toBe('Number of instances: 99 is accepted (10000)');
    expect(variants).toBe(9_999);
  });
});
