import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../examples/compute-api/server.ts';
import type { RunReport } from '../../src/core/run-report.ts';
import { linkSuiteDependencies } from '../emit/playwright-ui/suite-dependencies.ts';

// Regression: a header outside the credential name list (X-Vault-Token) was written in plain text
// into evidence files and curl lines. Every secret value must be absent from every file a run
// leaves and from what the CLI prints, in both emitted runtimes.
const ONLY = [
  'POST /api/v1/disks',
  'GET /api/v1/disks/{disk_id}',
  'PUT /api/v1/disks/{disk_id}',
  'DELETE /api/v1/disks/{disk_id}',
];
const ALLURE_STUB = resolve('test/emit/pytest/fixtures/allure-stub');

const vaultToken = `vault-${randomBytes(12).toString('hex')}`;
const bearerToken = `bearer-${randomBytes(12).toString('hex')}`;
// The demo's project id, given as a secret variable: it lands in URLs and response bodies.
const projectId = randomUUID();
const SECRETS = [vaultToken, bearerToken, projectId];

let api: ComputeApiServer;
const folders: string[] = [];

beforeAll(async () => {
  // Updates are not persisted: the disk lifecycle test fails and leaves evidence.
  api = await startComputeApi({ fault: 'update-not-persisted', token: bearerToken, projectId });
});

afterAll(async () => {
  await api?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

function testops(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['bin/testops.js', ...args],
      { maxBuffer: 50_000_000, env: { ...process.env, PYTHONPATH: ALLURE_STUB } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

/** Every file under `dir` (not the linked dependencies) that contains one of the secrets. */
async function filesHolding(dir: string, secrets: string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.name === 'node_modules' || (await lstat(path)).isSymbolicLink()) continue;
      if (entry.isDirectory()) await walk(path);
      else {
        const text = await readFile(path, 'latin1');
        for (const secret of secrets)
          if (text.includes(secret)) found.push(`${relative(dir, path)}: ${secret}`);
      }
    }
  };
  await walk(dir);
  return found;
}

const RAW_ERROR_TEST = {
  'playwright-ts': [
    'tests/raw-error.spec.ts',
    "import { test } from '../support/test.ts';\n\ntest('raw error', async ({ api }) => {\n  void api;\n  throw new Error(`raw ${process.env['API_HEADERS']}`);\n});\n",
  ],
  pytest: [
    'tests/test_raw_error.py',
    'import os\n\n\ndef test_raw_error(api):\n    raise RuntimeError("raw " + os.environ["API_HEADERS"])\n',
  ],
} as const;

const credentials = [
  '--header',
  `Authorization: Bearer ${bearerToken}`,
  '--header',
  `X-Vault-Token: ${vaultToken}`,
  '--secret-var',
  `project_id=${projectId}`,
];

describe.each(['playwright-ts', 'pytest'] as const)('secrets in a %s run', (format) => {
  it('are masked in evidence, curl lines, reports, runner results and output', async () => {
    const suiteDir = await mkdtemp(join(tmpdir(), `testops-secrets-${format}-`));
    folders.push(suiteDir);
    const only = ONLY.flatMap((operation) => ['--only', operation]);
    const generated = await testops([
      ...['generate', 'api', '--spec', 'examples/compute-api/openapi.yaml', '--format', format],
      ...['--base-url', api.url, '--out', suiteDir, ...only, ...credentials],
    ]);
    expect(generated.code, generated.output).toBe(0);
    if (format === 'playwright-ts')
      linkSuiteDependencies(suiteDir, await readFile(join(suiteDir, 'package.json'), 'utf8'));
    // A test failing with an error the runtime did not throw: the runner's own reporting masks it too.
    const [rawErrorFile, rawErrorTest] = RAW_ERROR_TEST[format];
    await writeFile(join(suiteDir, rawErrorFile), rawErrorTest);

    const run = await testops(['run', suiteDir, '--repeat', '1', ...credentials]);
    expect(run.code, run.output).toBe(1);
    const report = JSON.parse(await readFile(join(suiteDir, 'testops-report.json'), 'utf8')) as RunReport;
    const lifecycle = report.suspectedDefects.find((defect) => defect.test.startsWith('disk lifecycle'));
    expect(lifecycle?.curl).toMatch(/'x-vault-token: \*\*\*'/i);
    // The tests ran with the secrets: the custom header was sent and recorded (masked).
    const evidence = await readFile(join(suiteDir, lifecycle!.evidence), 'utf8');
    expect(evidence).toMatch(/"x-vault-token": "\*\*\*"/i);
    expect(evidence).toContain('\\"project_id\\":\\"***\\"');
    const rawError = report.suspectedDefects.find((defect) => /raw/.test(defect.test));
    expect(rawError?.actual).toContain('raw Authorization: ***');

    expect(await filesHolding(suiteDir, SECRETS)).toEqual([]);
    for (const secret of SECRETS) expect(run.output).not.toContain(secret);
    expect(generated.output).not.toContain(vaultToken);
  }, 300_000);
});
