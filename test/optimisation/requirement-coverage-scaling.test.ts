import { describe, expect, it } from 'vitest';
import type { ExistingTest } from '../../src/core/existing-test.ts';
import type { Requirement } from '../../src/core/manual-case.ts';
import { requirementCoverage } from '../../src/optimisation/requirement-coverage.ts';
import type { Similarity, SimilarityScorer } from '../../src/optimisation/similarity.ts';
import { TfIdfSimilarity } from '../../src/optimisation/tfidf-similarity.ts';
import { manualTests } from './manual-tests.ts';

const WORDS = 'open add disk total shown region price estimate saved rejected vat badge page'.split(' ');
const IDS = [
  'CALC-1',
  'CALC-12',
  'calc-12',
  'REQ-3',
  'REQ-31',
  'scalc-1',
  'CALC-1.2',
  'Задача-7',
  'K-9',
  'k-9',
];
// How titles write them: also with the long s and the Kelvin sign, which /iu folds to s and k.
const WRITTEN = [...IDS, 'ſcalc-1', 'SCALC-1', '\u212A-9', 'x-CALC-12', 'CALC-12b', 'ЗАДАЧА-7'];

function random(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  };
}

/** Every pair scored and every test's references matched against every id, as before. */
function comparingEveryPair(inner: Similarity): Similarity & { comparisons: () => number } {
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
      return counted;
    },
  };
}

function withCounting(inner: Similarity): Similarity & { comparisons: () => number } {
  const counting = comparingEveryPair(inner);
  return {
    ...counting,
    fit: async (documents) => {
      const scorer = await counting.fit(documents);
      scorer.partners = (await inner.fit(documents)).partners;
      return scorer;
    },
  };
}

describe('requirement coverage at scale', () => {
  it('the candidate and word indexes give the coverage comparing every pair gives', async () => {
    const next = random(9);
    const phrase = () => Array.from({ length: 2 + next(5) }, () => WORDS[next(WORDS.length)]!).join(' ');
    const requirements: Requirement[] = Array.from({ length: 60 }, (_, index) => ({
      id: index < IDS.length ? IDS[index]! : `REQ-${index}`,
      text: phrase(),
      section: '',
      source: { file: 'r.md', line: index + 1 },
      form: 'statement',
    }));
    const tests: ExistingTest[] = manualTests(300).map((test, index) => ({
      ...test,
      title: `${WRITTEN[next(WRITTEN.length)]}${next(3) === 0 ? '1' : ''} ${phrase()}`,
      labels: { ...test.labels, tags: next(4) === 0 ? [`req-${next(60)}`] : [] },
      steps: [{ phase: 'act', text: phrase(), expected: phrase(), line: index }],
    }));
    const indexed = await requirementCoverage(tests, requirements, new TfIdfSimilarity());
    const everyPair = await requirementCoverage(
      tests,
      requirements,
      comparingEveryPair(new TfIdfSimilarity()),
    );
    expect(indexed).toEqual(everyPair);
    expect(
      indexed.flatMap((entry) => entry.tests.filter((test) => test.match === 'id')).length,
    ).toBeGreaterThan(20);
    expect(
      indexed.flatMap((entry) => entry.tests.filter((test) => test.match === 'text')).length,
    ).toBeGreaterThan(20);
  });

  // Every requirement was scored against every test: 8,000 requirements (1 MB) × 16,000 tests
  // were 128 million scores, each id also a regex over every test.
  it('2,000 requirements × 4,000 tests score few pairs, not all 8 million', async () => {
    const requirements: Requirement[] = Array.from({ length: 2_000 }, (_, index) => ({
      id: `REQ-${index + 1}`,
      text: `The estimate shows disk ${index} with its price`,
      section: '',
      source: { file: 'r.md', line: index + 1 },
      form: 'statement',
    }));
    const similarity = withCounting(new TfIdfSimilarity());
    const coverage = await requirementCoverage(manualTests(4_000), requirements, similarity);
    expect(coverage).toHaveLength(2_000);
    expect(similarity.comparisons()).toBeLessThan(1_000_000);
  });
});
