import type { VendorHttp } from '../vendor-http.ts';
import { type JiraIssue, searchIssues } from './jira-api.ts';
import type { JiraFlavour } from './jira-dialect.ts';

/** The fields a defect record reads (see sources/defects). */
const DEFECT_FIELDS = ['summary', 'components', 'priority', 'created', 'resolution'];

/** The prefix of `--defects jira:<JQL>`. */
export const JQL_DEFECTS_PREFIX = 'jira:';

/** Defect history read from Jira with JQL, every page, at most `limit` issues. */
export async function fetchDefectIssues(
  http: VendorHttp,
  flavour: JiraFlavour,
  jql: string,
  limit = 5_000,
): Promise<JiraIssue[]> {
  return searchIssues(http, flavour, { jql, fields: DEFECT_FIELDS, limit });
}
