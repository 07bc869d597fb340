import pc from 'picocolors';
import type { RunReport } from '../core/run-report.ts';
import { renderConsoleSummary } from '../emit/report/render-report.ts';

/** Prints the report (table or JSON) and returns the exit code: 1 when the target showed defects (warnings alone do not count). */
export function printReport(report: RunReport, options: { json: boolean; outDir: string }): number {
  if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else {
    // The warning that exploration found little to act on must not be missed among the figures.
    const summary = renderConsoleSummary(report)
      .split('\n')
      .map((line) => (line.startsWith('  ! ') ? pc.yellow(pc.bold(line)) : line))
      .join('\n');
    process.stdout.write(`\n${pc.bold('Summary')}\n${summary}\n`);
    process.stdout.write(
      `\nSuite: ${options.outDir}\nReport: ${options.outDir}/REPORT.md, ${options.outDir}/testops-report.json\n`,
    );
  }
  return failsRun(report) || report.tests.flaky > 0 ? 1 : 0;
}

/** Lenient conformance: contract deviations alone (warnings) do not fail the run. */
function failsRun(report: RunReport): boolean {
  if (report.tests.failed === 0) return false;
  const findings = report.findings ?? [];
  return findings.length === 0 || findings.some((finding) => finding.severity !== 'warning');
}
