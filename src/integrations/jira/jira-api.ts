import type { VendorHttp } from '../vendor-http.ts';
import type { Pager } from '../vendor-pages.ts';
import { offsetPager } from '../vendor-pages.ts';
import type { AdfDocument } from './adf.ts';
import type { JiraFlavour } from './jira-dialect.ts';

// The Jira REST calls we make. Cloud: REST v3 (ADF bodies, `/search/jql` paged with
// `nextPageToken`). Server and Data Center: REST v2 (wiki markup, `/search` paged with
// `startAt`/`maxResults` and a `total`).

export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

/** The description and comment bodies of one flavour: ADF on Cloud, wiki markup on Server. */
export type JiraBody = AdfDocument | string;

export interface JiraSearch {
  jql: string;
  fields: string[];
  properties?: string[];
  /** Issues read at most (every page up to this). */
  limit: number;
}

const PAGE_SIZE = 100;

export function apiRoot(flavour: JiraFlavour): string {
  return flavour === 'cloud' ? 'rest/api/3' : 'rest/api/2';
}

/** Every issue the JQL finds, page after page, up to `limit`. */
export async function searchIssues(
  http: VendorHttp,
  flavour: JiraFlavour,
  search: JiraSearch,
): Promise<JiraIssue[]> {
  const query = {
    jql: search.jql,
    fields: search.fields.join(','),
    ...(search.properties ? { properties: search.properties.join(',') } : {}),
    maxResults: Math.min(PAGE_SIZE, search.limit),
  };
  const request =
    flavour === 'cloud'
      ? { path: `${apiRoot(flavour)}/search/jql`, query }
      : { path: `${apiRoot(flavour)}/search`, query: { ...query, startAt: 0 } };
  const found: JiraIssue[] = [];
  for await (const page of http.pages<JiraIssue>(request, { pager: pagerOf(flavour), items: issuesOf })) {
    found.push(...page);
    if (found.length >= search.limit) break;
  }
  return found.slice(0, search.limit);
}

function pagerOf(flavour: JiraFlavour): Pager {
  if (flavour === 'server') {
    return offsetPager({
      startParam: 'startAt',
      sizeParam: 'maxResults',
      pageSize: PAGE_SIZE,
      total: (body) => (body as { total?: number }).total,
    });
  }
  // Cloud's enhanced search: `nextPageToken` until `isLast` (the old `/search` with `startAt` is gone).
  return (response, request) => {
    const body = response.body as { nextPageToken?: string | null; isLast?: boolean };
    if (body.isLast === true || !body.nextPageToken) return undefined;
    return { ...request, query: { ...request.query, nextPageToken: body.nextPageToken } };
  };
}

function issuesOf(body: unknown): JiraIssue[] {
  const issues = (body as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as JiraIssue[]) : [];
}

export interface NewIssue {
  projectKey: string;
  issueType: string;
  summary: string;
  description: JiraBody;
  labels: string[];
  priority: string | undefined;
}

export async function createIssue(
  http: VendorHttp,
  flavour: JiraFlavour,
  issue: NewIssue,
): Promise<{ id: string; key: string }> {
  const response = await http.request<{ id: string; key: string }>({
    method: 'POST',
    path: `${apiRoot(flavour)}/issue`,
    body: { fields: issueFields(issue) },
  });
  return response.body;
}

/** The `fields` of a create request; the description is ADF (Cloud) or wiki markup (Server). */
export function issueFields(issue: NewIssue): Record<string, unknown> {
  return {
    project: { key: issue.projectKey },
    issuetype: { name: issue.issueType },
    summary: issue.summary,
    description: issue.description,
    labels: issue.labels,
    ...(issue.priority ? { priority: { name: issue.priority } } : {}),
  };
}

export async function addComment(
  http: VendorHttp,
  flavour: JiraFlavour,
  key: string,
  body: JiraBody,
): Promise<void> {
  await http.request({
    method: 'POST',
    path: `${apiRoot(flavour)}/issue/${encodeURIComponent(key)}/comment`,
    body: { body },
  });
}

/** Issue properties hold what we last exported to the issue; readable in JQL and search results. */
export async function setIssueProperty(
  http: VendorHttp,
  flavour: JiraFlavour,
  key: string,
  property: { name: string; value: unknown },
): Promise<void> {
  await http.request({
    method: 'PUT',
    path: `${apiRoot(flavour)}/issue/${encodeURIComponent(key)}/properties/${encodeURIComponent(property.name)}`,
    body: property.value,
  });
}
