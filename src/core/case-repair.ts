/**
 * Repairs of generated tests that failed through a mistake of the test itself (a locator that
 * finds nothing, a missing setup step): what the run classified, what the model changed in the
 * case, and whether the changed case then passed every verification run. Stages and the report
 * speak these types; the repair vocabulary itself belongs to each case model's generator.
 */

/** Why a failed test is the test's fault, from the run's evidence. */
export const TEST_MISTAKES = [
  /** UI: no element matches the locator. */
  'locator-not-found',
  /** UI: the locator matches several elements. */
  'strict-mode-violation',
  /** UI: the element exists in the page model but was not visible when the test looked. */
  'element-not-visible',
  /** API: 404 on a resource the suite should have created first. */
  'missing-setup',
  /** API: 401 where the operation needs credentials the suite did not set up. */
  'missing-auth',
] as const;
export type TestMistake = (typeof TEST_MISTAKES)[number];

/**
 * `delivered`: the repaired case passed every run and replaced the original; `still-failing`:
 * it did not, and the original failure stands; `rejected`: the change named something the model
 * of the target does not have, or changed an expectation without evidence (never run);
 * `no-repair`: the model proposed no change; `model-unavailable`: the call failed.
 */
export type RepairOutcome = 'delivered' | 'still-failing' | 'rejected' | 'no-repair' | 'model-unavailable';

/** One repair attempt, as the run report lists it. */
export interface CaseRepair {
  /** The test's title. */
  test: string;
  mistake: TestMistake;
  /** The rule that classified the failure, in words. */
  reason: string;
  /** The change, one line per edit (`step 2: target heading → button-add-to-estimate`). */
  changes: string[];
  outcome: RepairOutcome;
  /** Why it was rejected, or how the re-run went (`passed 3 of 3 runs`). */
  detail: string;
}

/**
 * Why a model's repair cannot apply before its changes are read: an answer about another case, or
 * one that changes nothing. Both kinds of suite refuse the same two ways.
 */
export function repairAnswerRefusal(
  answer: { case: string; changes: readonly unknown[] },
  caseId: string,
): string | undefined {
  if (answer.case !== caseId) return `repairs case "${answer.case}", asked about "${caseId}"`;
  if (answer.changes.length === 0) return 'no change proposed';
  return undefined;
}
