import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitPlaywrightSuite } from '../../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { firstUsable } from '../../../src/emit/playwright-ts/runtime/values.ts';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import {
  handleListedFlags,
  listedFlagsSpec,
  listedFlagsState,
  type ListedFlagsState,
} from '../../support/listed-flags-api.ts';
import { findPython, runPython } from './python-runner.ts';

// Environments exist on the server and cannot be made; the first one listed is switched off. The
// emitted suite reads the first enabled one from the list, never sends a made-up name (which the
// server answers with 500), and never removes it.

let state: ListedFlagsState;
let server: Server;
let baseUrl: string;
const python = findPython();
const workDir = mkdtempSync(join(tmpdir(), 'testops-listed-'));

beforeAll(async () => {
  state = listedFlagsState();
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => handleListedFlags(state, request, response, text));
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
      location: 'flags.json',
      sourceVersion: '3.0',
      document: listedFlagsSpec,
      referenceIssues: [],
    }),
    { specSource: 'flags.json' },
  );

describe('a suite on things the server already has', () => {
  it('reads the first enabled environment in the Playwright suite', () => {
    const files = emitPlaywrightSuite(suite(), { baseUrl });
    expect(files['support/resources.ts']).toContain(
      "const id = fieldAt(firstUsable(fieldAt(response.json, 'environments'), 'enabled', true), 'name');",
    );
    expect(files['support/resources.ts']).toContain(
      "import { fieldAt, firstUsable, unique } from './values.ts';",
    );
  });

  it('takes the first usable item of a list, else the first one (Playwright runtime)', () => {
    const listed = [
      { name: 'default', enabled: false },
      { name: 'development', enabled: true },
    ];
    expect(firstUsable(listed, 'enabled', true)).toEqual(listed[1]);
    expect(firstUsable([listed[0]], 'enabled', true)).toEqual(listed[0]);
    expect(firstUsable(undefined, 'enabled', true)).toBeUndefined();
  });

  it('passes against the API with no variable set, and leaves the environments as they were', async () => {
    if (!python) throw new Error('No python3 with pytest, httpx and jsonschema (set TESTOPS_PYTHON)');
    for (const [path, content] of Object.entries(emitPytestSuite(suite(), { baseUrl: undefined }))) {
      mkdirSync(dirname(join(workDir, path)), { recursive: true });
      writeFileSync(join(workDir, path), content);
    }
    const run = await runPython(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-rs'], workDir, {
      API_BASE_URL: baseUrl,
    });
    expect(run.code, run.output.slice(-3000)).toBe(0);
    expect(run.output).not.toMatch(/skipped/);
    expect(run.output).toMatch(/\d+ passed/);
    // The enabled environment was used: its flag settings were read and written.
    expect(state.seen).toContain(
      'PUT /projects/default/flags/' + flagIn(state.seen) + '/environments/development/ratio',
    );
    expect(
      state.seen.some((line) => line.startsWith('DELETE /projects/default/environments/development')),
    ).toBe(false);
    expect([...state.projectEnvironments]).toEqual(['development']);
    // No test switched an existing environment off.
    expect(state.environments.find((environment) => environment.name === 'development')?.enabled).toBe(true);
  }, 60_000);
});

function flagIn(seen: string[]): string {
  const found = seen
    .map((line) => /^PUT \/projects\/default\/flags\/([^/]+)\/environments\/development\/ratio$/.exec(line))
    .find(Boolean);
  return found?.[1] ?? '(none)';
}
