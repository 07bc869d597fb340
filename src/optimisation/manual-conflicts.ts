import type { ConflictingTests, ExistingTest } from '../core/existing-test.ts';
import { conflict } from './conflicting-tests.ts';
import { literalsOf, normaliseText } from './normalise.ts';
import { isAutomated } from './test-signature.ts';

/** Words that state an outcome, by the outcome they state: "is disabled" contradicts "is enabled". */
const OUTCOMES: [RegExp, string][] = [
  [/\b(enabled|active|clickable)\b/, '+enabled'],
  [/\b(disabled|inactive|greyed out)\b/, '-enabled'],
  [/\b(visible|shown|displayed|appears)\b/, '+visible'],
  [/\b(hidden|not shown|not displayed|disappears|absent)\b/, '-visible'],
  [/\b(accepted|saved|succeeds|success|created|allowed)\b/, '+accepted'],
  [/\b(rejected|refused|fails|error|denied|not allowed|forbidden|validation message)\b/, '-accepted'],
];

/**
 * Manual cases with the same preconditions and actions whose expected results contradict:
 * different values (`total 1 000 ₽` vs `total 1 200 ₽`) or opposite outcomes (`accepted` vs
 * `rejected`). Reworded but compatible expectations are not conflicts.
 */
export function findManualConflicts(tests: readonly ExistingTest[]): ConflictingTests[] {
  const byActions = new Map<string, ExistingTest[]>();
  for (const test of tests.filter((candidate) => !isAutomated(candidate))) {
    const key = actionsOf(test);
    if (key) byActions.set(key, [...(byActions.get(key) ?? []), test]);
  }
  return [...byActions].flatMap(([actions, group]) => {
    const contradicting = group.filter((test) =>
      group.some((other) => other !== test && contradicts(test, other)),
    );
    if (contradicting.length < 2) return [];
    const expectations = contradicting.map((test) => ({
      test,
      expected: expectedOf(test),
      line: firstAssertLine(test),
    }));
    return [conflict('manual', actions, expectations, 'the same steps expect contradicting results')];
  });
}

/** The arrange and act steps, normalised; undefined without an action to compare. */
function actionsOf(test: ExistingTest): string | undefined {
  const steps = test.steps.filter((step) => step.phase === 'arrange' || step.phase === 'act');
  if (!steps.some((step) => step.phase === 'act')) return undefined;
  return steps.map((step) => normaliseText(step.text)).join(' → ');
}

function expectedOf(test: ExistingTest): string {
  return test.steps
    .flatMap((step) => (step.phase === 'assert' ? [step.text, step.expected ?? ''] : [step.expected ?? '']))
    .filter(Boolean)
    .join('; ');
}

function contradicts(a: ExistingTest, b: ExistingTest): boolean {
  const [expectedA, expectedB] = [normaliseText(expectedOf(a)), normaliseText(expectedOf(b))];
  if (expectedA === expectedB || !expectedA || !expectedB) return false;
  const [valuesA, valuesB] = [literalsOf(expectedOf(a)).join('|'), literalsOf(expectedOf(b)).join('|')];
  if (valuesA && valuesB && valuesA !== valuesB) return true;
  const [outcomesA, outcomesB] = [outcomesOf(expectedA), outcomesOf(expectedB)];
  return [...outcomesA].some((outcome) => outcomesB.has(opposite(outcome)) && !outcomesB.has(outcome));
}

function outcomesOf(text: string): Set<string> {
  const outcomes = new Set<string>();
  for (const [pattern, outcome] of OUTCOMES) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) {
      // "is not enabled" states the opposite of "is enabled".
      const before = text.slice(Math.max(0, match.index - 16), match.index);
      outcomes.add(/\b(not|no longer|never)\s+(be\s+)?$/.test(before) ? opposite(outcome) : outcome);
    }
  }
  return outcomes;
}

function opposite(outcome: string): string {
  return outcome.startsWith('+') ? `-${outcome.slice(1)}` : `+${outcome.slice(1)}`;
}

function firstAssertLine(test: ExistingTest): number {
  return test.steps.find((step) => step.phase === 'assert' || step.expected)?.line ?? test.line;
}
