import pc from 'picocolors';
import type { RunReport } from '../core/run-report.ts';
import { renderConsoleSummary } from '../emit/report/render-report.ts';

/** Prints the report (table or JSON) and returns the exit code: 1 when the target showed defects. */
export function printReport(report: RunReport, options: { json: boolean; outDir: string }): number {
  if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else {
    process.stdout.write(`\n${pc.bold('Summary')}\n${renderConsoleSummary(report)}\n`);
    process.stdout.write(
      `\nSuite: ${options.outDir}\nReport: ${options.outDir}/REPORT.md, ${options.outDir}/testops-report.json\n`,
    );
  }
  return report.tests.failed > 0 || report.tests.flaky > 0 ? 1 : 0;
}
