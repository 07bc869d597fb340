import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export interface JunitCase {
  name: string;
  classname: string;
  outcome: 'passed' | 'failed' | 'skipped';
  /** Failure or error message; empty when the test passed. */
  message: string;
  /** `<properties>` the emitted conftest records: case id, operation, evidence file. */
  properties: Record<string, string>;
}

interface RawProperty {
  name: string;
  value: string;
}

interface RawProblem {
  message?: string;
}

interface RawCase {
  name: string;
  classname: string;
  properties?: { property: RawProperty[] };
  failure?: RawProblem | string;
  error?: RawProblem | string;
  skipped?: unknown;
}

/** The test cases of a pytest JUnit XML file. */
export function readJunit(path: string): JunitCase[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  const document = parser.parse(readFileSync(path, 'utf8')) as {
    testsuites: { testsuite: { testcase?: RawCase[] }[] };
  };
  return document.testsuites.testsuite.flatMap((suite) => suite.testcase ?? []).map(toCase);
}

function toCase(raw: RawCase): JunitCase {
  const problem = raw.failure ?? raw.error;
  const properties = Object.fromEntries(
    (raw.properties?.property ?? []).map((item) => [item.name, item.value]),
  );
  const outcome = problem !== undefined ? 'failed' : raw.skipped !== undefined ? 'skipped' : 'passed';
  const message = typeof problem === 'object' ? (problem.message ?? '') : (problem ?? '');
  return { name: raw.name, classname: raw.classname, outcome, message, properties };
}
