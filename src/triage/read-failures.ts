import { createHash } from 'node:crypto';
import { TestopsError } from '../core/errors.ts';
import type { FailureSet, RunFormat } from '../core/triage.ts';
import { isObject } from './read-result.ts';
import { junitFailures } from './junit-failures.ts';
import { playwrightFailures } from './playwright-failures.ts';
import { reportFailures } from './report-failures.ts';

export interface RunDocument {
  /** File name or `upload`: named in errors. */
  name: string;
  text: string;
}

const FORMATS = 'our testops-report.json, Playwright JSON reporter output, or JUnit XML';

/** Reads the failed and flaky tests of a run, whichever supported format it is in. */
export function readFailures(document: RunDocument): FailureSet {
  const format = detectFormat(document);
  const read =
    format === 'junit-xml'
      ? junitFailures(document.text, document.name)
      : format === 'playwright-json'
        ? playwrightFailures(parseJson(document))
        : reportFailures(parseJson(document));
  const runId = createHash('sha256').update(document.text).digest('hex').slice(0, 16);
  return { format, runId, ...read };
}

function detectFormat(document: RunDocument): RunFormat {
  const start = document.text.trimStart().slice(0, 2000);
  if (start.startsWith('<')) {
    if (/<testsuites?[\s>]/.test(start)) return 'junit-xml';
    throw unknownFormat(document, 'an XML document without <testsuites> or <testsuite>');
  }
  if (start.startsWith('{')) {
    const value = parseJson(document);
    if (isObject(value) && typeof value['version'] === 'number' && 'findings' in value && 'tests' in value)
      return 'testops-report';
    if (isObject(value) && Array.isArray(value['suites']) && isObject(value['config']))
      return 'playwright-json';
    throw unknownFormat(document, 'a JSON document that is neither our report nor Playwright JSON output');
  }
  throw unknownFormat(document, 'neither JSON nor XML');
}

function parseJson(document: RunDocument): unknown {
  try {
    return JSON.parse(document.text) as unknown;
  } catch (error) {
    throw new TestopsError('TESTOPS_TRIAGE_INPUT_UNKNOWN', `not valid JSON: ${(error as Error).message}`, {
      where: document.name,
      expected: FORMATS,
      hint: 'pass the file the runner wrote, unchanged.',
    });
  }
}

function unknownFormat(document: RunDocument, found: string): TestopsError {
  return new TestopsError('TESTOPS_TRIAGE_INPUT_UNKNOWN', `cannot triage this file: it is ${found}`, {
    where: document.name,
    expected: FORMATS,
    hint: "run Playwright with --reporter=json (or junit), pytest with --junitxml, or pass testops' testops-report.json.",
  });
}
