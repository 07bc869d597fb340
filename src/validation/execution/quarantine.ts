import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestOutcome } from '../../core/run-report.ts';
import { markPlaywrightTests } from './mark-playwright-tests.ts';
import { markPytestTests } from './mark-pytest-tests.ts';
import type { FileMarker, TestMark } from './test-marks.ts';

export type { TestMark } from './test-marks.ts';

/** What marking did: every mark is either applied or listed with why it could not be. */
export interface QuarantineResult {
  marked: string[];
  unmarked: { test: string; reason: string }[];
}

/**
 * The delivered suite is what passed: flaky tests and tests that failed every run (suspected
 * defects, with their evidence) are marked so the runner skips them with the reason, and a
 * plain `npx playwright test` / `pytest` on the output passes. Each mark is checked on the
 * written file; a test that could not be marked is reported, never silently left running.
 */
export async function markUndeliveredTests(
  suiteDir: string,
  format: 'playwright-ts' | 'pytest',
  marks: TestMark[],
): Promise<QuarantineResult> {
  const result: QuarantineResult = { marked: [], unmarked: [] };
  const byFile = new Map<string, TestMark[]>();
  for (const mark of marks) {
    const file = format === 'pytest' ? pytestFile(mark.outcome) : playwrightFile(mark.outcome);
    byFile.set(file, [...(byFile.get(file) ?? []), mark]);
  }
  const marker: FileMarker = format === 'pytest' ? markPytestTests : markPlaywrightTests;
  for (const [file, fileMarks] of byFile) {
    const candidates =
      format === 'pytest' ? pytestPaths(file) : [join('tests', file.replace(/^tests\//, ''))];
    const found = await firstReadable(suiteDir, candidates);
    if (!found) {
      for (const mark of fileMarks)
        result.unmarked.push({ test: mark.outcome.title, reason: `no file ${candidates.join(' or ')}` });
      continue;
    }
    const edited = marker(found.source, fileMarks);
    if (edited.marked.length > 0) await writeFile(join(suiteDir, found.path), edited.source);
    result.marked.push(...edited.marked.map((mark) => mark.outcome.title));
    for (const { mark, reason } of edited.unmarked)
      result.unmarked.push({ test: mark.outcome.title, reason: `${found.path}: ${reason}` });
  }
  return result;
}

/** The one-line reason written beside a marked test. */
export function markReason(outcome: TestOutcome, evidence: string | undefined, guessed = false): string {
  // A rule the model guessed that failed is most likely a wrong guess: never called a defect.
  const what = guessed ? 'unconfirmed model scenario, check by hand' : 'suspected defect';
  const why =
    outcome.verdict === 'flaky'
      ? `passed ${outcome.passes} of ${outcome.runs} runs`
      : `${what}, failed ${outcome.runs} of ${outcome.runs} runs${evidence ? ` (evidence: ${evidence})` : ''}`;
  const actual = outcome.failure?.actual ? ` ${outcome.failure.actual}` : '';
  return `Not delivered by TestOps Copilot: ${why}.${actual}`.replace(/\s+/g, ' ').slice(0, 300);
}

/** `tests/disks.spec.ts:12` → `disks.spec.ts`. */
function playwrightFile(outcome: TestOutcome): string {
  return /^(.*):\d+$/.exec(outcome.file)?.[1] ?? outcome.file;
}

/** `tests/test_disks/TestDisks::test_x[a]` → `tests/test_disks/TestDisks` (module, maybe a class). */
function pytestFile(outcome: TestOutcome): string {
  return outcome.file.split('::')[0]!;
}

/** The JUnit class name ends with the class when there is one: try the module with and without it. */
function pytestPaths(modulePath: string): string[] {
  const parts = modulePath.split('/');
  return [`${parts.join('/')}.py`, ...(parts.length > 1 ? [`${parts.slice(0, -1).join('/')}.py`] : [])];
}

async function firstReadable(
  root: string,
  paths: string[],
): Promise<{ path: string; source: string } | undefined> {
  for (const path of paths) {
    const source = await readFile(join(root, path), 'utf8').catch(() => undefined);
    if (source !== undefined) return { path, source };
  }
  return undefined;
}
