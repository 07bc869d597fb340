import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestopsError } from '../../src/core/errors.ts';
import { exportSuite, type ExportSuiteOptions } from '../../src/pipeline/export-suite.ts';
import { FakeGithub } from './fakes/fake-github.ts';
import { SUITE_FILES, removeFolder, suiteOnDisk, writeSuiteFolder } from './fakes/suite-folder.ts';

const TOKEN = 'ghp_SecretTokenValue0123456789';
const DIRECTORY = 'qa/compute-api';
const BRANCH = 'testops/compute-api';
const WORKFLOW = '.github/workflows/testops-qa-compute-api.yml';
const exported = Object.keys(SUITE_FILES);

let github: FakeGithub;
let folder: string;

beforeAll(async () => {
  github = await FakeGithub.start({
    owner: 'acme',
    name: 'platform',
    token: TOKEN,
    files: { 'README.md': '# platform\n', 'src/app.ts': 'export {};\n' },
  });
  folder = await writeSuiteFolder();
});
afterAll(async () => {
  await github.stop();
  await removeFolder(folder);
});
afterEach(() => {
  // Every request matched GitHub's published OpenAPI description.
  expect(github.server.problems).toEqual([]);
});

const run = (overrides: Partial<ExportSuiteOptions> = {}) =>
  exportSuite({
    folder,
    target: {
      vendor: 'github',
      repo: 'acme/platform',
      branch: BRANCH,
      baseBranch: undefined,
      directory: DIRECTORY,
      ci: true,
    },
    baseUrl: github.baseUrl,
    token: TOKEN,
    guard: { allowPrivate: false, allowLoopback: true },
    http: { baseDelayMs: 20, maxDelayMs: 50 },
    ...overrides,
  });

const exportResult = async (overrides: Partial<ExportSuiteOptions> = {}) => {
  const outcome = await run(overrides);
  if (outcome.dryRun) throw new Error('expected an export');
  return outcome.result;
};

