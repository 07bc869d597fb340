import { execFile } from 'node:child_process';
import { readFile, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/core/run-report.ts';

const run = promisify(execFile);
const BROKEN_SUBSET = 'test/fixtures/specs/evolution-compute-v3.vms-disks-flavors.yaml';

async function testops(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/testops.js', ...args], {
      maxBuffer: 20_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('testops CLI', () => {
  it('documents every flag of generate api in --help', async () => {
    const { code, stdout } = await testops('generate', 'api', '--help');
    expect(code).toBe(0);
    for (const flag of [
      '--spec',
      '--base-url',
      '--header',
      '--var',
      '--secret-var',
      '--out',
      '--format',
      '--run',
      '--repeat',
      '--allow-writes',
      '--only',
      '--json',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  it('takes an exploration time budget on explore and generate ui, and refuses one that is not a count of seconds', async () => {
    for (const command of [['explore'], ['generate', 'ui']]) {
      const help = await testops(...command, '--help');
      expect(help.stdout).toContain('--time-budget <seconds>');
      const refused = await testops(...command, '--url', 'http://127.0.0.1:9/', '--time-budget', '0');
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('--time-budget');
    }
  });

  it('lists the demo faults one per line', async () => {
    const { stdout } = await testops('demo', 'faults', 'compute-api');
    const names = stdout.trim().split('\n');
    expect(names.length).toBeGreaterThanOrEqual(12);
    expect(names).toContain('update-not-persisted');
  });

  it('explains a missing spec file and exits 2', async () => {
    const { code, stderr } = await testops('generate', 'api', '--spec', 'nowhere/openapi.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('TESTOPS_SOURCE_NOT_FOUND');
    expect(stderr).toContain('Tip:');
  });

  it('degrades operations with dangling $refs instead of skipping them, reporting each part', async () => {
    const out = await mkdtemp(join(tmpdir(), 'testops-cli-'));
    const { code, stdout, stderr } = await testops(
      'generate',
      'api',
      '--spec',
      BROKEN_SUBSET,
      '--out',
      out,
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as RunReport;
    expect(report.operations.total).toBe(19);
    expect(report.operations.skipped).toEqual([]);
    expect(report.operations.covered).toBe(19);
    expect(report.executed).toBe(false);
    expect(report.tests.generated).toBeGreaterThan(150);
    // Each degraded operation keeps its status, auth and negative tests on the parts that resolve.
    const manifest = JSON.parse(await readFile(join(out, 'testops-suite.json'), 'utf8')) as {
      tests: { operation: string; kind: string }[];
    };
    const disks = manifest.tests.filter((test) => test.operation === 'POST /api/v1/disks');
    expect(new Set(disks.map((test) => test.kind))).toEqual(
      new Set(['positive', 'auth', 'negative', 'stateful']),
    );
    expect(report.unconstrained?.map((warning) => warning.operation)).toContain('POST /api/v1/disks');
    expect(new Set(report.unconstrained?.map((warning) => warning.operation)).size).toBe(8);
    expect(stderr).not.toContain('skipped POST /api/v1/disks');
    expect(stderr).toMatch(
      /POST \/api\/v1\/disks: #\/paths\/~1api~1v1~1disks\/post\/requestBody\/content\/application~1json\/schema\/\$ref: .*tested as unconstrained/,
    );
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).not.toContain('## Operations without tests');
    expect(readme).toContain('## Parts of the spec tested as unconstrained');
  });

  it('loads a spec from a URL', async () => {
    const spec = await readFile('examples/compute-api/openapi.yaml', 'utf8');
    const server = createServer((_, response) =>
      response.writeHead(200, { 'content-type': 'application/yaml' }).end(spec),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const out = await mkdtemp(join(tmpdir(), 'testops-cli-'));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.yaml`;
      const { code, stdout } = await testops(
        'generate',
        'api',
        '--spec',
        url,
        '--out',
        out,
        '--json',
        '--only',
        'GET /api/v1/flavors',
      );
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as RunReport;
      expect(report.target.spec).toBe(url);
      expect(report.operations.covered).toBe(1);
    } finally {
      server.close();
    }
  });
});
