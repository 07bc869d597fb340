import type {
  ConflictingTests,
  CoverageGap,
  DuplicateGroup,
  ExistingTestSet,
  NearDuplicatePair,
  OptimisationReport,
  OptimisationSummary,
  OutdatedTest,
  Suggestion,
} from '../core/existing-test.ts';

export interface Findings {
  exact: readonly DuplicateGroup[];
  near: readonly NearDuplicatePair[];
  outdated: readonly OutdatedTest[];
  conflicts: readonly ConflictingTests[];
  gaps: readonly CoverageGap[];
  suggestions: readonly Suggestion[];
  coverage: OptimisationReport['coverage'];
}

/** The headline figures of a report. */
export function summarise(set: ExistingTestSet, findings: Findings): OptimisationSummary {
  const byFramework: OptimisationSummary['byFramework'] = {};
  for (const test of set.tests) byFramework[test.framework] = (byFramework[test.framework] ?? 0) + 1;
  return {
    files: set.files.length,
    tests: set.tests.length,
    byFramework,
    unreadableFiles: set.issues.length,
    exactDuplicates: findings.exact.reduce((sum, group) => sum + group.duplicates.length, 0),
    nearDuplicatePairs: findings.near.length,
    outdatedTests: findings.outdated.length,
    conflicts: findings.conflicts.length,
    gaps: findings.gaps.length,
    suggestions: findings.suggestions.length,
    coverage: coverageFigures(findings.coverage),
  };
}

function coverageFigures(coverage: OptimisationReport['coverage']): OptimisationSummary['coverage'] {
  const figures: OptimisationSummary['coverage'] = {};
  const ratio = <T>(items: readonly T[], covered: (item: T) => boolean) => ({
    covered: items.filter(covered).length,
    total: items.length,
  });
  if (coverage.operations) {
    figures.operations = ratio(coverage.operations, (entry) => entry.tests.length > 0);
    figures.statuses = ratio(
      coverage.operations.flatMap((entry) => entry.statuses),
      (entry) => entry.tests.length > 0,
    );
  }
  if (coverage.requirements)
    figures.requirements = ratio(coverage.requirements, (entry) => entry.tests.length > 0);
  if (coverage.elements) figures.elements = ratio(coverage.elements, (entry) => entry.tests.length > 0);
  return figures;
}
