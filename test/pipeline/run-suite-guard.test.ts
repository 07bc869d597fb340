// A base URL judged public at submission is judged again right before the suite runs: a name
// that has since been rebound to 127.0.0.1 is refused before any runner process starts.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineEvent } from '../../src/core/events.ts';
import { guardRun } from '../../src/pipeline/guard-run.ts';
import { runSuite } from '../../src/pipeline/run-suite.ts';
import { MANIFEST_FILE } from '../../src/pipeline/suite-manifest.ts';
import { refuseTargets } from '../../src/service/jobs/submission-targets.ts';

let suiteDir: string;

beforeEach(async () => {
  suiteDir = await mkdtemp(join(tmpdir(), 'run-suite-guard-'));
  const manifest = {
    version: 1,
    kind: 'api',
    format: 'playwright-ts',
    title: 'demo',
    spec: 'openapi.json',
    baseUrl: 'http://api.example.test:8080',
    generatedAt: new Date().toISOString(),
    operations: [],
    skippedOperations: [],
    tests: [],
    variables: [],
    auth: 'none',
  };
  await writeFile(join(suiteDir, MANIFEST_FILE), JSON.stringify(manifest));
});

afterEach(() => rm(suiteDir, { recursive: true, force: true }));

describe('runSuite with the SSRF guard', () => {
  it('refuses a base URL rebound to 127.0.0.1 after submission, before the runner starts', async () => {
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const resolver = async () => answers.shift() ?? ['127.0.0.1'];
    const guard = { allowPrivate: false, resolver };
    await refuseTargets(
      'api-tests',
      { base_url: 'http://api.example.test:8080' },
      { guard, trustedOrigins: [], resolver },
    );
    const events: PipelineEvent[] = [];
    await expect(runSuite({ suiteDir, guard, events: (event) => events.push(event) })).rejects.toMatchObject({
      code: 'TESTOPS_URL_REFUSED',
      message: expect.stringContaining('api.example.test resolves to 127.0.0.1, a loopback address'),
    });
    expect(events.filter((event) => event.type === 'run-start')).toEqual([]);
    expect(await readdir(suiteDir)).toEqual([MANIFEST_FILE]);
  });

  it('pins the answer checked before the run; a UI run gets the guard proxy as its one loopback endpoint', async () => {
    const guard = { allowPrivate: false, resolver: async () => ['93.184.216.34'] };
    const api = await guardRun('http://app.example.test:8080', guard, { browser: false, events: () => {} });
    expect(api).toEqual({ policy: { pins: { 'app.example.test': ['93.184.216.34'] } }, proxy: undefined });
    const ui = await guardRun('http://app.example.test:8080', guard, { browser: true, events: () => {} });
    try {
      expect(ui?.policy.allow).toEqual([new URL(ui!.proxy!.server).host]);
    } finally {
      await ui?.proxy?.close();
    }
    expect(
      await guardRun('http://127.0.0.1:8080', { allowPrivate: true }, { browser: true, events: () => {} }),
    ).toBeUndefined();
  });
});
