import {
  type FakeAnswer,
  type FakeRequest,
  type FakeRoute,
  type FakeVendorServer,
  startFakeVendorServer,
} from './fake-vendor-server.ts';
import { matches, parseJql } from './fake-jql.ts';
import { jiraSchemas } from './jira-request-schemas.ts';

// A local Jira speaking REST v3 (Cloud: Basic email:API token, ADF, enhanced JQL search paged by
// nextPageToken) or REST v2 (Server / Data Center: Bearer personal access token, wiki markup,
// search paged by startAt/maxResults with a total), answering errors as Jira does:
// {"errorMessages": [...], "errors": {field: message}}.

export type JiraPermission = 'BROWSE_PROJECTS' | 'CREATE_ISSUES' | 'ADD_COMMENTS' | 'EDIT_ISSUES';

export interface FakeJiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  comments: unknown[];
  properties: Record<string, unknown>;
}

export interface FakeJira extends FakeVendorServer {
  issues: FakeJiraIssue[];
  permissions: Set<JiraPermission>;
  /** Adds an issue as if filed by hand (defect history). */
  seed(fields: Record<string, unknown>): FakeJiraIssue;
}

export interface FakeJiraOptions {
  flavour: 'cloud' | 'server';
  projectKey: string;
  email?: string;
  token: string;
  /** Jira caps maxResults; small here so tests page. */
  pageCap?: number;
}

const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const ISSUE_TYPES = ['Bug', 'Task', 'Story'];
const PERMISSION_TEXT: Record<JiraPermission, string> = {
  BROWSE_PROJECTS: 'You do not have permission to browse issues in this project.',
  CREATE_ISSUES: 'You do not have permission to create issues in this project.',
  ADD_COMMENTS: 'You do not have permission to comment on this issue.',
  EDIT_ISSUES: 'You do not have permission to edit issues in this project.',
};

