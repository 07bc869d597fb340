import type { FileReport, StandardsReport } from '../model/standards-report.ts';

/** The report as Markdown, for a pull-request comment or a CI summary page. */
export function renderMarkdown(report: StandardsReport): string {
  const { files, tests, errors, warnings, info, score } = report.summary;
  const lines = [
    '# Test standards report',
    '',
    '| Files | Tests | Errors | Warnings | Info | Score |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${files} | ${tests} | ${errors} | ${warnings} | ${info} | ${score} |`,
    '',
  ];
  if (report.fixes?.length) {
    lines.push('## Fixes', '', '| File | Line | Rule | Change | Applied |', '|---|---:|---|---|---|');
    for (const fix of report.fixes)
      lines.push(
        row([fix.file, String(fix.line ?? ''), fix.ruleId, fix.description, fix.applied ? 'yes' : 'no']),
      );
    lines.push('');
  }
  const withFindings = report.files.filter((file) => file.findings.length > 0);
  if (withFindings.length === 0) lines.push('No findings.', '');
  for (const file of withFindings) lines.push(...fileSection(file));
  return lines.join('\n');
}

function fileSection(file: FileReport): string[] {
  return [
    `## \`${file.file}\``,
    '',
    `${file.kind}, ${file.tests.length} tests, score ${file.score}`,
    '',
    '| Location | Severity | Rule | Test | Message | Recommendation |',
    '|---|---|---|---|---|---|',
    ...file.findings.map((finding) =>
      row([
        `${finding.line}:${finding.column}`,
        finding.severity,
        `\`${finding.ruleId}\``,
        finding.test ?? '',
        finding.message,
        finding.recommendation,
      ]),
    ),
    '',
  ];
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A table cell stays one cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
