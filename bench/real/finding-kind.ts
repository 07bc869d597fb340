// Sorts a finding by what the target did, read from the report's expected/actual lines, so the
// table can say "server errors: 2, invalid input accepted: 3" rather than a bare count.
import type { Finding } from './judgements.ts';

export type FindingKind =
  | 'server error'
  | 'invalid input accepted'
  | 'type coercion'
  | 'documented call refused'
  | 'response differs'
  | 'layout'
  | 'page behaviour';

function statusOf(text: string): number | undefined {
  const match = /status (\d{3})/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function findingKind(finding: Finding): FindingKind {
  if (finding.kind === 'ui')
    return /viewport|overflow|\d+×\d+/.test(finding.test) ? 'layout' : 'page behaviour';
  const actual = statusOf(finding.actual);
  const expected = finding.expected;
  if (actual !== undefined && actual >= 500) return 'server error';
  // The engine judged it by what the server kept: converted to the documented type.
  if (finding.cause?.startsWith('contract|coerced|converted')) return 'type coercion';
  if (actual !== undefined && actual < 300 && /status 4\d\d/.test(expected)) return 'invalid input accepted';
  if (actual !== undefined && actual >= 400 && /status 2\d\d/.test(expected))
    return 'documented call refused';
  return 'response differs';
}

export function countByKind(findings: Finding[]): string {
  const counts = new Map<FindingKind, number>();
  for (const finding of findings)
    counts.set(findingKind(finding), (counts.get(findingKind(finding)) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none';
}
