import type { DefectHistory } from '../core/defect.ts';
import { TestopsError } from '../core/errors.ts';
import { jiraConnectionFromEnv, jiraHttp } from '../integrations/jira/jira-connection.ts';
import { JQL_DEFECTS_PREFIX, fetchDefectIssues } from '../integrations/jira/jql-defects.ts';
import { jiraIssueDefects } from '../sources/defects/jira-json-defects.ts';
import { readDefects } from '../sources/defects/read-defects.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';

/**
 * Without a guard (the CLI, on the user's own machine) a self-hosted Jira on the company network
 * is reachable; the service always passes its guard.
 */
export const CLI_VENDOR_GUARD: UrlGuardOptions = { allowPrivate: true };

/**
 * `--defects <file>` reads a Jira JSON or CSV export; `--defects jira:<JQL>` reads the issues
 * that JQL finds, every page, from the Jira that JIRA_BASE_URL names (token from the
 * environment, as `testops export jira` reads it).
 */
export async function readDefectHistory(
  given: string,
  options: { env: Readonly<Record<string, string | undefined>>; guard: UrlGuardOptions },
): Promise<DefectHistory> {
  if (!given.startsWith(JQL_DEFECTS_PREFIX)) return readDefects(given);
  const jql = given.slice(JQL_DEFECTS_PREFIX.length).trim();
  if (jql === '') {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', 'the JQL after "jira:" is empty', {
      where: '--defects',
      expected: 'jira:<JQL>, e.g. jira:project = CALC AND type = Bug AND created >= -365d',
      hint: 'quote the whole value in the shell: --defects "jira:project = CALC AND type = Bug".',
    });
  }
  const connection = jiraConnectionFromEnv(options.env);
  const issues = await fetchDefectIssues(
    jiraHttp(connection, { guard: options.guard }),
    connection.flavour,
    jql,
  );
  return jiraIssueDefects(issues, { format: 'jira-jql', file: given });
}
