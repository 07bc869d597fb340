import { randomBytes } from 'node:crypto';
import {
  type FakeAnswer,
  type FakeRequest,
  type FakeVendorServer,
  startFakeVendorServer,
} from './fake-vendor-server.ts';
import { allureSchemas } from './allure-testops-request-schemas.ts';

// A local Allure TestOps: the API token exchanged for a JWT at /api/uaa/oauth/token, then test
// cases, scenarios and tags under /api/testcase with `Authorization: Bearer <jwt>`. Errors in
// the Spring shape the service answers with: {timestamp, status, error, message, path}.

export interface FakeAllureCase {
  id: number;
  projectId: number;
  name: string;
  deleted: boolean;
  fields: Record<string, unknown>;
  scenario: unknown[];
  tags: { name: string }[];
}

export interface FakeAllure extends FakeVendorServer {
  cases: Map<number, FakeAllureCase>;
  /** Whether the token's user may write in the project. */
  access: { write: boolean };
  /** JWTs handed out so far. */
  issuedTokens: string[];
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

export async function startFakeAllure(options: { apiToken: string; projectId: number }): Promise<FakeAllure> {
  const cases = new Map<number, FakeAllureCase>();
  const access = { write: true };
  const issuedTokens: string[] = [];
  let nextId = 1000;

  const fail = (status: number, message: string, request: FakeRequest): FakeAnswer => ({
    status,
    body: errorBody(status, message, request),
  });

  function authorised(request: FakeRequest, write: boolean): FakeAnswer | undefined {
    const jwt = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!jwt || !issuedTokens.includes(jwt))
      return fail(401, 'Full authentication is required to access this resource', request);
    if (write && !access.write) return fail(403, 'Access is denied', request);
    return undefined;
  }

  function testCase(request: FakeRequest): FakeAllureCase | undefined {
    return cases.get(Number(request.params['id']));
  }

  function dto(found: FakeAllureCase): Record<string, unknown> {
    return {
      id: found.id,
      projectId: found.projectId,
      name: found.name,
      deleted: found.deleted,
      automated: false,
      ...found.fields,
    };
  }

  const server = await startFakeVendorServer({
    errorBody,
    routes: [
      {
        name: 'token',
        method: 'POST',
        path: '/api/uaa/oauth/token',
        body: allureSchemas.token,
        handle: (request) => {
          if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
            return fail(400, 'Missing grant type', request);
          if ((request.body as { token: string }).token !== options.apiToken)
            return { status: 401, body: { error: 'invalid_token', error_description: 'Invalid API token' } };
          const jwt = `eyJhbGciOiJIUzI1NiJ9.${randomBytes(24).toString('base64url')}`;
          issuedTokens.push(jwt);
          return {
            status: 200,
            body: {
              access_token: jwt,
              token_type: 'bearer',
              expires_in: 3599,
              scope: 'openid',
              jti: randomBytes(8).toString('hex'),
            },
          };
        },
      },
      {
        name: 'createTestCase',
        method: 'POST',
        path: '/api/testcase',
        body: allureSchemas.createTestCase,
        handle: (request) => {
          const denied = authorised(request, true);
          if (denied) return denied;
          const { projectId, name, ...fields } = request.body as { projectId: number; name: string };
          if (projectId !== options.projectId)
            return fail(404, `Project with id ${projectId} not found`, request);
          nextId += 1;
          const created: FakeAllureCase = {
            id: nextId,
            projectId,
            name,
            deleted: false,
            fields,
            scenario: [],
            tags: [],
          };
          cases.set(created.id, created);
          return { status: 200, body: dto(created) };
        },
      },
      {
        // Before getTestCase: `__search` would match its `:id`.
        name: 'searchTestCases',
        method: 'GET',
        path: '/api/testcase/__search',
        query: allureSchemas.search,
        handle: (request) => {
          const denied = authorised(request, false);
          if (denied) return denied;
          const tag = /^tag\s*=\s*"((?:[^"\\]|\\.)*)"$/.exec(request.query.get('rql') ?? '')?.[1];
          if (tag === undefined) return fail(400, `Unsupported RQL: ${request.query.get('rql')}`, request);
          const size = Number(request.query.get('size') ?? 10);
          const page = Number(request.query.get('page') ?? 0);
          const found = [...cases.values()].filter(
            (candidate) =>
              candidate.projectId === Number(request.query.get('projectId')) &&
              !candidate.deleted &&
              candidate.tags.some((item) => item.name === tag.replace(/\\(.)/g, '$1')),
          );
          const content = found.slice(page * size, (page + 1) * size).map(dto);
          return {
            status: 200,
            body: {
              content,
              number: page,
              size,
              numberOfElements: content.length,
              totalElements: found.length,
              totalPages: Math.ceil(found.length / size),
              first: page === 0,
              last: (page + 1) * size >= found.length,
              empty: content.length === 0,
            },
          };
        },
      },
      {
        name: 'getTestCase',
        method: 'GET',
        path: '/api/testcase/:id',
        handle: (request) => {
          const denied = authorised(request, false);
          if (denied) return denied;
          const found = testCase(request);
          return found
            ? { status: 200, body: dto(found) }
            : fail(404, `Test case with id ${request.params['id']} not found`, request);
        },
      },
      {
        name: 'patchTestCase',
        method: 'PATCH',
        path: '/api/testcase/:id',
        body: allureSchemas.patchTestCase,
        handle: (request) => {
          const denied = authorised(request, true);
          if (denied) return denied;
          const found = testCase(request);
          if (!found) return fail(404, `Test case with id ${request.params['id']} not found`, request);
          const { name, ...fields } = request.body as { name?: string };
          if (name) found.name = name;
          Object.assign(found.fields, fields);
          return { status: 200, body: dto(found) };
        },
      },
      {
        name: 'setScenario',
        method: 'POST',
        path: '/api/testcase/:id/scenario',
        body: allureSchemas.scenario,
        handle: (request) => {
          const denied = authorised(request, true);
          if (denied) return denied;
          const found = testCase(request);
          if (!found) return fail(404, `Test case with id ${request.params['id']} not found`, request);
          found.scenario = (request.body as { steps: unknown[] }).steps;
          return {
            status: 200,
            body: { root: { children: found.scenario.map((_step, index) => index + 1) }, scenarioSteps: {} },
          };
        },
      },
      {
        name: 'setTags',
        method: 'POST',
        path: '/api/testcase/:id/tag',
        body: allureSchemas.tags,
        handle: (request) => {
          const denied = authorised(request, true);
          if (denied) return denied;
          const found = testCase(request);
          if (!found) return fail(404, `Test case with id ${request.params['id']} not found`, request);
          found.tags = (request.body as { name: string }[]).map((item, index) => ({
            id: index + 1,
            name: item.name,
          }));
          return { status: 200, body: found.tags };
        },
      },
    ],
  });
  return Object.assign(server, { cases, access, issuedTokens });
}

function errorBody(status: number, message: string, request: FakeRequest): unknown {
  return {
    timestamp: new Date().toISOString(),
    status,
    error: REASONS[status] ?? 'Error',
    message,
    path: request.path,
  };
}
