import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitlab } from '../integrations/fakes/fake-gitlab.ts';
import { SUITE_FILES, removeFolder, writeSuiteFolder } from '../integrations/fakes/suite-folder.ts';

// `testops export gitlab` as a user runs it: the real CLI process, the token from the environment.
const execute = promisify(execFile);
const TOKEN = 'glpat-CliSecretToken987';

let gitlab: FakeGitlab;
let folder: string;
beforeAll(async () => {
  gitlab = await FakeGitlab.start({ path: 'qa/cli', token: TOKEN, files: { 'README.md': '# cli\n' } });
  folder = await writeSuiteFolder();
});
afterAll(async () => {
  await gitlab.stop();
  await removeFolder(folder);
});

async function testops(args: string[], env: Record<string, string> = {}) {
  const childEnv = { ...process.env, GITLAB_TOKEN: '', TESTOPS_GITLAB_TOKEN: '', NO_COLOR: '1', ...env };
  try {
    const { stdout, stderr } = await execute(process.execPath, ['bin/testops.js', ...args], {
      env: childEnv,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const target = ['--repo', 'qa/cli', '--branch', 'testops/cli', '--path', 'tests', '--base-url'];

describe('testops export gitlab', () => {
  it('--dry-run prints the plan without a token and sends nothing', async () => {
    const { code, stdout } = await testops([
      'export',
      'gitlab',
      folder,
      ...target,
      gitlab.baseUrl,
      '--dry-run',
      '--ci',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run: nothing is sent to GitLab');
    expect(stdout).toContain('CI file (--ci): .gitlab-ci.yml');
    expect(gitlab.server.seen).toEqual([]);
  });

  it('exits 2 naming the variables when no token is set', async () => {
    const { code, stderr } = await testops(['export', 'gitlab', folder, ...target, gitlab.baseUrl]);
    expect(code).toBe(2);
    expect(stderr).toContain('TESTOPS_VENDOR_TOKEN_MISSING');
    expect(stderr).toContain('TESTOPS_GITLAB_TOKEN or GITLAB_TOKEN');
  });

  it('exports with the token from GITLAB_TOKEN, then finds nothing to commit', async () => {
    const first = await testops(['export', 'gitlab', folder, ...target, gitlab.baseUrl], {
      GITLAB_TOKEN: TOKEN,
    });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `committed ${Object.keys(SUITE_FILES).length} new, 0 changed, 0 deleted file(s) to testops/cli`,
    );
    expect(first.stdout).toContain(`merge request opened: ${gitlab.baseUrl}/qa/cli/-/merge_requests/1`);
    const second = await testops(['export', 'gitlab', folder, ...target, gitlab.baseUrl, '--json'], {
      TESTOPS_GITLAB_TOKEN: TOKEN,
    });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      commit: null,
      review: { number: 1, created: false },
    });
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(TOKEN);
    expect(gitlab.server.problems).toEqual([]);
  });
});
