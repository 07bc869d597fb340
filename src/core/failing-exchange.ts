import type { FailureEvidence, RecordedExchange } from './run-report.ts';

/**
 * The exchange a failed check names (`[exchange 2]`), else the first refused one, else the last
 * one before cleanup: what evidence files, curl lines and exported defects show.
 */
export function failingExchange(
  evidence: Pick<FailureEvidence, 'message' | 'exchanges'>,
): RecordedExchange | undefined {
  const index = /\[exchange (\d+)\]/.exec(evidence.message)?.[1];
  if (index !== undefined) return evidence.exchanges[Number(index)];
  return (
    evidence.exchanges.find((exchange) => !exchange.response || exchange.response.status >= 400) ??
    evidence.exchanges.at(-1)
  );
}