export async function startFakeJira(options: FakeJiraOptions): Promise<FakeJira> {
  const v = options.flavour === 'cloud' ? '3' : '2';
  const issues: FakeJiraIssue[] = [];
  const permissions = new Set<JiraPermission>([
    'BROWSE_PROJECTS',
    'CREATE_ISSUES',
    'ADD_COMMENTS',
    'EDIT_ISSUES',
  ]);
  const pageCap = options.pageCap ?? 50;
  let nextId = 10_000;

  const expectedAuth =
    options.flavour === 'cloud'
      ? `Basic ${Buffer.from(`${options.email}:${options.token}`).toString('base64')}`
      : `Bearer ${options.token}`;

  function guard(request: FakeRequest, permission: JiraPermission): FakeAnswer | undefined {
    if (request.headers.authorization !== expectedAuth)
      return error(401, ['You are not authenticated. Authentication required to perform this operation.']);
    if (!permissions.has(permission)) return error(403, [PERMISSION_TEXT[permission]]);
    return undefined;
  }

  function seed(fields: Record<string, unknown>): FakeJiraIssue {
    nextId += 1;
    const issue: FakeJiraIssue = {
      id: String(nextId),
      key: `${options.projectKey}-${issues.length + 1}`,
      fields: {
        created: new Date(Date.UTC(2026, 0, 1) + issues.length * 86_400_000)
          .toISOString()
          .replace('Z', '+0000'),
        status: { name: 'To Do', statusCategory: { key: 'new' } },
        resolution: null,
        components: [],
        labels: [],
        project: { key: options.projectKey },
        ...fields,
      },
      comments: [],
      properties: {},
    };
    issues.push(issue);
    return issue;
  }

  const byKey = (key: string | undefined) => issues.find((issue) => issue.key === key || issue.id === key);

  function search(request: FakeRequest): FakeAnswer {
    const denied = guard(request, 'BROWSE_PROJECTS');
    if (denied) return denied;
    let query;
    try {
      query = parseJql(request.query.get('jql')!);
    } catch (problem) {
      return error(400, [(problem as Error).message]);
    }
    const found = issues.filter((issue) =>
      query.clauses.every((clause) => matches(clause, fieldValues(issue, clause.field))),
    );
    if (query.orderBy?.direction === 'desc') found.reverse();
    const maxResults = Math.min(Number(request.query.get('maxResults') ?? 50), pageCap);
    const start =
      options.flavour === 'cloud'
        ? Number(Buffer.from(request.query.get('nextPageToken') ?? '', 'base64url').toString() || 0)
        : Number(request.query.get('startAt') ?? 0);
    const page = found.slice(start, start + maxResults).map((issue) => view(issue, request));
    if (options.flavour === 'server')
      return ok({ expand: 'schema,names', startAt: start, maxResults, total: found.length, issues: page });
    const next = start + maxResults;
    return ok({
      issues: page,
      isLast: next >= found.length,
      ...(next < found.length ? { nextPageToken: Buffer.from(String(next)).toString('base64url') } : {}),
    });
  }

  function view(issue: FakeJiraIssue, request: FakeRequest): Record<string, unknown> {
    const wanted = (request.query.get('fields') ?? '*navigable').split(',');
    const all = wanted.includes('*all') || wanted.includes('*navigable');
    const fields = Object.fromEntries(
      Object.entries(issue.fields).filter(([name]) => all || wanted.includes(name)),
    );
    const properties = (request.query.get('properties') ?? '').split(',').filter(Boolean);
    return {
      expand: '',
      id: issue.id,
      self: `/rest/api/${v}/issue/${issue.id}`,
      key: issue.key,
      fields,
      ...(properties.length > 0
        ? {
            properties: Object.fromEntries(
              properties
                .filter((name) => name in issue.properties)
                .map((name) => [name, issue.properties[name]]),
            ),
          }
        : {}),
    };
  }

  function create(request: FakeRequest): FakeAnswer {
    const denied = guard(request, 'CREATE_ISSUES');
    if (denied) return denied;
    const fields = (request.body as { fields: Record<string, { key?: string; name?: string }> }).fields;
    const errors: Record<string, string> = {};
    if (fields['project']?.key !== options.projectKey)
      errors['project'] = 'Specify a valid project ID or key';
    if (!ISSUE_TYPES.includes(fields['issuetype']?.name ?? ''))
      errors['issuetype'] = 'Specify a valid issue type';
    if (fields['priority'] && !PRIORITIES.includes(fields['priority'].name ?? ''))
      errors['priority'] = "Specify a valid 'id' or 'name' for Priority";
    if (Object.keys(errors).length > 0) return { status: 400, body: { errorMessages: [], errors } };
    const issue = seed({ ...fields, created: new Date().toISOString().replace('Z', '+0000') });
    return { status: 201, body: { id: issue.id, key: issue.key, self: `/rest/api/${v}/issue/${issue.id}` } };
  }

  function comment(request: FakeRequest): FakeAnswer {
    const issue = byKey(request.params['key']);
    if (!issue) return error(404, ['Issue does not exist or you do not have permission to see it.']);
    const denied = guard(request, 'ADD_COMMENTS');
    if (denied) return denied;
    const body = (request.body as { body: unknown }).body;
    issue.comments.push(body);
    return {
      status: 201,
      body: { id: String(issue.comments.length), body, created: new Date().toISOString() },
    };
  }

  function setProperty(request: FakeRequest): FakeAnswer {
    const issue = byKey(request.params['key']);
    if (!issue) return error(404, ['Issue does not exist or you do not have permission to see it.']);
    const denied = guard(request, 'EDIT_ISSUES');
    if (denied) return denied;
    if (request.rawBody.length > 32_768) return error(400, ['The property value is too long.']);
    const name = request.params['property']!;
    const existed = name in issue.properties;
    issue.properties[name] = request.body;
    return { status: existed ? 200 : 201 };
  }

  const root = `/rest/api/${v}`;
  const routes: FakeRoute[] = [
    {
      name: 'search',
      method: 'GET',
      path: options.flavour === 'cloud' ? `${root}/search/jql` : `${root}/search`,
      query: options.flavour === 'cloud' ? jiraSchemas.searchJqlV3 : jiraSchemas.searchV2,
      handle: search,
    },
    {
      name: 'createIssue',
      method: 'POST',
      path: `${root}/issue`,
      body: options.flavour === 'cloud' ? jiraSchemas.createIssueV3 : jiraSchemas.createIssueV2,
      handle: create,
    },
    {
      name: 'addComment',
      method: 'POST',
      path: `${root}/issue/:key/comment`,
      body: options.flavour === 'cloud' ? jiraSchemas.commentV3 : jiraSchemas.commentV2,
      handle: comment,
    },
    {
      name: 'setProperty',
      method: 'PUT',
      path: `${root}/issue/:key/properties/:property`,
      body: jiraSchemas.issueProperty,
      handle: setProperty,
    },
  ];
  if (options.flavour === 'cloud') {
    // Atlassian removed the old paged search from Cloud in favour of /search/jql.
    routes.push({
      name: 'removedSearch',
      method: 'GET',
      path: `${root}/search`,
      handle: () =>
        error(410, ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.']),
    });
  }
  const server = await startFakeVendorServer({
    routes,
    errorBody: (_status, message) => ({ errorMessages: [message], errors: {} }),
  });
  return Object.assign(server, { issues, permissions, seed });
}

function fieldValues(issue: FakeJiraIssue, field: string): string[] {
  const value = issue.fields[field === 'type' ? 'issuetype' : field];
  if (field === 'key') return [issue.key];
  if (Array.isArray(value)) return value.map(String);
  if (value === null || value === undefined) return [];
  if (typeof value === 'object') {
    const named = value as { key?: string; name?: string };
    return [named.key, named.name].filter((item): item is string => typeof item === 'string');
  }
  return [String(value)];
}

function ok(body: unknown): FakeAnswer {
  return { status: 200, body };
}

function error(status: number, errorMessages: string[]): FakeAnswer {
  return { status, body: { errorMessages, errors: {} } };
}
