import type { ApiModel } from '../core/api-model.ts';
import type {
  ConflictingTests,
  CoverageGap,
  DuplicateGroup,
  ExistingTest,
  NearDuplicatePair,
  OutdatedTest,
  Suggestion,
  TestRef,
} from '../core/existing-test.ts';
import { rate } from './criticality.ts';
import type { DefectRelevance } from './defect-relevance.ts';
import { gapDraft } from './gap-suggestions.ts';
import { mergeSubjects, subjectOfTest, type Subject } from './subject-words.ts';
import type { SuggestionDraft } from './suggestion-draft.ts';

export interface SuggestionInput {
  tests: readonly ExistingTest[];
  exact: readonly DuplicateGroup[];
  near: readonly NearDuplicatePair[];
  outdated: readonly OutdatedTest[];
  conflicts: readonly ConflictingTests[];
  gaps: readonly CoverageGap[];
  api: ApiModel | undefined;
  defects: DefectRelevance;
}

const REMOVED = new Set(['operation-missing', 'method-missing', 'page-missing']);
const ORDER: Suggestion['action'][] = ['resolve-conflict', 'update', 'add', 'merge', 'delete'];

/** Concrete suggestions, each with its reason, ranked by criticality and defect history. */
export function buildSuggestions(input: SuggestionInput): Suggestion[] {
  const byId = new Map(input.tests.map((test) => [test.id, test]));
  const fromTests = (refs: TestRef[]) => testFacts(refs.flatMap((ref) => byId.get(ref.id) ?? []));
  const drafts: SuggestionDraft[] = [
    ...input.conflicts.map((conflict) => {
      const tests = conflict.expectations.map((entry) => entry.test);
      const expected = conflict.expectations.map(
        (entry) => `${entry.expected} in ${entry.test.file}:${entry.line}`,
      );
      return draft(
        'resolve-conflict',
        `Resolve conflicting expectations for ${conflict.input}`,
        tests,
        undefined,
        `${conflict.reason}: ${expected.join('; ')}`,
        fromTests(tests),
      );
    }),
    ...input.outdated.map((entry) => {
      const removed = entry.problems.some((problem) => REMOVED.has(problem.kind));
      const title = `${removed ? 'Delete or retarget' : 'Update'} "${entry.test.title}"`;
      const reason = entry.problems.map((problem) => `${problem.message} (line ${problem.line})`).join('; ');
      return draft(
        removed ? 'delete' : 'update',
        title,
        [entry.test],
        undefined,
        reason,
        fromTests([entry.test]),
      );
    }),
    ...input.gaps.map((gap) => gapDraft(gap, input.api)),
    ...input.near.map((pair) =>
      draft(
        'merge',
        `Merge "${pair.tests[0].title}" and "${pair.tests[1].title}"`,
        [...pair.tests],
        undefined,
        `near duplicates (${Math.round(pair.similarity * 100)}%): ${pair.reason}`,
        fromTests([...pair.tests]),
      ),
    ),
    ...input.exact.map((group) => {
      const title = `Delete ${group.duplicates.length} exact duplicate(s) of "${group.keep.title}"`;
      const reason = `${group.reason}; keep ${group.keep.file}:${group.keep.line}`;
      return draft(
        'delete',
        title,
        group.duplicates,
        group.keep.id,
        reason,
        fromTests([group.keep, ...group.duplicates]),
      );
    }),
  ];
  return rank(drafts, input.defects);
}

function draft(
  action: Suggestion['action'],
  title: string,
  tests: TestRef[],
  target: string | undefined,
  reason: string,
  facts: { rating: SuggestionDraft['rating']; subject: Subject },
): SuggestionDraft {
  return { action, title, tests, target, reason, ...facts };
}

/** Priority, methods, auth and subject of the tests a suggestion is about. */
function testFacts(tests: ExistingTest[]): { rating: SuggestionDraft['rating']; subject: Subject } {
  const priorities = tests.map((test) => test.labels.priority);
  const priority = (['critical', 'normal', 'low'] as const).find((level) => priorities.includes(level));
  const requests = tests.flatMap((test) => test.requests);
  const auth = requests.some(
    (request) =>
      request.auth !== undefined ||
      request.expectedStatuses.some((status) => status === 401 || status === 403),
  );
  return {
    rating: { priority, methods: requests.map((request) => request.method), auth, status: undefined },
    subject: mergeSubjects(tests.map(subjectOfTest)),
  };
}

function rank(drafts: SuggestionDraft[], defects: DefectRelevance): Suggestion[] {
  const rated = drafts.map((entry) => {
    const rating = rate({ ...entry.rating, action: entry.action, defects: defects.hits(entry.subject) });
    const { rating: _inputs, subject: _subject, ...suggestion } = entry;
    return { ...suggestion, rank: 0, ...rating };
  });
  rated.sort(
    (a, b) =>
      b.score - a.score ||
      ORDER.indexOf(a.action) - ORDER.indexOf(b.action) ||
      a.title.localeCompare(b.title),
  );
  return rated.map((suggestion, index) => ({ ...suggestion, rank: index + 1 }));
}
