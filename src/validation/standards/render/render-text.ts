import type { FileReport, FixChange, StandardsReport } from '../model/standards-report.ts';

const SEVERITY_WIDTH = 8;

/**
 * The human report: findings grouped by file, each with its location, rule and what to do; files
 * without findings are counted, not listed, so a clean suite of a thousand files stays short.
 */
export function renderText(report: StandardsReport): string {
  const lines: string[] = [];
  if (report.fixes) lines.push(...fixLines(report.fixes), '');
  const withFindings = report.files.filter((file) => file.findings.length > 0);
  for (const file of withFindings) lines.push(...fileLines(file), '');
  const clean = report.files.length - withFindings.length;
  if (clean > 0) lines.push(`${clean} file${clean === 1 ? '' : 's'} without findings.`);
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

function fileLines(file: FileReport): string[] {
  const tests = `${file.tests.length} test${file.tests.length === 1 ? '' : 's'}`;
  const lines = [`${file.file}  (${file.kind}, ${tests}, score ${file.score})`];
  const locationWidth = Math.max(
    ...file.findings.map((finding) => `${finding.line}:${finding.column}`.length),
  );
  const ruleWidth = Math.max(...file.findings.map((finding) => finding.ruleId.length));
  for (const finding of file.findings) {
    const location = `${finding.line}:${finding.column}`.padEnd(locationWidth);
    lines.push(
      `  ${location}  ${finding.severity.padEnd(SEVERITY_WIDTH)}${finding.ruleId.padEnd(ruleWidth)}  ${finding.message}`,
      `  ${' '.repeat(locationWidth + 2 + SEVERITY_WIDTH + ruleWidth + 2)}→ ${finding.recommendation}`,
    );
  }
  return lines;
}

function fixLines(fixes: FixChange[]): string[] {
  if (fixes.length === 0) return ['Nothing to fix: no safe fix applies.'];
  const applied = fixes.filter((fix) => fix.applied);
  const skipped = fixes.filter((fix) => !fix.applied);
  const line = (fix: FixChange) =>
    `  ${fix.file}${fix.line ? `:${fix.line}` : ''}  ${fix.ruleId}  ${fix.description}`;
  return [
    `Fixed (${applied.length}):`,
    ...applied.map(line),
    ...(skipped.length ? [`Not fixed (${skipped.length}), needs a person:`, ...skipped.map(line)] : []),
  ];
}

/** One line: files, tests, findings by severity, score. */
export function summaryLine(report: StandardsReport): string {
  const { files, tests, errors, warnings, info, score } = report.summary;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(files, 'file')}, ${plural(tests, 'test')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${info} info; score ${score}/100`;
}
