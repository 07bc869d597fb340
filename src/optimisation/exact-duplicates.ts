import type { DuplicateGroup, ExistingTest } from '../core/existing-test.ts';
import { exactFingerprint, refOf } from './test-signature.ts';

/**
 * Tests of one framework that do and check exactly the same after normalising whitespace,
 * case and generated names: titles aside. The best-kept copy stays (see keepFirst); the rest can go.
 * A manual case and the autotest that automates it are not duplicates (different frameworks).
 */
export function findExactDuplicates(tests: readonly ExistingTest[]): DuplicateGroup[] {
  const groups = new Map<string, ExistingTest[]>();
  for (const test of tests) {
    const fingerprint = exactFingerprint(test);
    // An empty test matches every other empty one without duplicating anything.
    if (fingerprint === '') continue;
    const key = `${test.framework}\n${fingerprint}`;
    const group = groups.get(key);
    if (group) group.push(test);
    else groups.set(key, [test]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => [...group].sort(keepFirst))
    .map(([keep, ...duplicates]) => ({
      keep: refOf(keep!),
      duplicates: duplicates.map(refOf),
      reason: describe(keep!),
    }))
    .sort((a, b) => byLocation(a.keep, b.keep));
}

function describe(test: ExistingTest): string {
  const parts = [
    test.steps.length > 0 ? `${test.steps.length} step(s)` : '',
    test.requests.length > 0 ? `${test.requests.length} request(s)` : '',
    test.uiActions.length > 0 ? `${test.uiActions.length} UI action(s)` : '',
    test.assertions.length > 0 ? `${test.assertions.length} assertion(s)` : '',
  ].filter(Boolean);
  return `same ${parts.join(', ')} once whitespace, case and generated names are normalised`;
}

const PRIORITY_ORDER = ['critical', 'normal', 'low', undefined];

/** The copy to keep: highest priority, then most links and tags (the better-kept one), then the first. */
function keepFirst(a: ExistingTest, b: ExistingTest): number {
  return (
    PRIORITY_ORDER.indexOf(a.labels.priority) - PRIORITY_ORDER.indexOf(b.labels.priority) ||
    b.labels.links.length + b.labels.tags.length - (a.labels.links.length + a.labels.tags.length) ||
    byLocation(a, b)
  );
}

export function byLocation(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}
