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
): Promise<RequirementCoverage[]> {
  const documents = [...requirements.map((requirement) => requirement.text), ...tests.map(testText)];
  const score = await similarity.fit(documents);
  const references = tests.map(referencesOf);
  return requirements.map((requirement, index) => {
    const byId = tests.flatMap((test, position) =>
      names(references[position]!, requirement.id) ? [{ test: test.id, match: 'id' as const, score: 1 }] : [],
    );
    const named = new Set(byId.map((entry) => entry.test));
    const byText = tests
      .map((test, position) => ({
        test: test.id,
        match: 'text' as const,
        score: round(score(index, requirements.length + position)),
      }))
      .filter((entry) => !named.has(entry.test) && entry.score >= REQUIREMENT_TEXT_THRESHOLD)
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

/** `REQ-3` is named in "REQ-3", "req-3", ".../browse/REQ-3", but not in "REQ-31". */
function names(text: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{N}])`, 'iu').test(text);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
