import type { RunReport } from '../../core/run-report.ts';
import { explorationLimitWarning, explorationWarning } from './exploration-warning.ts';
import { repairLines } from './repair-lines.ts';
import { notReachedRow, notReachedSection, notReachedWarning } from './not-reached-lines.ts';

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
  for (const warning of [explorationWarning(report), explorationLimitWarning(report)])
    if (warning)
      lines.push('> **Warning:** ' + warning[0]!, ...warning.slice(1).map((line) => `> - ${line}`), '');
  const unreached = notReachedWarning(report);
  if (unreached) lines.push(`> **Warning:** ${unreached[0]!} See "Operations not reached" below.`, '');
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
    lines.push('', ...explorationNotes(report));
  }
  lines.push(...repairLines(report), ...notReachedSection(report));
  lines.push(
    ...findingSections(report),
    ...learnedLines(report),
    ...pacedLines(report),
    ...unconstrainedLines(report),
  );
  if (report.suspectedDefects.length > 0) {
    lines.push('## Suspected defects (one per failed test)', '');
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
  lines.push(...unconfirmedLines(report));
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
      '## Operations without a delivered test',
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
  const findings = report.findings ?? [];
  for (const finding of findings.slice(0, 20)) {
    const where = [...new Set(finding.occurrences.map((occurrence) => occurrence.operation))];
    lines.push(
      `  ✗ [${finding.severity}] ${finding.kind}: ${finding.title.slice(0, 160)}`,
      `      ${finding.occurrences.length} test(s) on ${where.slice(0, 3).join(', ')}${where.length > 3 ? ` and ${where.length - 3} more` : ''}`,
    );
  }
  if (findings.length > 20) lines.push(`  … ${findings.length - 20} more in REPORT.md`);
  for (const notice of [
    explorationWarning(report),
    explorationLimitWarning(report),
    notReachedWarning(report),
  ])
    if (notice) lines.push(`  ! ${notice[0]}`, ...notice.slice(1).map((line) => `      ${line}`));
  return lines.join('\n');
}

/** What exploration could not do on each explored page, as it recorded it. */
function explorationNotes(report: RunReport): string[] {
  const noted = (report.pages ?? []).filter((page) => page.notes && page.notes.length > 0);
  if (noted.length === 0) return [];
  return [
    '## What exploration could not do',
    '',
    ...noted.flatMap((page) => [`### \`${page.path}\``, '', ...page.notes!.map((note) => `- ${note}`), '']),
  ];
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
    ['findings', findingCounts(report)],
    ...notReachedRow(report),
    ['flaky (quarantined)', String(report.tests.flaky)],
    ['skipped', String(report.tests.skipped)],
    [
      'duration',
      Object.entries(report.durations)
        .map(([stage, ms]) => `${stage} ${seconds(ms)}`)
        .join(', '),
    ],
    ...modelRows(report),
  ];
}

/** The model's line: what it added, or why the result is the deterministic one. */
function modelRows(report: RunReport): [string, string][] {
  const model = report.model;
  if (!model || model.status === 'off') return [];
  const usage = model.usage
    ? `; ${model.usage.calls} call(s), ${model.usage.inputTokens} in / ${model.usage.outputTokens} out tokens`
    : '';
  return [
    ['model', `${model.message}${usage}`],
    ...model.fallbacks.map((fallback): [string, string] => ['model fallback', fallback]),
    ...(model.unconfirmedScenarios?.length
      ? [
          [
            'model scenarios unconfirmed',
            `${model.unconfirmedScenarios.length} (not defects: check by hand)`,
          ] as [string, string],
        ]
      : []),
  ];
}

/** `3 (1 critical, 2 major)`: root causes, by severity. */
function findingCounts(report: RunReport): string {
  const findings = report.findings ?? [];
  if (findings.length === 0) return '0';
  const bySeverity = new Map<string, number>();
  for (const finding of findings)
    bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
  const parts = [...bySeverity].map(([severity, count]) => `${count} ${severity}`);
  return `${findings.length} root causes (${parts.join(', ')})`;
}

function findingSections(report: RunReport): string[] {
  const findings = report.findings ?? [];
  if (findings.length === 0) return [];
  const lines = [
    '## Findings',
    '',
    `Failed tests grouped by root cause (conformance: ${report.conformance ?? 'strict'}).`,
    '',
  ];
  for (const finding of findings) {
    lines.push(
      `### ${finding.id} · ${finding.severity} · ${finding.kind}: ${finding.title}`,
      '',
      ...finding.occurrences.map(
        (occurrence) =>
          `- ${occurrence.test} (\`${occurrence.operation}\`, evidence \`${occurrence.evidence}\`)`,
      ),
      ...(finding.occurrences[0]?.curl ? ['', '```sh', finding.occurrences[0].curl, '```'] : []),
      '',
    );
  }
  return lines;
}

/** Inputs the target refused by name during verification, and what the suite sends instead. */
function learnedLines(report: RunReport): string[] {
  const learned = report.learned ?? [];
  if (learned.length === 0) return [];
  return [
    '## Values learned from the target',
    '',
    'Documented-valid requests the target refused, naming a field: the suite sends another value the spec allows.',
    '',
    '| operation | field | sent | now sends | refusal |',
    '|---|---|---|---|---|',
    ...learned.map(
      (entry) =>
        `| \`${entry.operation}\` | ${entry.in === 'query' ? 'query ' : ''}\`${entry.field}\` | \`${JSON.stringify(entry.from) ?? 'nothing'}\` | \`${JSON.stringify(entry.to)}\` | ${entry.status}: ${entry.reason.replace(/[|\n]/g, ' ').slice(0, 120)} |`,
    ),
    '',
  ];
}

function pacedLines(report: RunReport): string[] {
  const paced = report.paced;
  if (!paced) return [];
  const delivered = new Set(paced.delivered);
  return [
    "## The target's rate limit",
    '',
    `${paced.tests.length} test(s) met the target's rate limit (429 after the retries that honour \`Retry-After\`). ` +
      `They ran again alone after ${Math.round(paced.pauseMs / 1000)} s, their client waiting out each 429; ` +
      `${paced.delivered.length} passed every run and are delivered, the others keep the verdict of the full run.`,
    '',
    ...paced.tests.map((test) => `- ${delivered.has(test) ? 'delivered' : 'not delivered'}: ${test}`),
    '',
  ];
}

function unconstrainedLines(report: RunReport): string[] {
  const parts = report.unconstrained ?? [];
  if (parts.length === 0) return [];
  return [
    '## Parts of the spec tested as unconstrained',
    '',
    ...parts.map((part) => `- \`${part.operation}\`: \`${part.pointer}\` (a dangling $ref)`),
    '',
  ];
}

/** The model's scenarios that failed or were flaky: shown with their evidence, apart from the defects. */
function unconfirmedLines(report: RunReport): string[] {
  const scenarios = report.model?.unconfirmedScenarios ?? [];
  if (scenarios.length === 0) return [];
  return [
    '## Model scenarios not confirmed (not defects)',
    '',
    'The model guessed these business rules from the pages; they did not pass every run, which most often means the guess was wrong. They are quarantined in the suite like any failing test.',
    '',
    ...scenarios.flatMap((scenario) => [
      `### ${scenario.test} — ${scenario.note}`,
      `- page: \`${scenario.page}\``,
      `- ${scenario.verdict}: expected ${scenario.expected}; actual ${scenario.actual}`,
      ...(scenario.evidence ? [`- evidence: \`${scenario.evidence}\``] : []),
      '',
    ]),
  ];
}
