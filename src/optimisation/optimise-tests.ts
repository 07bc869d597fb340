import type { ApiModel } from '../core/api-model.ts';
import type { DefectHistory } from '../core/defect.ts';
import {
  OPTIMISATION_REPORT_VERSION,
  type ExistingTestSet,
  type OptimisationReport,
  type OutdatedTest,
} from '../core/existing-test.ts';
import type { Requirement } from '../core/manual-case.ts';
import type { SiteModel } from '../core/page-model.ts';
import { DEFAULT_TWIN_THRESHOLD, findAutomatedTwins } from './automated-twins.ts';
import { findApiConflicts, findUiConflicts } from './conflicting-tests.ts';
import { DefectRelevance } from './defect-relevance.ts';
import { elementCoverage, elementGaps } from './element-coverage.ts';
import { findExactDuplicates } from './exact-duplicates.ts';
import { findManualConflicts } from './manual-conflicts.ts';
import { DEFAULT_NEAR_DUPLICATE_THRESHOLD, findNearDuplicates } from './near-duplicates.ts';
import { operationCoverage, operationGaps } from './operation-coverage.ts';
import { findOutdatedApiTests } from './outdated-api-tests.ts';
import { findOutdatedUiTests } from './outdated-ui-tests.ts';
import { requirementCoverage, requirementGaps } from './requirement-coverage.ts';
import type { Similarity } from './similarity.ts';
import { buildSuggestions } from './suggestions.ts';
import { summarise } from './summarise.ts';
import { TfIdfSimilarity } from './tfidf-similarity.ts';

export interface OptimisationInput {
  tests: ExistingTestSet;
  /** The current API model (`--spec`): outdated API tests, operations × statuses. */
  api?: ApiModel;
  /** The current site model (`--model`): outdated UI tests, elements × tests. */
  site?: SiteModel;
  requirements?: readonly Requirement[];
  defects?: DefectHistory;
  /** Where each input came from, as the report names them. */
  locations: { spec?: string; requirements?: string; defects?: string; model?: string };
  nearDuplicateThreshold?: number;
  /** From which an automated test is a manual case's twin; the similarity's own line when absent. */
  twinThreshold?: number;
  similarity?: Similarity;
}

/**
 * The optimiser: duplicates (exact and near), outdated and conflicting tests, coverage of
 * operations, requirements and page elements, the gaps, and ranked suggestions. Findings are
 * not failures: an empty report and a long one are both results.
 */
export async function optimiseTests(input: OptimisationInput): Promise<OptimisationReport> {
  const tests = input.tests.tests;
  const running = tests.filter((test) => !test.labels.skipped);
  const similarity: Similarity = input.similarity ?? new TfIdfSimilarity();
  const threshold =
    input.nearDuplicateThreshold ?? similarity.thresholds?.nearDuplicate ?? DEFAULT_NEAR_DUPLICATE_THRESHOLD;
  const exact = findExactDuplicates(tests);
  const near = await findNearDuplicates(tests, exact, { threshold, similarity });
  const twins = await findAutomatedTwins(
    running,
    similarity,
    input.twinThreshold ?? similarity.thresholds?.twin ?? DEFAULT_TWIN_THRESHOLD,
  );
  const outdated = mergeByTest([
    ...(input.api ? findOutdatedApiTests(tests, input.api) : []),
    ...(input.site ? findOutdatedUiTests(tests, input.site) : []),
  ]);
  const conflicts = [...findApiConflicts(tests), ...findUiConflicts(tests), ...findManualConflicts(tests)];
  const coverage = {
    operations: input.api ? operationCoverage(running, input.api) : undefined,
    requirements: input.requirements
      ? await requirementCoverage(running, input.requirements, similarity)
      : undefined,
    elements: input.site ? elementCoverage(running, input.site) : undefined,
  };
  const gaps = [
    ...requirementGaps(coverage.requirements ?? []),
    ...operationGaps(coverage.operations ?? []),
    ...elementGaps(coverage.elements ?? []),
  ];
  const defects = new DefectRelevance(input.defects?.records ?? []);
  const suggestions = buildSuggestions({
    tests,
    exact,
    near,
    outdated,
    conflicts,
    gaps,
    api: input.api,
    defects,
  });
  const issues = [
    ...input.tests.issues,
    ...(input.defects?.issues ?? []).map((issue) => ({ file: input.defects!.file, ...issue })),
  ];
  const findings = { exact, near, outdated, conflicts, gaps, suggestions, coverage };
  return {
    version: OPTIMISATION_REPORT_VERSION,
    inputs: {
      tests: input.tests.root,
      spec: input.locations.spec,
      requirements: input.locations.requirements,
      defects: input.locations.defects,
      model: input.locations.model,
      similarity: similarity.name,
      nearDuplicateThreshold: threshold,
    },
    summary: summarise(input.tests, findings),
    issues,
    duplicates: { exact, near },
    outdated,
    conflicts,
    coverage,
    gaps,
    suggestions,
    ...(twins ? { twins } : {}),
    durations: {},
  };
}

function mergeByTest(entries: OutdatedTest[]): OutdatedTest[] {
  const byTest = new Map<string, OutdatedTest>();
  for (const entry of entries) {
    const known = byTest.get(entry.test.id);
    if (known) known.problems.push(...entry.problems);
    else byTest.set(entry.test.id, { test: entry.test, problems: [...entry.problems] });
  }
  return [...byTest.values()];
}
