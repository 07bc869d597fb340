import { afterEach, describe, expect, it } from 'vitest';
import { CLI_VENDOR_GUARD, readDefectHistory } from '../../../src/pipeline/read-defect-history.ts';
import { type FakeJira, startFakeJira } from '../../support/vendors/fake-jira.ts';

const fakes: FakeJira[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

describe.each(['cloud', 'server'] as const)('--defects jira:<JQL> (%s)', (flavour) => {
  it('reads every page of the issues the JQL finds as defect history', async () => {
    const jira = await startFakeJira({
      flavour,
      projectKey: 'CALC',
      email: 'qa@example.com',
      token: 'jira-token-1',
      pageCap: 50,
    });
    fakes.push(jira);
    for (let index = 0; index < 120; index += 1) {
      jira.seed({
        issuetype: { name: index % 4 === 0 ? 'Task' : 'Bug' },
        summary: `Price not recalculated ${index}`,
        components: [{ name: 'Configuration' }],
        priority: { name: index % 3 === 0 ? 'Blocker' : 'Medium' },
        resolution: index % 2 === 0 ? { name: 'Fixed' } : null,
      });
    }
    const history = await readDefectHistory('jira:project = CALC AND type = Bug ORDER BY created DESC', {
      env: {
        JIRA_BASE_URL: jira.url.href,
        JIRA_FLAVOUR: flavour,
        JIRA_API_TOKEN: 'jira-token-1',
        ...(flavour === 'cloud' ? { JIRA_EMAIL: 'qa@example.com' } : {}),
      },
      guard: { ...CLI_VENDOR_GUARD, allowLoopback: true },
    });
    expect(jira.violations).toEqual([]);
    expect(history.format).toBe('jira-jql');
    expect(history.records).toHaveLength(90);
    expect(history.issues).toEqual([]);
    expect(history.records[0]).toMatchObject({
      key: 'CALC-120',
      components: ['Configuration'],
      priority: 'Medium',
    });
    // 90 issues at most 50 a page: two pages, each asked for as the flavour pages.
    const searches = jira.requests.filter((request) => request.method === 'GET');
    expect(searches).toHaveLength(2);
    if (flavour === 'cloud') expect(searches[1]!.query.get('nextPageToken')).toBeTruthy();
    else expect(searches[1]!.query.get('startAt')).toBe('50');
  });

  it('answers a JQL Jira cannot parse with Jira’s own message', async () => {
    const jira = await startFakeJira({
      flavour,
      projectKey: 'CALC',
      email: 'qa@example.com',
      token: 'jira-token-1',
    });
    fakes.push(jira);
    const error = await readDefectHistory('jira:project ~~ CALC', {
      env: {
        JIRA_BASE_URL: jira.url.href,
        JIRA_FLAVOUR: flavour,
        JIRA_API_TOKEN: 'jira-token-1',
        JIRA_EMAIL: flavour === 'cloud' ? 'qa@example.com' : undefined,
      },
      guard: { allowPrivate: false, allowLoopback: true },
    }).catch((caught: unknown) => caught as Error);
    expect((error as { code?: string }).code).toBe('TESTOPS_VENDOR_REJECTED');
    expect((error as Error).message).toContain('Error in the JQL Query');
  });
});
