import type { DuplicateGroup, ExistingTest, NearDuplicatePair } from '../core/existing-test.ts';
import { jaccard, type Similarity, type SimilarityScorer } from './similarity.ts';
import {
  assertionSignature,
  behaviourKey,
  isAutomated,
  manualLiterals,
  refOf,
  requestSignature,
  stepSignature,
  stepsText,
  uiSignature,
} from './test-signature.ts';

export interface NearDuplicateOptions {
  /** Combined similarity (0–1) from which two tests are reported. */
  threshold: number;
  similarity: Similarity;
}

export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.75;
/** For autotests what they check weighs more than how their steps are worded. */
const TEXT_WEIGHT = 0.3;

/**
 * Pairs of tests that test the same thing in other words. Only tests with the same behaviour
 * are compared: autotests sending the same requests (same inputs, same expected statuses) or
 * doing the same UI actions, manual cases naming the same values. So the many negative tests
 * of one operation, alike in wording but each with its own invalid input, are never paired.
 */
export async function findNearDuplicates(
  tests: readonly ExistingTest[],
  exact: readonly DuplicateGroup[],
  options: NearDuplicateOptions,
): Promise<NearDuplicatePair[]> {
  const removable = new Set(exact.flatMap((group) => group.duplicates.map((ref) => ref.id)));
  const candidates = tests.filter((test) => !removable.has(test.id));
  const score = await options.similarity.fit(candidates.map(stepsText));
  const pairs: NearDuplicatePair[] = [];
  for (const bucket of buckets(candidates)) {
    for (const [i, j] of await pairsToCompare(
      bucket,
      score,
      minTextScore(candidates[bucket[0]!]!, options.threshold),
    )) {
      const pair = compare(candidates, i, j, score);
      if (pair.similarity >= options.threshold) pairs.push(pair);
    }
  }
  return pairs.sort((a, b) => b.similarity - a.similarity || a.tests[0].id.localeCompare(b.tests[0].id));
}

/** Indexes of tests that may duplicate each other: same framework and same behaviour. */
function buckets(tests: readonly ExistingTest[]): number[][] {
  const groups = new Map<string, number[]>();
  tests.forEach((test, index) => {
    const behaviour = isAutomated(test) ? `auto\n${behaviourKey(test)}` : `manual\n${manualLiterals(test)}`;
    const key = `${test.framework}\n${behaviour}`;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * The pairs of a bucket worth scoring, in the order of comparing every pair. A bucket can hold
 * thousands of manual cases (all without values); comparing all their pairs was O(n²), so the
 * scorer's candidate index (when it has one) leaves out pairs that cannot reach `minScore`.
 */
async function pairsToCompare(
  bucket: number[],
  score: SimilarityScorer,
  minScore: number,
): Promise<[number, number][]> {
  if (score.candidates) return score.candidates(bucket, minScore);
  const pairs: [number, number][] = [];
  for (let i = 0; i < bucket.length; i++)
    for (let j = i + 1; j < bucket.length; j++) pairs.push([bucket[i]!, bucket[j]!]);
  return pairs;
}

/**
 * The lowest text score that can still reach the threshold: all of it for manual cases, what
 * is left after perfectly alike checks for autotests; a little lower for the 3-decimal rounding.
 */
function minTextScore(test: ExistingTest, threshold: number): number {
  const needed = isAutomated(test) ? (threshold - (1 - TEXT_WEIGHT)) / TEXT_WEIGHT : threshold;
  return needed - 0.01;
}

function compare(
  tests: readonly ExistingTest[],
  i: number,
  j: number,
  score: (a: number, b: number) => number,
): NearDuplicatePair {
  const [a, b] = [tests[i]!, tests[j]!];
  const text = round(score(i, j));
  const automated = isAutomated(a);
  const structure = round(jaccard(structureOf(a), structureOf(b)));
  const similarity = automated ? round(TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * structure) : text;
  return {
    tests: [refOf(a), refOf(b)],
    similarity,
    textSimilarity: text,
    structureSimilarity: structure,
    reason: automated
      ? `same ${inputsOf(a)}; step texts ${percent(text)} alike, checks ${percent(structure)} alike`
      : `steps and expected results ${percent(text)} alike, with the same values`,
  };
}

function structureOf(test: ExistingTest): Set<string> {
  if (!isAutomated(test)) return new Set(test.steps.map(stepSignature));
  return new Set([
    ...test.requests.map(requestSignature),
    ...test.assertions.map(assertionSignature),
    ...test.uiActions.map(uiSignature),
  ]);
}

function inputsOf(test: ExistingTest): string {
  const requests = test.requests.map(
    (request) => `${request.method} ${request.path} → ${request.expectedStatuses.join('/') || 'any status'}`,
  );
  return requests.length > 0 ? `requests (${requests.join(', ')}) with the same data` : 'UI actions';
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
