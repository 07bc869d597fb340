import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isTestopsError } from '../../../src/core/errors.ts';
import { jiraConnection } from '../../../src/integrations/jira/jira-connection.ts';
import { type ExportJiraOptions, exportJira } from '../../../src/pipeline/export-jira.ts';
import { type FakeJira, startFakeJira } from '../../support/vendors/fake-jira.ts';
import { removeRunFixtures, writeRunFixture } from './run-report-fixture.ts';

const EMAIL = 'qa@example.com';
const TOKEN = 'ATATT3xFfGF0-jira-token-SECRET';

const fakes: FakeJira[] = [];
afterAll(removeRunFixtures);
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function setUp(flavour: 'cloud' | 'server') {
  const jira = await startFakeJira({ flavour, projectKey: 'CALC', email: EMAIL, token: TOKEN });
  fakes.push(jira);
  const suite = await writeRunFixture();
  const options = (overrides: Partial<ExportJiraOptions> = {}): ExportJiraOptions => ({
    report: suite.dir,
    connection: {
      baseUrl: jira.url.href,
      flavour,
      email: flavour === 'cloud' ? EMAIL : undefined,
      token: TOKEN,
    },
    projectKey: 'CALC',
    issueType: 'Bug',
    reportUrl: 'https://testops.example.com/tasks/42/report',
    dryRun: false,
    guard: { allowPrivate: false, allowLoopback: true },
    http: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
  return { jira, suite, options };
}

const writes = (jira: FakeJira) => jira.requests.filter((request) => request.method !== 'GET');

describe.each(['cloud', 'server'] as const)('export jira (%s)', (flavour) => {
  it('files one issue per finding with the evidence, labels, priority and a link back', async () => {
    const { jira, options } = await setUp(flavour);
    const result = await exportJira(options());

    expect(result.items.map((item) => item.action)).toEqual(['created', 'created']);
    expect(jira.violations).toEqual([]);
    expect(jira.issues).toHaveLength(2);
    const [disk] = jira.issues;
    expect(disk!.fields['labels']).toEqual([
      'testops',
      expect.stringMatching(/^testops-fp-[0-9a-f]{16}$/),
      'testops-server-error',
    ]);
    expect(disk!.fields['priority']).toEqual({ name: 'Highest' });
    expect(disk!.fields['summary']).toBe('[TestOps] POST /disks answers 500 for a size of 0 {"size": 0}');
    const description = disk!.fields['description'];
    if (flavour === 'cloud') {
      const doc = description as {
        type: string;
        content: { type: string; content?: { text: string; marks?: unknown[] }[] }[];
      };
      expect(doc.type).toBe('doc');
      const code = doc.content
        .filter((node) => node.type === 'codeBlock')
        .map((node) => node.content?.[0]?.text);
      expect(code[0]).toContain("curl -X POST 'http://127.0.0.1:4010/disks'");
      expect(code.join('\n')).toContain('HTTP 500');
      const texts = JSON.stringify(doc);
      expect(texts).toContain('"href":"https://testops.example.com/tasks/42/report"');
      expect(texts).toContain('evidence/create-disk-size-0/0-screenshot.png');
    } else {
      expect(typeof description).toBe('string');
      const wiki = description as string;
      expect(wiki).toContain("{noformat}\ncurl -X POST 'http://127.0.0.1:4010/disks'");
      // A {noformat} in the response body cannot close the block early.
      expect(wiki).toContain('boom { noformat}');
      expect(wiki).toContain(
        '[https://testops.example.com/tasks/42/report|https://testops.example.com/tasks/42/report]',
      );
      expect(wiki).toContain('{{evidence/create-disk-size-0/0-screenshot.png}}');
    }
    // The second finding's evidence file is missing: the issue says so instead of failing.
    expect(JSON.stringify(jira.issues[1]!.fields['description'])).toContain('was not found');
    expect(JSON.stringify(jira.requests.map((request) => request.rawBody))).not.toContain(TOKEN);
  });

  it('writes nothing when the same report is exported again, and comments once for a later run', async () => {
    const { jira, suite, options } = await setUp(flavour);
    await exportJira(options());
    const before = writes(jira).length;

    const again = await exportJira(options());
    expect(again.items.map((item) => item.action)).toEqual(['unchanged', 'unchanged']);
    expect(writes(jira)).toHaveLength(before);
    expect(jira.issues).toHaveLength(2);

    const later = await writeRunFixture('2026-12-02T10:00:00.000Z');
    await writeFile(join(suite.dir, 'testops-report.json'), JSON.stringify(later.report));
    const next = await exportJira(options());
    expect(next.items.map((item) => item.action)).toEqual(['commented', 'commented']);
    expect(jira.issues).toHaveLength(2);
    expect(jira.issues[0]!.comments).toHaveLength(1);
    expect(JSON.stringify(jira.issues[0]!.comments[0])).toContain('2026-12-02T10:00:00.000Z');
    expect(jira.violations).toEqual([]);
  });

  it('names the missing permission when Jira answers 403', async () => {
    const { jira, options } = await setUp(flavour);
    jira.permissions.delete('CREATE_ISSUES');
    const error = await exportJira(options()).catch((caught: unknown) => caught);
    expect(isTestopsError(error) && error.code).toBe('TESTOPS_VENDOR_FORBIDDEN');
    expect((error as Error).message).toContain('the project permission "Create Issues"');
    expect((error as Error).message).toContain(
      'You do not have permission to create issues in this project.',
    );
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it('waits out a 429 with Retry-After on a create (Jira did not process it), then exports', async () => {
    const { jira, options } = await setUp(flavour);
    jira.script('createIssue', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
    });
    const started = Date.now();
    const result = await exportJira(options());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.items.map((item) => item.action)).toEqual(['created', 'created']);
    expect(jira.issues).toHaveLength(2);
  });

  it('retries a search after a 5xx, and after a failed create looks for the issue before creating again', async () => {
    const { jira, options } = await setUp(flavour);
    jira.script('search', { status: 503, body: { errorMessages: ['Service unavailable'], errors: {} } });
    jira.script('createIssue', { status: 502, body: { errorMessages: ['Bad gateway'], errors: {} } });
    const result = await exportJira(options());
    expect(result.items.map((item) => item.action)).toEqual(['created', 'created']);
    expect(jira.issues).toHaveLength(2);
    const names = jira.requests.map(
      (request) => `${request.method} ${request.path.replace(/^\/rest\/api\/\d/, '')}`,
    );
    expect(names.slice(0, 5)).toEqual([
      expect.stringMatching(/^GET \/search/),
      expect.stringMatching(/^GET \/search/),
      'POST /issue',
      expect.stringMatching(/^GET \/search/),
      'POST /issue',
    ]);
  });

  it('sends nothing on a dry run and prints no secret', async () => {
    const { jira, options } = await setUp(flavour);
    const result = await exportJira(options({ dryRun: true }));
    expect(jira.requests).toHaveLength(0);
    expect(
      result.planned!.filter((request) => request.method === 'POST' && request.path.endsWith('/issue')),
    ).toHaveLength(2);
    const printed = JSON.stringify(result);
    expect(printed).not.toContain(TOKEN);
    expect(printed).not.toContain(Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64'));
  });
});

describe('export jira input', () => {
  it('refuses a missing report with where, what and how', async () => {
    const { options } = await setUp('cloud');
    const error = await exportJira(options({ report: '/nonexistent/suite' })).catch(
      (caught: unknown) => caught,
    );
    expect(isTestopsError(error) && error.code).toBe('TESTOPS_SOURCE_NOT_FOUND');
  });

  it('asks for the email with a Cloud API token', () => {
    expect(() =>
      jiraConnection({
        baseUrl: 'https://calc.atlassian.net',
        flavour: undefined,
        email: undefined,
        token: 't0ken',
      }),
    ).toThrow(/JIRA_EMAIL/);
  });
});