describe('export to GitHub (Enterprise Server base URL)', () => {
  it('prints what it would send on --dry-run and sends nothing', async () => {
    const outcome = await run({ dryRun: true });
    expect(github.server.seen).toEqual([]);
    if (!outcome.dryRun) throw new Error('expected a dry run');
    expect(outcome.plan).toContain(`${github.baseUrl}/api/v3/`);
    expect(outcome.plan).toContain('Authorization: ***');
    expect(outcome.plan).toContain('repos/acme/platform/git/blobs');
    expect(outcome.plan).not.toContain(TOKEN);
  });

  it('commits the suite in one atomic commit on a new branch through the Git Data API and opens a pull request', async () => {
    const main = (await github.repository.branch('main'))!;
    const result = await exportResult();
    expect(await github.repository.branch(BRANCH)).toBe(result.commit);
    expect((await github.repository.commitInfo(result.commit!)).parents).toEqual([main]);
    expect(await github.repository.files(BRANCH, DIRECTORY)).toEqual(await suiteOnDisk(folder, exported));
    const everything = await github.repository.files(BRANCH);
    expect(everything.get('src/app.ts')!.toString()).toBe('export {};\n');
    const workflow = everything.get(WORKFLOW)!.toString();
    expect(workflow).toContain('working-directory: qa/compute-api');
    expect(workflow).toContain('npx playwright test');
    expect(workflow).toContain('path: qa/compute-api/allure-results/');
    expect(workflow).toContain('${{ secrets.API_TOKEN }}');
    expect(result.review).toEqual({
      number: 1,
      url: `${github.baseUrl}/acme/platform/pull/1`,
      created: true,
    });
    expect(github.pulls[0]).toMatchObject({
      head: BRANCH,
      base: 'main',
      title: 'Tests: Compute API',
      state: 'open',
    });
    expect(github.pulls[0]!.body).toContain(
      'verified against `http://api.example.test:8080`, every test run 3×',
    );
    expect(github.server.count('POST', /git\/commits$/)).toBe(1);
    expect(github.server.count('POST', /git\/blobs$/)).toBe(exported.length + 1);
  });

  it('re-exports an unchanged suite without an empty commit, updating the same pull request', async () => {
    const head = await github.repository.branch(BRANCH);
    const from = github.server.seen.length;
    const result = await exportResult();
    expect(result.commit).toBeUndefined();
    expect(await github.repository.branch(BRANCH)).toBe(head);
    for (const write of [/git\/blobs$/, /git\/trees$/, /git\/commits$/, /git\/refs/])
      expect(github.server.count('POST', write, from) + github.server.count('PATCH', write, from)).toBe(0);
    expect(github.server.count('PATCH', /pulls\/1$/, from)).toBe(1);
    expect(result.review).toMatchObject({ number: 1, created: false });
    expect(github.pulls).toHaveLength(1);
  });

  it('moves the branch by one commit holding only what changed', async () => {
    await writeFile(join(folder, 'README.md'), '# API tests\n\nNow with more.\n');
    const head = (await github.repository.branch(BRANCH))!;
    const from = github.server.seen.length;
    const result = await exportResult();
    expect(result.updated).toEqual([`${DIRECTORY}/README.md`]);
    expect(github.server.count('POST', /git\/blobs$/, from)).toBe(1);
    expect(github.server.count('PATCH', /git\/refs\/heads\/testops\/compute-api$/, from)).toBe(1);
    expect((await github.repository.commitInfo(result.commit!)).parents).toEqual([head]);
    expect(await github.repository.files(BRANCH, DIRECTORY)).toEqual(await suiteOnDisk(folder, exported));
  });

  it('names the OAuth scope the token lacks when GitHub answers 403', async () => {
    await writeFile(join(folder, 'REPORT.md'), '# Report\n\nchanged again\n');
    github.server.inject({
      method: 'POST',
      pattern: /git\/blobs$/,
      times: 1,
      answer: {
        status: 403,
        headers: {
          'x-oauth-scopes': 'read:org, gist',
          'x-accepted-oauth-scopes': 'repo',
          'x-ratelimit-remaining': '4999',
        },
        body: {
          message: 'Resource not accessible by personal access token',
          documentation_url: 'https://docs.github.com/rest/git/blobs#create-a-blob',
          status: '403',
        },
      },
    });
    const error = await run().then(
      () => undefined,
      (failure: unknown) => failure as TestopsError,
    );
    expect(error).toBeInstanceOf(TestopsError);
    expect(error!.code).toBe('TESTOPS_VENDOR_FORBIDDEN');
    expect(error!.message).toContain('the token lacks the scope "repo"');
    expect(error!.message).not.toContain(TOKEN);
  });

  it('waits as long as Retry-After says on 429, then exports', async () => {
    github.server.inject({
      method: 'POST',
      pattern: /git\/trees$/,
      times: 1,
      answer: {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { message: 'You have exceeded a secondary rate limit.', status: '429' },
      },
    });
    const started = performance.now();
    const result = await exportResult();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.updated).toEqual([`${DIRECTORY}/REPORT.md`]);
    expect(await github.repository.files(BRANCH, DIRECTORY)).toEqual(await suiteOnDisk(folder, exported));
  });

  it('names the "workflow" scope when GitHub refuses a branch holding a workflow', async () => {
    await writeFile(join(folder, 'REPORT.md'), '# Report\n\nworkflow scope\n');
    const refused =
      'refusing to allow a Personal Access Token to create or update workflow `.github/workflows/testops-qa-compute-api.yml` without `workflow` scope';
    github.server.inject({
      method: 'PATCH',
      pattern: /git\/refs\//,
      times: 1,
      answer: { status: 422, body: { message: refused, status: '422' } },
    });
    const error = await run().then(
      () => undefined,
      (failure: unknown) => failure as TestopsError,
    );
    expect(error!.code).toBe('TESTOPS_VENDOR_FORBIDDEN');
    expect(error!.message).toContain('the token lacks the scope "workflow"');
    expect(error!.message).toContain('export without --ci');
  });

  it('retries a 500 on a blob upload (content-addressed, safe to resend) and then exports', async () => {
    await writeFile(join(folder, 'REPORT.md'), '# Report\n\nand again\n');
    github.server.inject({
      method: 'POST',
      pattern: /git\/blobs$/,
      times: 1,
      answer: { status: 500, body: { message: 'Server Error' } },
    });
    const from = github.server.seen.length;
    const result = await exportResult();
    expect(
      github.server.seen
        .slice(from)
        .filter((seen) => seen.path.endsWith('/git/blobs'))
        .map((seen) => seen.status),
    ).toEqual([500, 201]);
    expect(result.commit).toBeDefined();
    expect(await github.repository.files(BRANCH, DIRECTORY)).toEqual(await suiteOnDisk(folder, exported));
  });
});
