import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineEvent } from '../../src/core/events.ts';
import { TestopsError } from '../../src/core/errors.ts';
import { exportSuite, type ExportSuiteOptions } from '../../src/pipeline/export-suite.ts';
import { FakeGitlab } from './fakes/fake-gitlab.ts';
import { SUITE_FILES, removeFolder, suiteOnDisk, writeSuiteFolder } from './fakes/suite-folder.ts';

const TOKEN = 'glpat-Abc123SecretTokenValue';
const DIRECTORY = 'tests/api';
const BRANCH = 'testops/compute-api';

let gitlab: FakeGitlab;
let folder: string;
let exported = Object.keys(SUITE_FILES);

beforeAll(async () => {
  // Pages of 10 (GitLab's largest is 100) so the 11-file suite's tree is read across pages.
  gitlab = await FakeGitlab.start({
    path: 'qa/compute',
    token: TOKEN,
    files: { 'README.md': '# compute\n' },
    maxPerPage: 10,
  });
  folder = await writeSuiteFolder();
});
afterAll(async () => {
  await gitlab.stop();
  await removeFolder(folder);
});
afterEach(() => {
  expect(gitlab.server.problems).toEqual([]);
});

const run = (overrides: Partial<ExportSuiteOptions> = {}, events: PipelineEvent[] = []) =>
  exportSuite({
    folder,
    target: {
      vendor: 'gitlab',
      repo: 'qa/compute',
      branch: BRANCH,
      baseBranch: undefined,
      directory: DIRECTORY,
      ci: true,
    },
    baseUrl: gitlab.baseUrl,
    token: TOKEN,
    guard: { allowPrivate: false, allowLoopback: true },
    http: { baseDelayMs: 20, maxDelayMs: 50 },
    events: (event) => events.push(event),
    ...overrides,
  });

const treeEqualsSuite = async () => {
  expect(await gitlab.repository.files(BRANCH, DIRECTORY)).toEqual(await suiteOnDisk(folder, exported));
};

