import { createHash } from 'node:crypto';
import type { Conformance, Finding, FindingSeverity } from '../../core/run-report.ts';
import { classifyFailure, type FailedTest } from './classify-failure.ts';

const SEVERITY_ORDER: FindingSeverity[] = ['critical', 'major', 'minor', 'warning'];

/**
 * One finding per root cause: failures with the same signature (kind + operation-independent
 * cause) become occurrences of one finding. Lenient conformance reports contract deviations as
 * warnings.
 */
export function groupFindings(failures: FailedTest[], conformance: Conformance): Finding[] {
  const bySignature = new Map<string, Finding>();
  for (const failed of failures) {
    const cause = classifyFailure(failed);
    const finding = bySignature.get(cause.signature) ?? {
      id: findingId(cause.signature),
      kind: cause.kind,
      severity: cause.kind === 'contract-deviation' && conformance === 'lenient' ? 'warning' : cause.severity,
      title: cause.title,
      signature: cause.signature,
      occurrences: [],
    };
    finding.occurrences.push({
      test: failed.test,
      operation: failed.operation,
      evidence: failed.evidence,
      curl: failed.curl,
    });
    bySignature.set(cause.signature, finding);
  }
  return [...bySignature.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      b.occurrences.length - a.occurrences.length ||
      a.title.localeCompare(b.title),
  );
}

function findingId(signature: string): string {
  return `F-${createHash('sha256').update(signature).digest('hex').slice(0, 8)}`;
}
