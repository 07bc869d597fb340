import { requestOperation, splitOperationKey } from '../../core/request-operation.ts';
import type { RecordedExchange } from '../../core/run-report.ts';

/** The documented operation a recorded request went to, or its method and path when none matches. */
export function requestedOperationKey(
  operations: readonly { key: string; method: string; path: string }[],
  request: RecordedExchange['request'],
): string {
  const found = requestOperation(operations, request.method, request.url);
  return found?.key ?? `${request.method} ${new URL(request.url).pathname}`;
}

/**
 * The operation of the failing request when it is not the test's own: the set-up that makes
 * what the test acts on. A server error there is that operation's, one root cause however many
 * tests needed it, not a fault of each operation whose test never got to send its request.
 */
export function failedSetUp(
  exchange: RecordedExchange | undefined,
  operation: string | undefined,
  operations: readonly string[],
): string | undefined {
  if (!exchange || !operation) return undefined;
  const { method, url } = exchange.request;
  if (requestOperation([splitOperationKey(operation)], method, url)) return undefined;
  return requestedOperationKey(operations.map(splitOperationKey), exchange.request);
}