describe('export to GitLab', () => {
  it('prints what it would send on --dry-run and sends nothing', async () => {
    const outcome = await run({ dryRun: true, token: undefined });
    expect(gitlab.server.seen).toEqual([]);
    if (!outcome.dryRun) throw new Error('expected a dry run');
    expect(outcome.plan).toContain('Dry run: nothing is sent to GitLab');
    expect(outcome.plan).toContain('PRIVATE-TOKEN: ***');
    expect(outcome.plan).toContain('POST');
    expect(outcome.plan).toContain('projects/qa%2Fcompute/repository/commits');
    expect(outcome.plan).toContain('tests/api/testops-report.json');
    expect(outcome.plan).not.toContain('node_modules');
    expect(outcome.plan).not.toContain('do-not-export-me');
  });

  it('commits the suite to a new branch in one commit and opens a merge request', async () => {
    const before = await gitlab.repository.commitCount('main');
    const outcome = await run();
    if (outcome.dryRun) throw new Error('expected an export');
    const { result } = outcome;
    expect(result.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await gitlab.repository.branch(BRANCH)).toBe(result.commit);
    expect(await gitlab.repository.commitCount(BRANCH)).toBe(before + 1);
    await treeEqualsSuite();
    expect((await gitlab.repository.files(BRANCH)).get('README.md')!.toString()).toBe('# compute\n');
    const ci = (await gitlab.repository.files(BRANCH)).get('.gitlab-ci.yml')!.toString();
    expect(ci).toContain('junit: tests/api/results/junit.xml');
    expect(ci).toContain('tests/api/allure-results/');
    expect(ci).toContain('mcr.microsoft.com/playwright:v1.65.1-noble');
    expect(result.created).toHaveLength(exported.length + 1);
    expect(result.review).toEqual({
      number: 1,
      url: `${gitlab.baseUrl}/qa/compute/-/merge_requests/1`,
      created: true,
    });
    const [mr] = gitlab.mergeRequests;
    expect(mr).toMatchObject({ source_branch: BRANCH, target_branch: 'main', title: 'Tests: Compute API' });
    expect(mr!.description).toContain('| delivered (passed every run) | 9 |');
    expect(mr!.description).toContain('POST /vms answers 500');
    expect(mr!.description).toContain('lists vms page 2: 2/3 passed');
    expect(JSON.stringify(gitlab.server.seen)).not.toContain(TOKEN);
  });

  it('re-exports an unchanged suite without a commit, updating the same merge request', async () => {
    const head = await gitlab.repository.branch(BRANCH);
    const from = gitlab.server.seen.length;
    const outcome = await run();
    if (outcome.dryRun) throw new Error('expected an export');
    expect(outcome.result.commit).toBeUndefined();
    expect(outcome.result.unchanged).toBe(exported.length + 1);
    expect(await gitlab.repository.branch(BRANCH)).toBe(head);
    expect(gitlab.server.count('POST', /repository\/commits$/, from)).toBe(0);
    // The branch's tree (13 entries) and the base's were read across pages of 10 through the Link header.
    expect(gitlab.server.count('GET', /repository\/tree$/, from)).toBe(3);
    expect(gitlab.server.count('PUT', /merge_requests\/1$/, from)).toBe(1);
    expect(outcome.result.review).toMatchObject({ number: 1, created: false });
    expect(gitlab.mergeRequests).toHaveLength(1);
  });

  it('commits only what changed: an update, a new file, and a file the suite no longer has', async () => {
    await writeFile(join(folder, 'tests/vms.spec.ts'), "test('lists vms again', async () => {});\n");
    await writeFile(join(folder, 'tests/disks.spec.ts'), "test('lists disks', async () => {});\n");
    await rm(join(folder, 'tests/flavors.spec.ts'));
    exported = [...exported.filter((path) => path !== 'tests/flavors.spec.ts'), 'tests/disks.spec.ts'];
    const head = (await gitlab.repository.branch(BRANCH))!;
    const outcome = await run();
    if (outcome.dryRun) throw new Error('expected an export');
    expect(outcome.result).toMatchObject({
      created: ['tests/api/tests/disks.spec.ts'],
      updated: ['tests/api/tests/vms.spec.ts'],
      deleted: ['tests/api/tests/flavors.spec.ts'],
    });
    expect((await gitlab.repository.commitInfo(outcome.result.commit!)).parents).toEqual([head]);
    await treeEqualsSuite();
    expect(gitlab.mergeRequests).toHaveLength(1);
  });

  it('names the scope a token lacks when GitLab answers 403 insufficient_scope', async () => {
    await writeFile(join(folder, 'REPORT.md'), '# Report\n\nchanged\n');
    gitlab.server.inject({
      method: 'POST',
      pattern: /repository\/commits$/,
      times: 1,
      answer: {
        status: 403,
        headers: { 'www-authenticate': 'Bearer realm="GitLab", error="insufficient_scope", scope="api"' },
        body: {
          error: 'insufficient_scope',
          error_description: 'The request requires higher privileges than provided by the access token.',
          scope: 'api',
        },
      },
    });
    const error = await run().then(
      () => undefined,
      (failure: unknown) => failure as TestopsError,
    );
    expect(error).toBeInstanceOf(TestopsError);
    expect(error!.code).toBe('TESTOPS_VENDOR_FORBIDDEN');
    expect(error!.message).toContain('the token lacks the scope "api"');
    expect(error!.message).not.toContain(TOKEN);
  });

  it('waits as long as Retry-After says on 429, then exports', async () => {
    gitlab.server.inject({
      method: 'GET',
      pattern: /repository\/tree$/,
      times: 1,
      answer: { status: 429, headers: { 'retry-after': '1' }, body: { message: '429 Too Many Requests' } },
    });
    const events: PipelineEvent[] = [];
    const started = performance.now();
    const outcome = await run({}, events);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    if (outcome.dryRun) throw new Error('expected an export');
    expect(outcome.result.updated).toEqual(['tests/api/REPORT.md']);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'log',
        level: 'warn',
        message: expect.stringContaining('answered 429'),
      }),
    );
    await treeEqualsSuite();
  });

  it('retries a 502 and then exports', async () => {
    gitlab.server.inject({
      method: 'GET',
      pattern: /projects\/qa%2Fcompute$/,
      times: 2,
      answer: { status: 502, body: { message: '502 Bad Gateway' } },
    });
    const from = gitlab.server.seen.length;
    const outcome = await run();
    if (outcome.dryRun) throw new Error('expected an export');
    expect(gitlab.server.seen.slice(from, from + 3).map((seen) => seen.status)).toEqual([502, 502, 200]);
    expect(outcome.result.commit).toBeUndefined();
  });

  it('refuses a missing token and a wrong one with their own errors', async () => {
    await expect(run({ token: undefined })).rejects.toMatchObject({ code: 'TESTOPS_VENDOR_TOKEN_MISSING' });
    await expect(run({ token: 'glpat-wrong-token' })).rejects.toMatchObject({
      code: 'TESTOPS_VENDOR_UNAUTHORIZED',
    });
  });
});
