import type { RunReport } from '../../core/run-report.ts';

/** REPORT.md: the same figures as testops-report.json, for people. */
export function renderReportMarkdown(report: RunReport): string {
  const lines = [
    `# TestOps Copilot report`,
    '',
    `Spec: \`${report.target.spec ?? '-'}\` · target: \`${report.target.baseUrl ?? '-'}\` · format: ${report.format} · ${report.executed ? `each test run ${report.repeat}×` : 'not executed'}`,
    '',
    '| figure | value |',
    '|---|---|',
    ...summaryRows(report).map(([name, value]) => `| ${name} | ${value} |`),
    '',
  ];
  if (report.pages && report.pages.length > 0) {
    lines.push(
      '## Pages',
      '',
      '| page | explored in | settled | elements | interactions | tests | delivered | defects | flaky |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const page of report.pages) {
      lines.push(
        `| \`${page.path}\` | ${(page.exploreMs / 1000).toFixed(1)} s | ${page.settled ? 'yes' : 'no'} | ${page.elements} | ${page.interactions} | ${page.tests} | ${page.delivered} | ${page.failed} | ${page.flaky} |`,
      );
    }
    lines.push('');
  }
  if (report.suspectedDefects.length > 0) {
    lines.push('## Suspected defects', '');
    for (const defect of report.suspectedDefects) {
      lines.push(
        `### ${defect.test}`,
        `- operation: \`${defect.operation}\``,
        `- expected: ${defect.expected}`,
        `- actual: ${defect.actual}`,
        `- evidence: \`${defect.evidence}\``,
        ...(defect.curl ? ['', '```sh', defect.curl, '```'] : []),
        '',
      );
    }
  }
  if (report.marking && (report.marking.marked > 0 || report.marking.unmarked.length > 0)) {
    lines.push(
      '## Not delivered',
      '',
      `${report.marking.marked} failed or flaky tests are marked in the suite (\`test.fixme\` / \`pytest.mark.skip\`, with the reason), so it runs green as delivered.`,
      ...report.marking.unmarked.map((entry) => `- could not mark ${entry.test}: ${entry.reason}`),
      '',
    );
  }
  if (report.flaky.length > 0) {
    lines.push(
      '## Flaky (marked, not delivered)',
      '',
      ...report.flaky.map((test) => `- ${test.test}: passed ${test.passes}/${test.runs} — ${test.reason}`),
      '',
    );
  }
  if (report.operations.skipped.length > 0) {
    lines.push(
      '## Operations skipped',
      '',
      ...report.operations.skipped.map(
        (skipped) => `- \`${skipped.operation}\`: ${skipped.reason.split('\n')[0]}`,
      ),
      '',
    );
  }
  if (report.skippedTests.length > 0) {
    lines.push(
      '## Tests skipped',
      '',
      ...report.skippedTests.slice(0, 50).map((skipped) => `- ${skipped.test}: ${skipped.reason}`),
      '',
    );
  }
  return lines.join('\n');
}

/** The console table printed at the end of `generate --run` and `run`. */
export function renderConsoleSummary(report: RunReport): string {
  const rows = summaryRows(report);
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`);
  for (const defect of report.suspectedDefects.slice(0, 20)) {
    lines.push(
      `  ✗ ${defect.test}`,
      `      expected ${defect.expected}; actual ${defect.actual.slice(0, 160)}`,
    );
  }
  if (report.suspectedDefects.length > 20)
    lines.push(`  … ${report.suspectedDefects.length - 20} more in REPORT.md`);
  return lines.join('\n');
}

function summaryRows(report: RunReport): [string, string][] {
  const seconds = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);
  return [
    [
      report.kind === 'ui' ? 'pages' : 'operations',
      `${report.operations.covered} covered of ${report.operations.total} (${report.operations.skipped.length} skipped)`,
    ],
    ['tests generated', String(report.tests.generated)],
    [
      'tests delivered',
      report.executed ? `${report.tests.delivered} (passed ${report.repeat}/${report.repeat})` : 'not run',
    ],
    ['suspected defects', String(report.tests.failed)],
    ['flaky (quarantined)', String(report.tests.flaky)],
    ['skipped', String(report.tests.skipped)],
    [
      'duration',
      Object.entries(report.durations)
        .map(([stage, ms]) => `${stage} ${seconds(ms)}`)
        .join(', '),
    ],
  ];
}
