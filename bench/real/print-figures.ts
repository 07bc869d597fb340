// The benchmark's printed output: one table per kind, then every finding with its judgement.
import type { RunReport } from '../../src/core/run-report.ts';
import { formatTable, seconds } from '../api/text-table.ts';
import { countByKind } from './finding-kind.ts';
import type { Finding, Judgement } from './judgements.ts';
import { judge } from './judgements.ts';

export interface KindResult {
  target: string;
  kind: 'api' | 'ui';
  report: RunReport | undefined;
  ms: number;
  error: string | undefined;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function failedRow(result: KindResult, width: number): string[] {
  return [result.target, `failed: ${result.error ?? 'no report'}`, ...Array<string>(width - 2).fill('')];
}

export function apiTable(results: KindResult[]): string {
  const header = ['target', 'operations', 'generated', 'delivered', 'flaky', 'defects', 'skipped', 'time'];
  const rows = results.map((result) => {
    const report = result.report;
    if (!report) return failedRow(result, header.length);
    return [
      result.target,
      `${report.operations.covered}/${report.operations.total}`,
      String(report.tests.generated),
      String(report.tests.delivered),
      String(report.tests.flaky),
      String(report.suspectedDefects.length),
      String(report.tests.skipped),
      seconds(result.ms),
    ];
  });
  return formatTable([header, ...rows]);
}

export function uiTable(results: KindResult[]): string {
  const header = [
    'target',
    'pages',
    'elements',
    'interactions',
    'generated',
    'delivered',
    'flaky',
    'defects',
    'time',
  ];
  const rows = results.map((result) => {
    const report = result.report;
    if (!report) return failedRow(result, header.length);
    const pages = report.pages ?? [];
    return [
      result.target,
      String(pages.length),
      String(sum(pages.map((page) => page.elements))),
      String(sum(pages.map((page) => page.interactions))),
      String(report.tests.generated),
      String(report.tests.delivered),
      String(report.tests.flaky),
      String(report.suspectedDefects.length),
      seconds(result.ms),
    ];
  });
  return formatTable([header, ...rows]);
}

export function findingsOf(results: KindResult[]): Finding[] {
  return results.flatMap((result) =>
    (result.report?.suspectedDefects ?? []).map((defect) => {
      const cause = result.report?.findings?.find((finding) =>
        finding.occurrences.some((occurrence) => occurrence.test === defect.test),
      )?.signature;
      return {
        target: result.target,
        kind: result.kind,
        test: defect.test,
        operation: defect.operation,
        expected: defect.expected,
        actual: defect.actual,
        ...(cause ? { cause } : {}),
      };
    }),
  );
}

function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function judgementsSection(findings: Finding[], judgements: Judgement[]): string {
  const lines: string[] = [];
  const totals = { real: 0, false: 0, unjudged: 0 };
  for (const finding of findings) {
    const judgement = judge(finding, judgements);
    totals[judgement?.verdict ?? 'unjudged'] += 1;
    lines.push(
      `  [${judgement?.verdict ?? 'unjudged'}] ${finding.target} ${finding.kind}: ${oneLine(finding.test)}`,
    );
    lines.push(
      judgement
        ? `      evidence: ${oneLine(judgement.evidence, 140)}`
        : `      expected ${oneLine(finding.expected, 60)}; actual ${oneLine(finding.actual, 60)}`,
    );
  }
  lines.push(`  totals: real ${totals.real}, false ${totals.false}, unjudged ${totals.unjudged}`);
  return lines.join('\n');
}

/**
 * One line per target that reported findings: how many of each kind (read from the failing
 * tests), then the engine's own findings, one per root cause, with their kind and severity.
 */
export function kindsSection(results: KindResult[]): string {
  const lines = results
    .filter((result) => (result.report?.suspectedDefects.length ?? 0) > 0)
    .flatMap((result) => [
      `  ${result.target} ${result.kind}: ${countByKind(findingsOf([result]))}`,
      ...(result.report?.findings ?? []).map(
        (finding) =>
          `      ${finding.kind} (${finding.severity}) ×${finding.occurrences.length}: ${oneLine(finding.title, 100)}`,
      ),
    ]);
  return lines.join('\n') || '  none';
}
