import type { SourceFile, TestNode } from './model/source-model.ts';
import type { FileReport, Finding, Severity, StandardsReport } from './model/standards-report.ts';
import type { RuleSet } from './ruleset/rule-types.ts';

/**
 * Scores and the summary. A test scores 100 minus the weights of its own findings and of the
 * findings about its class and its file (a missing pytest.ini marker affects every case in the
 * file), never below 0; a file without tests is scored as one unit. The overall score is the
 * mean over all units.
 */
export function buildReport(
  files: SourceFile[],
  findings: Map<SourceFile, Finding[]>,
  ruleSet: RuleSet,
): StandardsReport {
  const weight = (list: Finding[]) =>
    list.reduce((sum, finding) => sum + ruleSet.scoring[finding.severity], 0);
  const units: number[] = [];
  const reports = files.map((file): FileReport => {
    const own = findings.get(file) ?? [];
    const unattributed = own.filter((finding) => finding.test === undefined);
    const tests = file.tests.map((test) => ({
      id: test.id,
      title: test.title,
      line: test.line,
      score: clamp(
        100 -
          weight(own.filter((finding) => finding.test === test.id)) -
          weight(unattributed.filter((finding) => concerns(file, finding.line, test))),
      ),
    }));
    const scores = tests.length > 0 ? tests.map((test) => test.score) : [clamp(100 - weight(own))];
    units.push(...scores);
    return { file: file.display, kind: file.kind, tests, findings: own, score: Math.round(mean(scores)) };
  });
  const all = reports.flatMap((report) => report.findings);
  const count = (severity: Severity) => all.filter((finding) => finding.severity === severity).length;
  return {
    version: 1,
    summary: {
      files: files.length,
      tests: files.reduce((sum, file) => sum + file.tests.length, 0),
      errors: count('error'),
      warnings: count('warning'),
      info: count('info'),
      score: Math.round(mean(units)),
      rules: ruleSet.rules.map((rule) => rule.id),
    },
    files: reports,
  };
}

/**
 * Whether a finding outside every test concerns this test: one inside a class or describe block
 * (its decorators, its name) concerns that block's tests; one outside every block, all tests.
 */
function concerns(file: SourceFile, line: number, test: TestNode): boolean {
  const around = file.suites.filter((suite) => line >= suite.startLine && line <= suite.endLine);
  return (
    around.length === 0 || around.some((suite) => test.line >= suite.startLine && test.line <= suite.endLine)
  );
}

function clamp(score: number): number {
  return Math.max(0, Math.min(100, score));
}

function mean(values: number[]): number {
  return values.length === 0 ? 100 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
