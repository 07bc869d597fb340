import { describe, expect, it } from 'vitest';
import type { ExistingTest } from '../../src/core/existing-test.ts';
import { findManualConflicts } from '../../src/optimisation/manual-conflicts.ts';
import { manualCase } from './manual-tests.ts';

const EXPECTED = [
  'the button is enabled',
  'the button is disabled',
  'the button is not enabled',
  'the total is 100',
  'the total is 120',
  'the form is saved and shown',
  'the form is rejected',
  'the form is hidden',
  'it is visible',
  '',
];

/** Short ids (`t12`): the snapshot was recorded with them by the pairwise version. */
function conflictCase(index: number, action: string, expected: string[]): ExistingTest {
  const steps: ExistingTest['steps'] = [
    { phase: 'act', text: action, expected: undefined, line: 1 },
    ...expected.map((text, line) => ({
      phase: 'assert' as const,
      text: 'Check',
      expected: text,
      line: line + 2,
    })),
  ];
  return { ...manualCase(index, steps), id: `t${index}` };
}

function random(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  };
}

describe('manual conflicts at scale', () => {
  it('groups of cases with random expectations give the conflicts pairwise comparison gave', () => {
    // Recorded with the pairwise version on the same seeds: the ids of the contradicting cases.
    const next = random(5);
    const tests = Array.from({ length: 300 }, (_, index) =>
      conflictCase(
        index,
        `Open page ${next(3)}`,
        Array.from({ length: 1 + next(2) }, () => EXPECTED[next(EXPECTED.length)]!),
      ),
    );
    const conflicts = findManualConflicts(tests);
    expect(conflicts.map((found) => found.expectations.length)).toMatchSnapshot();
    expect(
      conflicts.map((found) => found.expectations.map((expectation) => expectation.test.id).join(' ')),
    ).toMatchSnapshot();
  });

  // Every case of a group was compared with every other (normalising both texts each time):
  // 5,000 cases with the same steps were 25 million comparisons.
  it('5,000 cases with the same steps and two expectations: every one contradicts', () => {
    const tests = Array.from({ length: 5_000 }, (_, index) =>
      conflictCase(index, 'Open the form', [index % 2 === 0 ? 'the form is saved' : 'the form is rejected']),
    );
    const [conflict] = findManualConflicts(tests);
    expect(conflict!.expectations).toHaveLength(5_000);
  });
});
