import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { RecordedExchange, TestOutcome } from '../../core/run-report.ts';

interface JunitCase {
  id: string;
  title: string;
  operation: string | undefined;
  outcome: 'passed' | 'failed' | 'skipped';
  message: string;
  exchangesFile: string | undefined;
}

interface RawCase {
  name: string;
  classname: string;
  properties?: { property: { name: string; value: string }[] };
  failure?: { message?: string; '#text'?: string } | string;
  error?: { message?: string; '#text'?: string } | string;
  skipped?: { message?: string } | string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

/** Reads one pytest JUnit file; the emitted conftest adds the case, operation and evidence file as properties. */
export async function readJunitCases(path: string): Promise<JunitCase[]> {
  const document = parser.parse(await readFile(path, 'utf8')) as {
    testsuites?: { testsuite: { testcase?: RawCase[] }[] };
    testsuite?: { testcase?: RawCase[] }[];
  };
  const suites = document.testsuites?.testsuite ?? document.testsuite ?? [];
  return suites
    .flatMap((suite) => suite.testcase ?? [])
    .map((raw) => {
      const properties = Object.fromEntries(
        (raw.properties?.property ?? []).map((property) => [property.name, property.value]),
      );
      const problem = raw.failure ?? raw.error;
      const text =
        typeof problem === 'object' ? `${problem.message ?? ''}\n${problem['#text'] ?? ''}` : (problem ?? '');
      const skipReason = typeof raw.skipped === 'object' ? (raw.skipped.message ?? '') : (raw.skipped ?? '');
      return {
        id: `${raw.classname.replace(/\./g, '/')}::${raw.name}`,
        title: properties['title'] ?? raw.name,
        operation: properties['operation'],
        outcome: problem !== undefined ? 'failed' : raw.skipped !== undefined ? 'skipped' : 'passed',
        // Assertion lines in a traceback are prefixed with "E   ".
        message: problem !== undefined ? text.replace(/^E {3}/gm, '') : skipReason,
        exchangesFile: properties['exchanges'],
      };
    });
}

/** Verdicts across repeated runs, same rule as for Playwright: all pass, all fail, or mixed. */
export async function classifyJunitRuns(suiteDir: string, runs: JunitCase[][]): Promise<TestOutcome[]> {
  const byId = new Map<string, JunitCase[]>();
  for (const run of runs)
    for (const testCase of run) byId.set(testCase.id, [...(byId.get(testCase.id) ?? []), testCase]);
  const outcomes: TestOutcome[] = [];
  for (const [id, results] of byId) {
    const ran = results.filter((result) => result.outcome !== 'skipped');
    const passes = ran.filter((result) => result.outcome === 'passed').length;
    const failed = ran.find((result) => result.outcome === 'failed');
    const verdict: TestOutcome['verdict'] =
      ran.length === 0 ? 'skipped' : passes === ran.length ? 'delivered' : passes === 0 ? 'defect' : 'flaky';
    const first = results[0]!;
    outcomes.push({
      title: first.title,
      file: id,
      operation: first.operation,
      verdict,
      passes,
      runs: ran.length,
      skipReason: verdict === 'skipped' ? first.message || 'skipped' : undefined,
      failure: failed
        ? {
            message: failed.message,
            expected: /^Expected: (.*)$/m.exec(failed.message)?.[1] ?? 'the test to pass',
            actual:
              /^Actual: (.*)$/m.exec(failed.message)?.[1] ??
              failed.message.trim().split('\n')[0]!.slice(0, 300),
            exchanges: failed.exchangesFile ? await readExchanges(join(suiteDir, failed.exchangesFile)) : [],
            artifacts: failed.exchangesFile ? [failed.exchangesFile] : [],
          }
        : undefined,
    });
  }
  return outcomes;
}

async function readExchanges(path: string): Promise<RecordedExchange[]> {
  return readFile(path, 'utf8')
    .then((text) => JSON.parse(text) as RecordedExchange[])
    .catch(() => []);
}
