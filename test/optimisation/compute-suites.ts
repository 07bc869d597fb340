// The compute demo's generated suites (Playwright and pytest, not run) and planted copies of
// them, built once per test file in a temporary folder.
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { ExistingTest } from '../../src/core/existing-test.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { readTestFolder } from '../../src/sources/existing-tests/read-test-folder.ts';
import { plantPlaywright, plantPytest, type Plant } from './plant-tests.ts';

export const COMPUTE_SPEC = 'examples/compute-api/openapi.yaml';
export const FIXTURES = 'test/fixtures/suites';
export const REMOVED_OPERATION = 'POST /api/v1/disks/{disk_id}/detach';

export interface ComputeSuites {
  dir: string;
  playwright: string;
  pytest: string;
  /** planted/{playwright,pytest,manual,manual-planted,broken}. */
  planted: string;
  /** The spec without `POST …/detach` and with `description` of PublicDiskUpdateRequest renamed `summary`. */
  changedSpec: string;
  plantedFrom: { playwright: ExistingTest[]; pytest: ExistingTest[] };
}

const isPositiveCreate = (test: ExistingTest) =>
  test.title.startsWith('POST /api/v1/disks succeeds with 201');
const isSizeBelowMinimum = (test: ExistingTest) =>
  test.title.startsWith('POST /api/v1/disks rejects "size" below its minimum');
const isSizeAboveMaximum = (test: ExistingTest) =>
  test.title.startsWith('POST /api/v1/disks rejects "size" above its maximum');

/** [exact duplicate, near duplicate (reworded steps), conflict (201 → 422)], for both languages. */
function plants(language: 'ts' | 'py'): Plant[] {
  const act = language === 'ts' ? /test\.step\('Act: [^']*'/ : /allure\.step\("Act: (?:[^"\\]|\\.)*"\)/;
  const assert =
    language === 'ts' ? /test\.step\('Assert: [^']*'/ : /allure\.step\("Assert: (?:[^"\\]|\\.)*"\)/;
  const step = (text: string) => (language === 'ts' ? `test.step('${text}'` : `allure.step("${text}")`);
  return [
    {
      pick: isSizeAboveMaximum,
      title: 'POST /api/v1/disks rejects a size above the maximum (copy)',
      // Same code, laid out differently (Python keeps its indentation, it is syntax there).
      change: (block) =>
        language === 'ts'
          ? block.replace(/^ {2,}/gm, (spaces) => `${spaces}  `).replace(/, /g, ',  ')
          : block.replace(/, /g, ',  ').replace(/\):\n/g, '):\n\n'),
    },
    {
      pick: isSizeBelowMinimum,
      title: 'POST /api/v1/disks refuses a disk of size zero',
      change: (block) =>
        block
          .replace(act, step('Act: send a disk creation request whose size is under the minimum (0)'))
          .replace(
            assert,
            step('Assert: the answer is status 422, in application/json, matching the documented schema'),
          ),
    },
    {
      pick: isPositiveCreate,
      title: 'POST /api/v1/disks rejects a disk without a description with 422',
      change: (block) => block.replace('[201]', '[422]'),
    },
  ];
}

export async function buildComputeSuites(): Promise<ComputeSuites> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-optimise-'));
  const playwright = join(dir, 'clean', 'playwright');
  const pytest = join(dir, 'clean', 'pytest');
  await generateApi({ spec: COMPUTE_SPEC, outDir: playwright, format: 'playwright-ts' });
  await generateApi({ spec: COMPUTE_SPEC, outDir: pytest, format: 'pytest' });
  const planted = join(dir, 'planted');
  await cp(join(playwright, 'tests'), join(planted, 'playwright', 'tests'), { recursive: true });
  await cp(join(pytest, 'tests'), join(planted, 'pytest', 'tests'), { recursive: true });
  for (const folder of ['manual', 'manual-planted', 'broken'])
    await cp(join(FIXTURES, folder), join(planted, folder), { recursive: true });
  await cp(
    join(FIXTURES, 'broken', 'broken-syntax.spec.ts.txt'),
    join(planted, 'broken', 'broken-syntax.spec.ts'),
  );
  const plantedFrom = {
    playwright: await plantPlaywright(join(planted, 'playwright'), await testsOf(playwright), plants('ts')),
    pytest: await plantPytest(join(planted, 'pytest'), await testsOf(pytest), plants('py')),
  };
  const changedSpec = await writeChangedSpec(dir);
  return { dir, playwright, pytest, planted, changedSpec, plantedFrom };
}

async function testsOf(suite: string): Promise<ExistingTest[]> {
  return (await readTestFolder(suite)).tests;
}

async function writeChangedSpec(dir: string): Promise<string> {
  const spec = parse(await readFile(COMPUTE_SPEC, 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  };
  delete spec.paths['/api/v1/disks/{disk_id}/detach']!['post'];
  const update = spec.components.schemas['PublicDiskUpdateRequest']!.properties;
  update['summary'] = update['description'];
  delete update['description'];
  await mkdir(join(dir, 'spec'), { recursive: true });
  const file = join(dir, 'spec', 'openapi.yaml');
  await writeFile(file, stringify(spec));
  return file;
}
