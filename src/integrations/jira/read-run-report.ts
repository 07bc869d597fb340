import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { TestopsError } from '../../core/errors.ts';
import type { RunReport } from '../../core/run-report.ts';

const REPORT_FILE = 'testops-report.json';

// The parts of the report an export reads, checked: a report is a file the user hands us.
const occurrence = z.object({
  test: z.string(),
  operation: z.string(),
  evidence: z.string(),
  curl: z.string().optional().nullable(),
});
const reportShape = z.object({
  version: z.literal(1),
  kind: z.enum(['api', 'ui']),
  generatedAt: z.string(),
  target: z.object({ spec: z.string().optional().nullable(), baseUrl: z.string().optional().nullable() }),
  format: z.enum(['playwright-ts', 'pytest']),
  repeat: z.number(),
  findings: z.array(
    z.object({
      id: z.string(),
      kind: z.enum([
        'server-error',
        'invalid-input-accepted',
        'state-defect',
        'contract-deviation',
        'functional-defect',
      ]),
      severity: z.enum(['critical', 'major', 'minor', 'warning']),
      title: z.string(),
      signature: z.string(),
      occurrences: z.array(occurrence),
    }),
  ),
});

/** A run report and the suite folder its evidence paths are relative to. */
export interface LoadedReport {
  report: RunReport;
  suiteDir: string;
  file: string;
}

/** Reads `testops-report.json`, given as the file or the suite folder holding it. */
export async function readRunReport(path: string): Promise<LoadedReport> {
  const given = resolve(path);
  const info = await stat(given).catch(() => undefined);
  const file = info?.isDirectory() ? join(given, REPORT_FILE) : given;
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'the run report does not exist', {
      where: file,
      expected: `a ${REPORT_FILE} written by \`testops generate … --run\` or \`testops run\`, or the suite folder holding it`,
      hint: 'run the suite first (testops run <suite>), then export its report.',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = reportShape.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(file, `${issue.path.join('.') || 'the report'}: ${issue.message}`);
  }
  const report = data as RunReport;
  return { report, suiteDir: dirname(file), file };
}

function invalid(file: string, problem: string): TestopsError {
  return new TestopsError('TESTOPS_INVALID_ARGUMENT', `the run report cannot be read: ${problem}`, {
    where: file,
    expected: `a ${REPORT_FILE} of version 1`,
    hint: 'pass the testops-report.json of a suite run (or its folder), unchanged.',
  });
}
