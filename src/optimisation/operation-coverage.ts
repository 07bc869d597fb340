import { documentedStatuses, type ApiModel } from '../core/api-model.ts';
import type { CoverageGap, ExistingTest, OperationCoverage } from '../core/existing-test.ts';
import { OperationIndex } from './operation-index.ts';

/** More accepted statuses than this is "any client error", which covers none in particular. */
const MAX_SPECIFIC_STATUSES = 4;

/**
 * Operations of the spec × their documented statuses × the tests that expect each. A test
 * accepting "401 or 403" covers both, one accepting any 4xx (malformed JSON) none of them;
 * statuses tests expect but the spec does not document are listed apart (often an outdated
 * expectation or a spec gap).
 */
export function operationCoverage(tests: readonly ExistingTest[], model: ApiModel): OperationCoverage[] {
  const index = new OperationIndex(model);
  const byOperation = new Map<string, { tests: Set<string>; statuses: Map<number, Set<string>> }>();
  for (const test of tests) {
    for (const request of test.requests) {
      const match = index.match(request.method, request.path);
      if (match.kind !== 'found') continue;
      const entry = byOperation.get(match.operation.key) ?? { tests: new Set(), statuses: new Map() };
      entry.tests.add(test.id);
      const specific = request.expectedStatuses.length <= MAX_SPECIFIC_STATUSES;
      for (const status of specific ? request.expectedStatuses : [])
        entry.statuses.set(status, (entry.statuses.get(status) ?? new Set()).add(test.id));
      byOperation.set(match.operation.key, entry);
    }
  }
  return model.operations.map((operation) => {
    const entry = byOperation.get(operation.key);
    const documented = documentedStatuses(operation);
    const expected = [...(entry?.statuses.keys() ?? [])].sort((a, b) => a - b);
    const testsOf = (status: number) => [...(entry?.statuses.get(status) ?? [])].sort();
    return {
      operation: operation.key,
      tests: [...(entry?.tests ?? [])].sort(),
      statuses: documented.map((status) => ({ status, tests: testsOf(status) })),
      undocumented: expected
        .filter((status) => !documented.includes(status))
        .map((status) => ({ status, tests: testsOf(status) })),
    };
  });
}

export function operationGaps(coverage: readonly OperationCoverage[]): CoverageGap[] {
  return coverage.flatMap((entry): CoverageGap[] => {
    if (entry.tests.length === 0) {
      return [{ kind: 'operation', ref: entry.operation, description: `no test calls ${entry.operation}` }];
    }
    return entry.statuses
      .filter((status) => status.tests.length === 0)
      .map((status) => ({
        kind: 'status',
        ref: `${entry.operation} ${status.status}`,
        description: `no test expects the documented ${status.status} of ${entry.operation}`,
      }));
  });
}
