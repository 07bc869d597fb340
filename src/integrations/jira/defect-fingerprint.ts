import { createHash } from 'node:crypto';
import type { Finding, RunReport } from '../../core/run-report.ts';

/** Every exported issue carries this label, so JQL finds all of ours at once. */
export const TESTOPS_LABEL = 'testops';

const FINGERPRINT_PREFIX = 'testops-fp-';

/**
 * The label that finds a defect's issue again on the next export: the finding's kind and
 * operation-independent signature, under the spec (or start URL) it was found on. The base URL is
 * left out on purpose: the same defect seen on staging and on a review app is one issue.
 *
 * @example defectFingerprint(report, finding) // 'testops-fp-3f9a0c21b4d7e8a1'
 */
export function defectFingerprint(report: Pick<RunReport, 'kind' | 'target'>, finding: Finding): string {
  const identity = [report.kind, report.target.spec ?? '', finding.kind, finding.signature].join('\n');
  return FINGERPRINT_PREFIX + createHash('sha256').update(identity).digest('hex').slice(0, 16);
}

/** The JQL that finds an exported issue by its fingerprint label in a project. */
export function fingerprintJql(projectKey: string, fingerprint: string): string {
  return `project = "${projectKey.replace(/["\\]/g, '\\$&')}" AND labels = "${fingerprint}"`;
}
