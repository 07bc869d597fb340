import { escapeRegExp } from '../core/plain-text.ts';
import type { CoverageGap, ExistingTest, RequirementCoverage } from '../core/existing-test.ts';
import type { Requirement } from '../core/manual-case.ts';
import type { Similarity } from './similarity.ts';
import { testText } from './test-signature.ts';

/** Cosine from which a test's text is taken to cover a requirement it does not name. */
export const REQUIREMENT_TEXT_THRESHOLD = 0.35;
const MAX_TEXT_MATCHES = 10;

/**
 * Requirements × tests. A test covers a requirement it names (its id or key in a link, title,
 * tag, case id or description); otherwise one whose title and steps are close enough in text.
 */
export async function requirementCoverage(
  tests: readonly ExistingTest[],
  requirements: readonly Requirement[],
  similarity: Similarity,
  threshold = similarity.thresholds?.requirement ?? REQUIREMENT_TEXT_THRESHOLD,
): Promise<RequirementCoverage[]> {
  const documents = [...requirements.map((requirement) => requirement.text), ...tests.map(testText)];
  const score = await similarity.fit(documents);
  const references = tests.map(referencesOf);
  const everyTest = tests.map((_test, position) => position);
  const naming = testsNamingIndex(references);
  // Scoring every requirement against every test was O(R × T); the scorer's candidate index
  // (when it has one) leaves out the pairs that cannot reach the threshold (less rounding).
  const partners = await score.partners?.(
    requirements.map((_requirement, index) => index),
    everyTest.map((position) => requirements.length + position),
    threshold - 0.01,
  );
  return requirements.map((requirement, index) => {
    const byId = (naming(requirement.id) ?? everyTest)
      .filter((position) => names(references[position]!, requirement.id))
      .map((position) => ({ test: tests[position]!.id, match: 'id' as const, score: 1 }));
    const named = new Set(byId.map((entry) => entry.test));
    const scored = partners?.get(index)?.map((document) => document - requirements.length) ?? everyTest;
    const byText = scored
      .map((position) => ({
        test: tests[position]!.id,
        match: 'text' as const,
        score: round(score(index, requirements.length + position)),
      }))
      .filter((entry) => !named.has(entry.test) && entry.score >= threshold)
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_TEXT_MATCHES);
    return { requirement: requirement.id, text: requirement.text, tests: [...byId, ...byText] };
  });
}

export function requirementGaps(coverage: readonly RequirementCoverage[]): CoverageGap[] {
  return coverage
    .filter((entry) => entry.tests.length === 0)
    .map((entry) => ({
      kind: 'requirement',
      ref: entry.requirement,
      description: `no test covers "${entry.text}"`,
    }));
}

function referencesOf(test: ExistingTest): string {
  return [
    test.title,
    test.name,
    test.description ?? '',
    test.labels.caseId ?? '',
    test.labels.story ?? '',
    ...test.labels.tags,
    ...test.labels.covers,
    ...test.labels.links.flatMap((link) => [link.url, link.name ?? '']),
  ].join('\n');
}

/**
 * The tests (ascending) whose references may name an id, from an index of the words they
 * hold: an ASCII id such as `CALC-12` starts a word, so its first word (`calc`) must be one of
 * the test's. Undefined for other ids: every test is checked. The index folds case as the /iu
 * match does for ASCII letters (toLowerCase, plus ſ → s; the Kelvin sign lowers to k).
 */
function testsNamingIndex(references: string[]): (id: string) => number[] | undefined {
  const byWord = new Map<string, number[]>();
  references.forEach((text, position) => {
    const folded = text.replace(/\u017f/g, 's').toLowerCase();
    for (const word of new Set(folded.match(/[\p{L}\p{N}]+/gu) ?? [])) {
      const list = byWord.get(word);
      if (list) list.push(position);
      else byWord.set(word, [position]);
    }
  });
  return (id) => {
    const first = /^([A-Za-z0-9]+)[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.exec(id)?.[1];
    if (first === undefined || !/^[\x20-\x7e]+$/.test(id)) return undefined;
    return byWord.get(first.toLowerCase()) ?? [];
  };
}

/** `REQ-3` is named in "REQ-3", "req-3", ".../browse/REQ-3", but not in "REQ-31". */
function names(text: string, id: string): boolean {
  const escaped = escapeRegExp(id);
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{N}])`, 'iu').test(text);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
