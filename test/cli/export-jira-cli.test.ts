import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeRunFixtures, writeRunFixture } from '../integrations/jira/run-report-fixture.ts';
import { type FakeJira, startFakeJira } from '../support/vendors/fake-jira.ts';

// `testops export jira` as a user runs it: the real CLI process, the token from the environment.
const execute = promisify(execFile);
const TOKEN = 'jira-pat-CliSecret0123';

let jira: FakeJira;
let suite: string;
beforeAll(async () => {
  jira = await startFakeJira({ flavour: 'server', projectKey: 'CALC', token: TOKEN });
  suite = (await writeRunFixture()).dir;
});
afterAll(async () => {
  await jira.close();
  await removeRunFixtures();
});

async function testops(args: string[], env: Record<string, string> = {}) {
  const childEnv = {
    ...process.env,
    JIRA_EMAIL: '',
    JIRA_API_TOKEN: '',
    JIRA_BASE_URL: '',
    NO_COLOR: '1',
    ...env,
  };
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

describe('testops export jira', () => {
  it('--dry-run prints the issues it would file in wiki markup, sends nothing and prints no token', async () => {
    const { code, stdout } = await testops(
      [
        'export',
        'jira',
        suite,
        '--project',
        'CALC',
        '--base-url',
        jira.url.href,
        '--flavour',
        'server',
        '--dry-run',
      ],
      { JIRA_API_TOKEN: TOKEN },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('POST rest/api/2/issue');
    expect(stdout).toContain('{noformat}');
    expect(stdout).not.toContain(TOKEN);
    expect(jira.requests).toHaveLength(0);
  });

  it('says which variable is missing when no token is set', async () => {
    const { code, stderr } = await testops([
      'export',
      'jira',
      suite,
      '--project',
      'CALC',
      '--base-url',
      jira.url.href,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('TESTOPS_VENDOR_TOKEN_MISSING');
    expect(stderr).toContain('JIRA_API_TOKEN');
  });

  it('files the issues, then finds them again on a second run', async () => {
    const args = [
      'export',
      'jira',
      suite,
      '--project',
      'CALC',
      '--base-url',
      jira.url.href,
      '--priority',
      'critical=High',
    ];
    const first = await testops(args, { JIRA_API_TOKEN: TOKEN });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/CALC-1 created/);
    expect(jira.issues[0]!.fields['priority']).toEqual({ name: 'High' });
    const second = await testops(args, { JIRA_API_TOKEN: TOKEN });
    expect(second.stdout).toMatch(/CALC-1 unchanged/);
    expect(jira.issues).toHaveLength(2);
    expect(`${first.stdout}${first.stderr}${second.stdout}${second.stderr}`).not.toContain(TOKEN);
  });
});
