import type { ExistingTest } from '../../src/core/existing-test.ts';

// Manual cases as the optimiser reads them back from Allure TestOps as code: most open the same
// page and check one thing; every tenth is a reworded copy of another (a near duplicate), every
// fiftieth a verbatim copy (an exact one), some expect the opposite of a sibling (a conflict).

const THINGS = ['the total', 'the disk line', 'the VAT note', 'the region list', 'the estimate', 'the badge'];
const OUTCOMES = ['is shown', 'is hidden', 'is updated', 'is saved', 'is rejected'];

export function manualTests(count: number): ExistingTest[] {
  const random = seededRandom(5);
  return Array.from({ length: count }, (_, index) => {
    const source =
      index % 10 === 9 || index % 50 === 49 ? index - 1 - random.int(0, Math.min(index - 1, 40)) : index;
    const seeded = seededRandom(source + 1);
    const act = `Add ${seeded.pick(THINGS)} number ${letters(source)} to the estimate`;
    const reworded = index % 10 === 9 && index % 50 !== 49 ? 'then' : 'and';
    const expected = `${seeded.pick(THINGS)} ${seeded.pick(OUTCOMES)} ${reworded} the page stays open`;
    return manualCase(index, [
      { phase: 'arrange', text: 'Open the price calculator', expected: undefined, line: 1 },
      { phase: 'act', text: act, expected: undefined, line: 2 },
      { phase: 'assert', text: 'Check the result', expected, line: 3 },
    ]);
  });
}

/** A linear congruential generator: the same cases for the same count, run after run. */
function seededRandom(seed: number): { int(min: number, max: number): number; pick<T>(items: T[]): T } {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

function letters(index: number): string {
  let word = '';
  for (let rest = index; word.length < 3 || rest > 0; rest = Math.floor(rest / 26))
    word += String.fromCharCode(97 + (rest % 26));
  return word;
}

/** One manual case as read back from Allure TestOps as code, with the given steps. */
export function manualCase(index: number, steps: ExistingTest['steps']): ExistingTest {
  return {
    id: `tests/test_cases.py::TestCases::test_${index}`,
    file: 'tests/test_cases.py',
    framework: 'allure-manual',
    name: `test_${index}`,
    title: `Case ${index}`,
    description: undefined,
    suitePath: ['TestCases'],
    line: 10 * index + 1,
    endLine: 10 * index + 9,
    labels: {
      feature: 'Price calculator',
      story: undefined,
      suite: 'UI',
      owner: 'qa',
      priority: undefined,
      tags: [],
      links: [],
      operations: [],
      covers: [],
      caseId: undefined,
      skipped: false,
    },
    steps,
    requests: [],
    uiActions: [],
    assertions: [],
  };
}
