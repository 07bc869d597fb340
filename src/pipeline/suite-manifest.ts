import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TestopsError } from '../core/errors.ts';
import type { ApiSuite } from '../core/test-case.ts';
import type { SuiteManifest } from '../emit/report/build-run-report.ts';

export const MANIFEST_FILE = 'testops-suite.json';

/** Credentials are never stored: only which kind the API uses, to warn when none is given. */
export type Manifest = SuiteManifest & {
  variables: { name: string; env: string }[];
  auth: ApiSuite['auth']['kind'];
  /** Where the credential goes and its scheme word, for curl lines (absent in older manifests). */
  authScheme?: ApiSuite['auth'];
};

export function manifestOf(
  suite: ApiSuite,
  format: SuiteManifest['format'],
  baseUrl: string | undefined,
): Manifest {
  return {
    version: 1,
    kind: 'api',
    format,
    title: suite.title,
    spec: suite.specSource,
    baseUrl,
    generatedAt: new Date().toISOString(),
    operations: suite.operations.map((operation) => operation.key),
    documentedStatuses: Object.fromEntries(
      suite.operations.map((operation) => [operation.key, operation.statuses ?? []]),
    ),
    skippedOperations: suite.skippedOperations,
    withheldTests: suite.withheldTests ?? [],
    unconstrained: suite.unconstrained ?? [],
    tests: suite.cases.map((testCase) => ({
      title: testCase.title,
      operation: testCase.operation,
      kind: testCase.kind,
      priority: testCase.priority,
      ...(testCase.coercible ? { coercible: true } : {}),
      ...(testCase.coercedField !== undefined ? { coercedField: testCase.coercedField } : {}),
      ...(testCase.missingResource ? { missingResource: testCase.missingResource } : {}),
      ...(testCase.refusalUndocumented ? { refusalUndocumented: true } : {}),
    })),
    variables: suite.variables.map((variable) => ({ name: variable.name, env: variable.env })),
    auth: suite.auth.kind,
    authScheme: suite.auth,
  };
}

export async function readManifest(suiteDir: string): Promise<Manifest> {
  const path = join(suiteDir, MANIFEST_FILE);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new TestopsError('TESTOPS_SUITE_NOT_FOUND', 'no generated suite here', {
      where: path,
      expected: `a folder written by \`testops generate api --out <dir>\` (it holds ${MANIFEST_FILE})`,
      hint: 'pass the folder given to --out when the suite was generated.',
    });
  }
  return JSON.parse(text) as Manifest;
}
