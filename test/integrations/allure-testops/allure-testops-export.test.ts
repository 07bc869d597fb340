import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isTestopsError } from '../../../src/core/errors.ts';
import type { ManualCase, ManualCaseSet } from '../../../src/core/manual-case.ts';
import { emitManualCases } from '../../../src/emit/cases/emit-manual-cases.ts';
import { readAllureIds } from '../../../src/integrations/allure-testops/allure-ids-in-code.ts';
import {
  type ExportAllureOptions,
  exportAllureTestops,
} from '../../../src/pipeline/export-allure-testops.ts';
import { type FakeAllure, startFakeAllure } from '../../support/vendors/fake-allure-testops.ts';

const API_TOKEN = 'allure-api-token-0123456789-SECRET';
const PROJECT = 7;

function manualCase(id: string, feature: string, overrides: Partial<ManualCase> = {}): ManualCase {
  return {
    id,
    title: `Check ${id.replaceAll('_', ' ')}`,
    description: `Verifies ${id}.`,
    feature,
    story: `${feature} story`,
    suite: 'UI',
    owner: 'qa-team',
    priority: 'CRITICAL',
    tags: ['smoke'],
    links: [{ url: 'https://jira.example.com/browse/CALC-12', name: 'CALC-12' }],
    preconditions: ['The calculator is open'],
    steps: [
      { phase: 'arrange', action: 'Open the catalogue', expected: undefined },
      { phase: 'act', action: 'Pick Virtual machine', expected: 'The configuration opens' },
      { phase: 'assert', action: 'Read the total', expected: 'The total shows per month incl. VAT' },
    ],
    trace: [],
    kind: 'positive',
    ...overrides,
  };
}

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

async function writeCases(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-allure-'));
  folders.push(dir);
  const set: ManualCaseSet = {
    version: 1,
    title: 'Calculator',
    source: { kind: 'requirements', location: 'requirements.md' },
    requirements: [],
    cases: [
      manualCase('total_shows_vat', 'Start page'),
      manualCase('instances_over_99_refused', 'Configuration', { priority: 'NORMAL', tags: [] }),
      manualCase('free_tier_once', 'Configuration', { priority: 'LOW', preconditions: [] }),
    ],
    unused: [],
  };
  for (const [path, content] of Object.entries(emitManualCases(set, 'allure-python'))) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

async function modules(dir: string): Promise<Record<string, string>> {
  const names = await readdir(join(dir, 'tests'));
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readFile(join(dir, 'tests', name), 'utf8')])),
  );
}

async function idsInCode(dir: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const source of Object.values(await modules(dir)))
    for (const [id, value] of readAllureIds(source)) ids.set(id, value);
  return ids;
}

