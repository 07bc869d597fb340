import type { FailedTest } from './classify-failure.ts';

/**
 * A call on an identifier that names nothing, to an operation whose document lists no 404,
 * answered with a success: the document promises no refusal (a filter by that value, an action
 * that is a no-op on nothing, an upsert, a query given a reference to nothing), so the answer
 * breaks no contract and is no finding.
 * The test is not delivered and says why; a 5xx for the same call still is a server error.
 */
export function unpromisedRefusal(
  failed: Pick<FailedTest, 'missingResource' | 'status' | 'operation'>,
): string | undefined {
  if (failed.missingResource !== 'unpromised' || failed.status === undefined) return undefined;
  if (failed.status < 200 || failed.status >= 300) return undefined;
  return `the document of ${failed.operation} lists no 404 (nor 409 or 422 for a reference in the body) and the server answers ${failed.status} for an identifier that names nothing: no refusal is promised, so no finding`;
}
