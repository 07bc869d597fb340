import type { RunReport } from '../../core/run-report.ts';

/**
 * Operations the suite never reached are unverified, not passed: the summary says how many and
 * why (the refusals by status), so a run with nothing reached cannot read as a clean one.
 */
export function notReachedWarning(report: RunReport): string[] | undefined {
  const entries = report.notReached ?? [];
  if (entries.length === 0) return undefined;
  const tests = entries.reduce((sum, entry) => sum + entry.tests.length, 0);
  return [
    `${entries.length} operation(s) not reached (${tests} test(s) not run to a verdict, ${statusCounts(report)}): the target refused the suite's documented-valid requests for what the suite sent or is, or listed nothing for them to act on. Not verified, not defects.`,
    ...entries
      .slice(0, 10)
      .map((entry) => `${entry.operation}: ${entry.status} "${entry.message}" → ${entry.unlock}`),
    ...(entries.length > 10 ? [`… ${entries.length - 10} more in REPORT.md`] : []),
  ];
}

/** The summary row: `3 operations, 7 tests (403 ×4, 404 ×3)`. */
export function notReachedRow(report: RunReport): [string, string][] {
  const entries = report.notReached ?? [];
  if (entries.length === 0) return [];
  const tests = entries.reduce((sum, entry) => sum + entry.tests.length, 0);
  return [
    ['not reached (unverified)', `${entries.length} operations, ${tests} tests (${statusCounts(report)})`],
  ];
}

/** REPORT.md's section: each operation, the refusal in the server's words, its evidence, and the way in. */
export function notReachedSection(report: RunReport): string[] {
  const entries = report.notReached ?? [];
  if (entries.length === 0) return [];
  const lines = [
    '## Operations not reached (not verified, not defects)',
    '',
    "The target refused a documented-valid request of these operations (their success request, or the set-up that creates what they act on) with a status about the suite's own input: credentials of the wrong kind (401, 403), a value naming nothing or something taken (404, 409), input the suite could not repair (400, 422), pace (429); or the set-up looked up what they act on in a list that held none (a 2xx status). Nothing about them was verified. Their tests are skipped in the suite with this reason.",
    '',
    '| operation | refused | status | the target said | to reach it | tests |',
    '|---|---|---|---|---|---|',
  ];
  for (const entry of entries)
    lines.push(
      `| \`${entry.operation}\` | \`${entry.refused}\` | ${entry.status} | ${cell(entry.message)} | ${cell(entry.unlock)} | ${entry.tests.length} (evidence \`${entry.tests[0]?.evidence ?? '-'}\`) |`,
    );
  return [...lines, ''];
}

function statusCounts(report: RunReport): string {
  const counts = new Map<number, number>();
  for (const entry of report.notReached ?? [])
    for (const test of entry.tests) counts.set(test.status, (counts.get(test.status) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([status, count]) => `${status} ×${count}`)
    .join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
