import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TestopsError } from '../core/errors.ts';
import { withoutAnsi } from '../core/plain-text.ts';
import type { TriageFailure } from '../core/triage.ts';
import { type ReadFailures, isObject, framesOf } from './read-result.ts';

type Problem = { message?: string; type?: string; '#text'?: string } | string;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  cdataPropName: false,
  isArray: (name) =>
    [
      'testsuite',
      'testcase',
      'failure',
      'error',
      'flakyFailure',
      'flakyError',
      'rerunFailure',
      'rerunError',
    ].includes(name),
});

/**
 * Failures of a JUnit XML file (Playwright's, pytest's, Maven Surefire's): a testcase with a
 * `failure` or `error`, or only `flakyFailure`/`rerunFailure` (failed, then passed on a rerun).
 */
export function junitFailures(text: string, name: string): ReadFailures {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new TestopsError('TESTOPS_TRIAGE_INPUT_UNKNOWN', `not well-formed XML: ${valid.err.msg}`, {
      where: `${name}, line ${valid.err.line}, column ${valid.err.col}`,
      expected: 'JUnit XML (<testsuites> or <testsuite> with <testcase> elements)',
      hint: 'pass the file the runner wrote, unchanged.',
    });
  }
  const document = parser.parse(text) as { testsuites?: { testsuite?: unknown[] }; testsuite?: unknown[] };
  const result: ReadFailures = { failures: [], problems: [] };
  const visit = (suite: unknown, path: string) => {
    if (!isObject(suite)) return;
    const cases = Array.isArray(suite['testcase']) ? suite['testcase'] : [];
    cases.forEach((raw: unknown, index) => {
      const where = `${path}.testcase[${index}]`;
      if (!isObject(raw) || typeof raw['name'] !== 'string') {
        result.problems.push({ entry: where, message: 'has no "name" attribute' });
        return;
      }
      const failure = caseFailure(raw as Record<string, unknown> & { name: string });
      if (failure) result.failures.push(failure);
    });
    const children = Array.isArray(suite['testsuite']) ? suite['testsuite'] : [];
    children.forEach((child: unknown, index) => visit(child, `${path}.testsuite[${index}]`));
  };
  const suites = document.testsuites?.testsuite ?? document.testsuite ?? [];
  suites.forEach((suite, index) => visit(suite, `testsuite[${index}]`));
  return result;
}

function caseFailure(raw: Record<string, unknown> & { name: string }): TriageFailure | undefined {
  const hard = [...list(raw['failure']), ...list(raw['error'])];
  const reruns = ['flakyFailure', 'flakyError', 'rerunFailure', 'rerunError'].flatMap((key) =>
    list(raw[key]),
  );
  const problem = hard[0] ?? reruns[0];
  if (!problem) return undefined;
  const message = typeof problem === 'string' ? '' : (problem.message ?? '');
  const body = withoutAnsi(typeof problem === 'string' ? problem : (problem['#text'] ?? ''));
  const type = typeof problem === 'string' ? '' : (problem.type ?? '');
  const classname = typeof raw['classname'] === 'string' ? raw['classname'] : undefined;
  return {
    test: raw.name,
    file: typeof raw['file'] === 'string' ? raw['file'] : classname,
    operation: undefined,
    status:
      hard.length === 0
        ? 'flaky'
        : /timeout/i.test(type)
          ? 'timedOut'
          : list(raw['failure']).length === 0
            ? 'error'
            : 'failed',
    // pytest puts the assertion in the body ("E   assert 500 == 201"), Playwright the first line in `message`.
    message: withoutAnsi(
      [type && !message.startsWith(type) ? `${type}: ${message}` : message, body.replace(/^E {3}/gm, '')]
        .filter(Boolean)
        .join('\n'),
    ),
    frames: [...framesOf(body), ...pythonFrames(body)],
    expected: undefined,
    actual: undefined,
    findingSignature: undefined,
    findingTitle: undefined,
    passes: hard.length === 0 ? 1 : 0,
    runs: hard.length + reruns.length + (hard.length === 0 ? 1 : 0),
  };
}

function list(value: unknown): Problem[] {
  return Array.isArray(value) ? (value as Problem[]) : [];
}

/** pytest's `tests/test_x.py:42: AssertionError` lines, innermost first. */
function pythonFrames(body: string): string[] {
  return [...body.matchAll(/^(\S+\.py:\d+): \w+/gm)].map((match) => match[1]!).reverse();
}
