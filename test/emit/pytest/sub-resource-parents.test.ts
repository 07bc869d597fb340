import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPlaywrightSuite } from '../../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import {
  handleSharedNoun,
  sharedNounSpec,
  sharedNounState,
  type SharedNounState,
} from '../../support/shared-noun-api.ts';
import { findPython, runPython } from './python-runner.ts';

// A flag's strategy is found only under its own flag: a test reading one makes a flag, then a
// strategy that must be made in that flag (the recipe is handed the test's flag), naming a
// strategy type the suite made.

let state: SharedNounState;
let server: Server;
let baseUrl: string;
const python = findPython();
const workDir = mkdtempSync(join(tmpdir(), 'testops-parents-'));

beforeAll(async () => {
  state = sharedNounState();
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => handleSharedNoun(state, request, response, text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(workDir, { recursive: true, force: true });
});

const suite = () =>
  generateApiSuite(
    buildApiModel({
      location: 'strategies.json',
      sourceVersion: '3.0',
      document: sharedNounSpec,
      referenceIssues: [],
    }),
    { specSource: 'strategies.json', only: ['GET /flags/{flagName}/strategies/{strategyId}'] },
  );

describe('a sub-resource made in the parents its test holds', () => {
  it('hands the test’s flag to the strategy’s recipe in the Playwright suite', () => {
    const files = emitPlaywrightSuite(suite(), { baseUrl });
    expect(files['support/resources.ts']).toContain('async obtain({ api, resources }, given = {}) {');
    expect(files['support/resources.ts']).toContain(
      "const flag = given['flag'] ?? await resources.create('flag');",
    );
    const tests = Object.entries(files).find(([path]) => path.startsWith('tests/'))![1];
    expect(tests).toContain("resources.create('flag_strategy', { flag })");
  });

  it('reads the strategy under its own flag in the pytest suite', async () => {
    if (!python) throw new Error('No python3 with pytest, httpx and jsonschema (set TESTOPS_PYTHON)');
    const files = emitPytestSuite(suite(), { baseUrl: undefined });
    expect(files['support/resources.py']).toContain(
      'given["flag"] if "flag" in given else resources.create("flag")',
    );
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(workDir, path)), { recursive: true });
      writeFileSync(join(workDir, path), content);
    }
    const run = await runPython(
      python,
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-rs', '-k', 'succeeds'],
      workDir,
      { API_BASE_URL: baseUrl },
    );
    expect(run.code, run.output.slice(-3000)).toBe(0);
    expect(run.output).toMatch(/1 passed/);
    // One flag made for the test, its strategy read under it; everything made was removed.
    expect(state.seen.filter((line) => line === 'POST /flags')).toHaveLength(1);
    expect(state.seen.some((line) => /^GET \/flags\/[^/]+\/strategies\/[0-9a-f-]{36}$/.test(line))).toBe(
      true,
    );
    expect(state.flags.size).toBe(0);
  }, 60_000);
});
