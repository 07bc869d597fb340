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
    const group = key === undefined ? undefined : byActions.get(key);
    if (group) group.push(test);
    else if (key) byActions.set(key, [test]);
  }
  return [...byActions].flatMap(([actions, group]) => {
    const contradicting = contradictingTests(group.map(expectationOf));
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

interface Expectation {
  test: ExistingTest;
  /** Normalised expected results; '' when the case states none. */
  text: string;
  values: string;
  outcomes: Set<string>;
}

function expectationOf(test: ExistingTest): Expectation {
  const text = normaliseText(expectedOf(test));
  return { test, text, values: literalsOf(expectedOf(test)).join('|'), outcomes: outcomesOf(text) };
}

/**
 * The cases that contradict at least one other: one expecting other values, or an outcome the
 * other states the opposite of (without also stating it). Counted, not compared pairwise: a
 * thousand cases with the same steps were a million comparisons. Cases expecting the same
 * normalised text never contradict, so each count leaves out the cases with the case's own text.
 */
function contradictingTests(expectations: Expectation[]): ExistingTest[] {
  const stated = expectations.filter((expectation) => expectation.text !== '');
  const valued = new Counts();
  const answering = new Map<string, Counts>();
  for (const { text, values, outcomes } of stated) {
    if (values !== '') valued.add('', `text ${text}`, `values ${values}`, `both ${text}\n${values}`);
    for (const outcome of outcomes) {
      if (outcomes.has(opposite(outcome))) continue;
      const counts = answering.get(outcome) ?? new Counts();
      answering.set(outcome, counts.add('', `text ${text}`));
    }
  }
  const otherValues = ({ text, values }: Expectation) =>
    values !== '' &&
    valued.of('') -
      valued.of(`text ${text}`) -
      valued.of(`values ${values}`) +
      valued.of(`both ${text}\n${values}`) >
      0;
  // `outcome` here is contradicted by a case stating its opposite (and not the outcome itself).
  const otherOutcome = ({ text, outcomes }: Expectation) =>
    [...outcomes].some((outcome) => {
      const counts = answering.get(opposite(outcome));
      return counts !== undefined && counts.of('') - counts.of(`text ${text}`) > 0;
    });
  return stated
    .filter((expectation) => otherValues(expectation) || otherOutcome(expectation))
    .map(({ test }) => test);
}

class Counts {
  private readonly counts = new Map<string, number>();

  add(...keys: string[]): this {
    for (const key of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return this;
  }

  of(key: string): number {
    return this.counts.get(key) ?? 0;
  }
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
