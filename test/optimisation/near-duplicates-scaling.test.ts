import { describe, expect, it } from 'vitest';
import type { ExistingTest, TestRequest } from '../../src/core/existing-test.ts';
import { findExactDuplicates } from '../../src/optimisation/exact-duplicates.ts';
import { findNearDuplicates } from '../../src/optimisation/near-duplicates.ts';
import type { Similarity, SimilarityScorer } from '../../src/optimisation/similarity.ts';
import { TfIdfSimilarity } from '../../src/optimisation/tfidf-similarity.ts';
import { manualCase } from './manual-tests.ts';

const WORDS =
  'open configure disk instance region price total check shown saved error page estimate list'.split(' ');

function random(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  };
}

function phrase(next: (max: number) => number, length: number): string {
  return Array.from({ length }, () => WORDS[next(WORDS.length)]!).join(' ');
}

function stepsCase(index: number, steps: string[]): ExistingTest {
  return manualCase(
    index,
    steps.map((text, line) => ({ phase: 'act', text, expected: undefined, line })),
  );
}

function apiTest(index: number, steps: string[]): ExistingTest {
  const request: TestRequest = {
    method: 'POST',
    path: '/disks',
    query: undefined,
    pathParams: undefined,
    body: { size: 10 },
    auth: undefined,
    expectedStatuses: [201],
    context: [],
    line: 1,
  };
  return { ...stepsCase(index, steps), framework: 'pytest', requests: [request] };
}

/** The same similarity with its candidate index hidden: every pair of a bucket is compared. */
function comparingEveryPair(inner: Similarity): Similarity & { comparisons: () => number } {
  let comparisons = 0;
  return {
    name: inner.name,
    comparisons: () => comparisons,
    fit: async (documents) => {
      const score = await inner.fit(documents);
      return (a: number, b: number) => {
        comparisons += 1;
        return score(a, b);
      };
    },
  };
}

function counting(inner: Similarity): Similarity & { comparisons: () => number } {
  let comparisons = 0;
  return {
    name: inner.name,
    comparisons: () => comparisons,
    fit: async (documents) => {
      const score = await inner.fit(documents);
      const counted: SimilarityScorer = (a, b) => {
        comparisons += 1;
        return score(a, b);
      };
      counted.candidates = score.candidates;
      return counted;
    },
  };
}

/** A word of letters only (digits would be values, which put cases in separate buckets). */
function letters(index: number, salt = 0): string {
  let word = '';
  for (let rest = index + 1000 * salt; word.length < 4 || rest > 0; rest = Math.floor(rest / 26))
    word += String.fromCharCode(97 + (rest % 26));
  return word;
}

async function nearPairs(tests: ExistingTest[], similarity: Similarity, threshold = 0.75) {
  return findNearDuplicates(tests, findExactDuplicates(tests), { threshold, similarity });
}

describe('near duplicates at scale', () => {
  it('the candidate index finds exactly the pairs comparing every pair finds', async () => {
    const next = random(3);
    const tests = Array.from({ length: 400 }, (_, index) => {
      const steps = Array.from({ length: 1 + next(3) }, () => phrase(next, 2 + next(4)));
      return index % 4 === 0 ? apiTest(index, steps) : stepsCase(index, steps);
    });
    for (const threshold of [0.3, 0.6, 0.75, 0.9]) {
      const indexed = await nearPairs(tests, new TfIdfSimilarity(), threshold);
      expect(indexed).toEqual(await nearPairs(tests, comparingEveryPair(new TfIdfSimilarity()), threshold));
      expect(indexed.length).toBeGreaterThan(0);
    }
  });

  // 10,000 manual cases without values fall in one bucket; every pair was compared (50 million
  // comparisons) although few could reach the threshold.
  it('10,000 manual cases in one bucket are compared with few others each, not with all', async () => {
    const tests = Array.from({ length: 10_000 }, (_, index) =>
      stepsCase(index, [
        `open the ${letters(index % 5_000)} page and check the ${letters(index % 5_000, 7)} total`,
        index < 5_000 ? 'it is shown' : 'it is displayed',
      ]),
    );
    const similarity = counting(new TfIdfSimilarity());
    const pairs = await nearPairs(tests, similarity);
    expect(pairs.length).toBe(5_000);
    expect(similarity.comparisons()).toBeLessThan(20 * tests.length);
  });
});
