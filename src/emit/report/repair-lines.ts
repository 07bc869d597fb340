import type { RunReport } from '../../core/run-report.ts';

/** REPORT.md's list of test repairs: every attempt, what changed, and what became of it. */
export function repairLines(report: RunReport): string[] {
  const repairs = report.repairs ?? [];
  if (repairs.length === 0) return [];
  const delivered = repairs.filter((repair) => repair.outcome === 'delivered').length;
  const lines = [
    '## Test repairs',
    '',
    `${repairs.length} failed test(s) failed through a mistake of the test (a locator, a missing step or setup, missing credentials) and got one model-assisted repair; ${delivered} passed every run once repaired and replaced the original. An expected value changes only with the page text or the spec's words it was read from.`,
    '',
    '| test | failure | change | outcome |',
    '|---|---|---|---|',
  ];
  for (const repair of repairs)
    lines.push(
      `| ${cell(repair.test)} | ${repair.mistake} | ${cell(repair.changes.join('; ') || '-')} | ${repair.outcome}: ${cell(repair.detail)} |`,
    );
  return [...lines, ''];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