const fakes: FakeAllure[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function setUp() {
  const allure = await startFakeAllure({ apiToken: API_TOKEN, projectId: PROJECT });
  fakes.push(allure);
  const dir = await writeCases();
  const options = (overrides: Partial<ExportAllureOptions> = {}): ExportAllureOptions => ({
    casesDir: dir,
    connection: { endpoint: allure.url.href, apiToken: API_TOKEN, projectId: PROJECT },
    dryRun: false,
    guard: { allowPrivate: false, allowLoopback: true },
    http: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
  return { allure, dir, options };
}

describe('export allure-testops', () => {
  it('creates a case per manual case with its scenario and tags, and keeps each Allure ID in the code', async () => {
    const { allure, dir, options } = await setUp();
    const result = await exportAllureTestops(options());

    expect(allure.violations).toEqual([]);
    expect(result.items.map((item) => item.action)).toEqual(['created', 'created', 'created']);
    expect(allure.cases.size).toBe(3);
    expect(allure.requests[0]!.path).toBe('/api/uaa/oauth/token');
    const ids = await idsInCode(dir);
    expect(ids.size).toBe(3);
    const vat = allure.cases.get(ids.get('total_shows_vat')!)!;
    expect(vat.name).toBe('Check total shows vat');
    expect(vat.tags.map((tag) => tag.name)).toEqual(['CRITICAL', 'smoke', 'testops-case-total_shows_vat']);
    expect(vat.scenario).toEqual([
      { type: 'BodyStepDto', body: 'Arrange: Open the catalogue' },
      { type: 'BodyStepDto', body: 'Act: Pick Virtual machine' },
      { type: 'ExpectedBodyStepDto', body: 'The configuration opens' },
      { type: 'BodyStepDto', body: 'Assert: Read the total' },
      { type: 'ExpectedBodyStepDto', body: 'The total shows per month incl. VAT' },
    ]);
    expect(vat.fields['links']).toEqual([
      { name: 'CALC-12', url: 'https://jira.example.com/browse/CALC-12', type: 'link' },
    ]);
    // The ID sits on the method, as allure-pytest reads it; the rest of the module is unchanged.
    const source = Object.values(await modules(dir)).join('\n');
    expect(source).toMatch(/ {4}@allure\.id\("\d+"\)\n {4}@allure\.title\("Check total shows vat"\)/);
    // The CI snippets upload allure-results with allurectl and never hold the token.
    const gitlab = await readFile(join(dir, result.ciFiles[0]!), 'utf8');
    expect(gitlab).toContain('./allurectl watch -- pytest --alluredir allure-results');
    expect(gitlab).toContain(`ALLURE_PROJECT_ID: "${PROJECT}"`);
    for (const text of [
      gitlab,
      await readFile(join(dir, result.ciFiles[1]!), 'utf8'),
      source,
      JSON.stringify(result),
    ])
      expect(text).not.toContain(API_TOKEN);
  });

  it('updates on a second export: no new case, the same IDs', async () => {
    const { allure, dir, options } = await setUp();
    await exportAllureTestops(options());
    const first = await idsInCode(dir);
    const before = await modules(dir);

    const again = await exportAllureTestops(options());
    expect(again.items.map((item) => item.action)).toEqual(['updated', 'updated', 'updated']);
    expect(allure.cases.size).toBe(3);
    expect(await idsInCode(dir)).toEqual(first);
    expect(await modules(dir)).toEqual(before);
    expect(again.changedModules).toEqual([]);
    expect(allure.requests.filter((request) => request.method === 'PATCH')).toHaveLength(3);
    expect(allure.violations).toEqual([]);
  });

  it('finds the cases again by their tag when the code lost its IDs (the original cases exported again)', async () => {
    const { allure, dir, options } = await setUp();
    await exportAllureTestops(options());
    const first = await idsInCode(dir);
    for (const [name, source] of Object.entries(await modules(dir)))
      await writeFile(join(dir, 'tests', name), source.replace(/^ *@allure\.id\("\d+"\)\n/gm, ''));
    expect((await idsInCode(dir)).size).toBe(0);

    const again = await exportAllureTestops(options());
    expect(again.items.map((item) => item.action)).toEqual(['updated', 'updated', 'updated']);
    expect(allure.cases.size).toBe(3);
    expect(await idsInCode(dir)).toEqual(first);
    expect(allure.violations).toEqual([]);
  });

  it('creates again a case deleted in Allure TestOps and replaces its ID in the code', async () => {
    const { allure, dir, options } = await setUp();
    await exportAllureTestops(options());
    const old = (await idsInCode(dir)).get('free_tier_once')!;
    allure.cases.delete(old);

    const result = await exportAllureTestops(options());
    expect(result.items.find((item) => item.caseId === 'free_tier_once')!.action).toBe('recreated');
    const now = (await idsInCode(dir)).get('free_tier_once')!;
    expect(now).not.toBe(old);
    expect(allure.cases.has(now)).toBe(true);
    expect(Object.values(await modules(dir)).join('\n')).not.toContain(`@allure.id("${old}")`);
  });

  it('names the missing permission when Allure TestOps answers 403', async () => {
    const { allure, options } = await setUp();
    allure.access.write = false;
    const error = await exportAllureTestops(options()).catch((caught: unknown) => caught);
    expect(isTestopsError(error) && error.code).toBe('TESTOPS_VENDOR_FORBIDDEN');
    expect((error as Error).message).toContain('the "Write" permission in the project');
    expect((error as Error).message).toContain('Access is denied');
  });

  it('refuses an unknown API token, naming where to make one', async () => {
    const { options } = await setUp();
    const error = await exportAllureTestops(
      options({
        connection: {
          endpoint: fakes[0]!.url.href,
          apiToken: 'wrong-token',
          projectId: PROJECT,
        },
      }),
    ).catch((caught: unknown) => caught);
    expect(isTestopsError(error) && error.code).toBe('TESTOPS_VENDOR_UNAUTHORIZED');
    expect((error as Error).message).toContain('API tokens');
  });

  it('waits out a 429 with Retry-After on a create, then exports without duplicates', async () => {
    const { allure, options } = await setUp();
    allure.script('createTestCase', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { status: 429, message: 'Too many requests' },
    });
    const started = Date.now();
    const result = await exportAllureTestops(options());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.items.map((item) => item.action)).toEqual(['created', 'created', 'created']);
    expect(allure.cases.size).toBe(3);
  });

  it('retries the scenario after a 5xx, then exports', async () => {
    const { allure, options } = await setUp();
    allure.script('setScenario', {
      status: 503,
      body: { status: 503, error: 'Service Unavailable', message: 'try later' },
    });
    const result = await exportAllureTestops(options());
    expect(result.items.every((item) => item.action === 'created')).toBe(true);
    expect(allure.requests.filter((request) => request.path.endsWith('/scenario'))).toHaveLength(4);
    expect([...allure.cases.values()].every((found) => found.scenario.length > 0)).toBe(true);
  });

  it('sends and writes nothing on a dry run', async () => {
    const { allure, dir, options } = await setUp();
    const before = await modules(dir);
    const result = await exportAllureTestops(options({ dryRun: true }));
    expect(allure.requests).toHaveLength(0);
    expect(await modules(dir)).toEqual(before);
    expect(result.items.map((item) => item.action)).toEqual(['would-create', 'would-create', 'would-create']);
    expect(
      result.planned!.some((request) => request.path === 'api/testcase' && request.method === 'POST'),
    ).toBe(true);
    expect(JSON.stringify(result)).not.toContain(API_TOKEN);
  });

  it('refuses a cases folder without Allure-as-code modules', async () => {
    const { options } = await setUp();
    const empty = await mkdtemp(join(tmpdir(), 'testops-allure-empty-'));
    folders.push(empty);
    await writeFile(join(empty, 'test-cases.json'), JSON.stringify({ version: 1, cases: [] }));
    const error = await exportAllureTestops(options({ casesDir: empty })).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('--format allure-python');
  });
});
