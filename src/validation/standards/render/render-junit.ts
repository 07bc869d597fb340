import type { FileReport, Finding, StandardsReport } from '../model/standards-report.ts';

/**
 * JUnit XML, so CI shows the check like a test run: one testsuite per file, one testcase per
 * checked test (plus one for the file when it has no tests or has findings of its own), and a
 * failure for each testcase with errors. Warnings and info go to system-out.
 */
export function renderJunit(report: StandardsReport): string {
  const suites = report.files.map(suiteXml);
  const cases = report.files.reduce((sum, file) => sum + testcases(file).length, 0);
  const failures = report.files.reduce((sum, file) => sum + failedCases(file), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="testops check" tests="${cases}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

interface JunitCase {
  name: string;
  line: number;
  findings: Finding[];
}

function testcases(file: FileReport): JunitCase[] {
  const cases: JunitCase[] = file.tests.map((test) => ({
    name: test.id,
    line: test.line,
    findings: file.findings.filter((finding) => finding.test === test.id),
  }));
  const own = file.findings.filter((finding) => finding.test === undefined);
  if (cases.length === 0 || own.length > 0) cases.unshift({ name: '(file)', line: 1, findings: own });
  return cases;
}

function failedCases(file: FileReport): number {
  return testcases(file).filter((test) => test.findings.some((finding) => finding.severity === 'error'))
    .length;
}

function suiteXml(file: FileReport): string {
  const cases = testcases(file);
  const body = cases.map((test) => caseXml(file, test));
  return [
    `  <testsuite name="${escape(file.file)}" tests="${cases.length}" failures="${failedCases(file)}" errors="0">`,
    ...body,
    '  </testsuite>',
  ].join('\n');
}

function caseXml(file: FileReport, test: JunitCase): string {
  const errors = test.findings.filter((finding) => finding.severity === 'error');
  const others = test.findings.filter((finding) => finding.severity !== 'error');
  const open = `    <testcase classname="${escape(file.file)}" name="${escape(test.name)}" file="${escape(file.file)}" line="${test.line}"`;
  if (errors.length === 0 && others.length === 0) return `${open}/>`;
  const parts = [`${open}>`];
  if (errors.length > 0)
    parts.push(
      `      <failure type="${escape(errors[0]!.ruleId)}" message="${escape(errors[0]!.message)}">${escape(errors.map(describe).join('\n'))}</failure>`,
    );
  if (others.length > 0)
    parts.push(`      <system-out>${escape(others.map(describe).join('\n'))}</system-out>`);
  parts.push('    </testcase>');
  return parts.join('\n');
}

function describe(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}: ${finding.message} (${finding.recommendation})`;
}

/** Escapes markup and drops characters XML 1.0 cannot hold at all. */
function escape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
