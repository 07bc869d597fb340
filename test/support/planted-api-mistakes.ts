import type { ComputeApiServer } from '../../examples/compute-api/server.ts';
import type { ApiSuite, ApiTestCase } from '../../src/core/test-case.ts';
import type { GenerateApiOptions } from '../../src/pipeline/generate-api.ts';

/** A well-formed identifier that names nothing: the server answers 404, not a validation error. */
export const NOBODY = '3f8a2c1e-0000-4000-8000-00000000dead';

/**
 * Three test mistakes planted in a compute API suite (through `generateApi`'s `alterDesign`
 * seam): the disk and VM reads lose the create they depend on (their id becomes a literal that
 * names nothing), the flavor list loses its credentials. The recorded repairs
 * (test/fixtures/llm/answers/compute-repairs.json) fix the disk read and the flavor list, and name
 * a kind the suite does not have for the VM read.
 */
/** `generateApi` options that run the compute demo's suite with the three planted mistakes, in either format. */
export function plantedApiRepairRun(
  compute: ComputeApiServer,
  outDir: string,
  repeat: number,
  format: GenerateApiOptions['format'] = 'playwright-ts',
): GenerateApiOptions {
  return {
    spec: 'examples/compute-api/openapi.yaml',
    outDir,
    format,
    baseUrl: compute.url,
    headers: [`Authorization: Bearer ${compute.token}`],
    variables: { project_id: compute.projectId },
    only: ['GET /api/v1/disks/{disk_id}', 'GET /api/v1/vms/{vm_id}', 'GET /api/v1/flavors'],
    cache: false,
    run: true,
    learn: false,
    repeat,
    alterDesign: plantApiMistakes,
  };
}

export function plantApiMistakes(suite: ApiSuite): ApiSuite {
  const positive = (operation: string) =>
    suite.cases.find((testCase) => testCase.kind === 'positive' && testCase.operation === operation)!;
  return {
    ...suite,
    // Only the planted cases: the run is about them.
    cases: [
      withoutSetup(positive('GET /api/v1/disks/{disk_id}'), 'disk_id', 'planted-disk-read'),
      withoutSetup(positive('GET /api/v1/vms/{vm_id}'), 'vm_id', 'planted-vm-read'),
      withoutAuth(positive('GET /api/v1/flavors'), 'planted-flavor-list'),
    ],
  };
}

function withoutSetup(testCase: ApiTestCase, parameter: string, id: string): ApiTestCase {
  const planted = structuredClone(testCase);
  planted.id = id;
  planted.uses = [];
  for (const step of planted.steps)
    if (parameter in step.request.pathParams)
      step.request.pathParams[parameter] = { kind: 'literal', value: NOBODY };
  return planted;
}

function withoutAuth(testCase: ApiTestCase, id: string): ApiTestCase {
  const planted = structuredClone(testCase);
  planted.id = id;
  for (const step of planted.steps) step.request.auth = 'none';
  return planted;
}
