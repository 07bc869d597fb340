import type { IncomingMessage, ServerResponse } from 'node:http';

// A feature-flag API where environments exist on the server and cannot be made: it lists them
// (`{"environments": [{"name": …, "enabled": …}]}`), and a project's POST only adds an existing one
// to the project (400 for one that does not exist). Flags are made per project and named by `name`;
// a flag has settings only in its project's environments, so a disabled one answers 404.

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const param = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const notFound = { '404': { description: 'none' } };
const invalid = { '400': { description: 'invalid' } };
const environment = {
  type: 'object',
  required: ['name', 'enabled'],
  properties: { name: { type: 'string' }, enabled: { type: 'boolean' } },
};
const flag = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z0-9-]+$' } },
};
const flagEnvironment = {
  type: 'object',
  required: ['environment', 'ratio'],
  properties: { environment: { type: 'string' }, ratio: { type: 'integer' } },
};
const ratio = {
  type: 'object',
  required: ['ratio'],
  additionalProperties: false,
  properties: { ratio: { type: 'integer', minimum: 0, maximum: 100 } },
};

export const listedFlagsSpec = {
  openapi: '3.0.3',
  info: { title: 'Flags', version: '1' },
  paths: {
    '/environments': {
      get: {
        responses: {
          '200': {
            description: 'all',
            ...json({ type: 'object', properties: { environments: { type: 'array', items: environment } } }),
          },
        },
      },
    },
    '/environments/{name}': {
      parameters: [param('name')],
      get: { responses: { '200': { description: 'one', ...json(environment) }, ...notFound } },
    },
    // Switches an existing environment off for everyone: a test must never do it to the user's.
    '/environments/{name}/off': {
      parameters: [param('name')],
      post: { responses: { '204': { description: 'switched off' }, ...notFound } },
    },
    '/projects': {
      get: {
        responses: {
          '200': {
            description: 'all',
            ...json({
              type: 'object',
              properties: {
                projects: {
                  type: 'array',
                  items: { type: 'object', properties: { id: { type: 'string' } } },
                },
              },
            }),
          },
        },
      },
    },
    '/projects/{projectId}': {
      parameters: [param('projectId')],
      get: {
        responses: {
          '200': { description: 'one', ...json({ type: 'object', properties: { id: { type: 'string' } } }) },
          ...notFound,
        },
      },
    },
    '/projects/{projectId}/environments': {
      parameters: [param('projectId')],
      post: {
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['environment'],
            properties: { environment: { type: 'string' } },
          }),
        },
        responses: { '200': { description: 'added, no body' }, ...invalid },
      },
    },
    '/projects/{projectId}/environments/{environment}': {
      parameters: [param('projectId'), param('environment')],
      delete: { responses: { '200': { description: 'removed, no body' }, ...notFound } },
    },
    '/projects/{projectId}/flags': {
      parameters: [param('projectId')],
      post: {
        requestBody: { required: true, ...json(flag) },
        responses: { '201': { description: 'made', ...json(flag) }, ...invalid },
      },
    },
    '/projects/{projectId}/flags/{flagName}': {
      parameters: [param('projectId'), param('flagName')],
      get: { responses: { '200': { description: 'one', ...json(flag) }, ...notFound } },
      delete: { responses: { '200': { description: 'gone, no body' }, ...notFound } },
    },
    '/projects/{projectId}/flags/{flagName}/environments/{environment}': {
      parameters: [param('projectId'), param('flagName'), param('environment')],
      get: { responses: { '200': { description: 'one', ...json(flagEnvironment) }, ...notFound } },
    },
    '/projects/{projectId}/flags/{flagName}/environments/{environment}/ratio': {
      parameters: [param('projectId'), param('flagName'), param('environment')],
      put: {
        requestBody: { required: true, ...json(ratio) },
        responses: { '200': { description: 'set', ...json(flagEnvironment) }, ...invalid, ...notFound },
      },
    },
  },
};

/** The server's state: which environments exist and which projects hold them, the flags made. */
export interface ListedFlagsState {
  environments: { name: string; enabled: boolean }[];
  projectEnvironments: Set<string>;
  flags: Map<string, Map<string, number>>;
  /** Every request that reached the server, `METHOD path`. */
  seen: string[];
}

export function listedFlagsState(): ListedFlagsState {
  return {
    // The first one listed is switched off, as a server's built-in default often is.
    environments: [
      { name: 'default', enabled: false },
      { name: 'development', enabled: true },
    ],
    projectEnvironments: new Set(['development']),
    flags: new Map(),
    seen: [],
  };
}

type Send = (status: number, body?: unknown) => void;

/** Answers one request to the listed-flags API from `state`. */
export function handleListedFlags(
  state: ListedFlagsState,
  request: IncomingMessage,
  response: ServerResponse,
  text: string,
): void {
  const send: Send = (status, body) => {
    response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const path = decodeURI(new URL(request.url ?? '/', 'http://x').pathname);
  state.seen.push(`${request.method ?? 'GET'} ${path}`);
  const parts = path.split('/').slice(1);
  if (request.method === 'GET' && path === '/environments')
    return send(200, { environments: state.environments });
  if (request.method === 'GET' && path === '/projects') return send(200, { projects: [{ id: 'default' }] });
  if (parts[0] === 'environments' && parts.length === 2 && request.method === 'GET') {
    const found = state.environments.find((candidate) => candidate.name === parts[1]);
    return found ? send(200, found) : send(404, { message: 'no such environment' });
  }
  if (parts[0] === 'environments' && parts[2] === 'off' && request.method === 'POST') {
    const found = state.environments.find((candidate) => candidate.name === parts[1]);
    if (!found) return send(404, { message: 'no such environment' });
    found.enabled = false;
    return send(204);
  }
  if (parts[0] !== 'projects' || parts[1] !== 'default') return send(404, { message: 'no such project' });
  if (parts.length === 2 && request.method === 'GET') return send(200, { id: 'default' });
  return projectRequest(state, { method: request.method ?? 'GET', parts: parts.slice(2), text }, send);
}

function projectRequest(
  state: ListedFlagsState,
  call: { method: string; parts: string[]; text: string },
  send: Send,
): void {
  const { method, parts } = call;
  const body = parseBody(call.text);
  if (parts[0] === 'environments') {
    if (method === 'POST') {
      const name = body?.['environment'];
      if (typeof name !== 'string') return send(400, { message: 'environment required' });
      if (!state.environments.some((candidate) => candidate.name === name))
        return send(400, { message: `no environment ${name}` });
      state.projectEnvironments.add(name);
      return send(200);
    }
    if (method === 'DELETE' && parts.length === 2) {
      return state.projectEnvironments.delete(parts[1]!)
        ? send(200)
        : send(404, { message: 'not in project' });
    }
    return send(405);
  }
  if (parts[0] !== 'flags') return send(404, { message: 'no such path' });
  if (parts.length === 1 && method === 'POST') return createFlag(state, body, send);
  const flag = state.flags.get(parts[1] ?? '');
  if (!flag) return send(404, { message: 'no such flag' });
  if (parts.length === 2 && method === 'GET') return send(200, { name: parts[1] });
  if (parts.length === 2 && method === 'DELETE') {
    state.flags.delete(parts[1]!);
    return send(200);
  }
  return flagEnvironmentRequest(state, { method, parts: parts.slice(2), flag, body }, send);
}

function createFlag(state: ListedFlagsState, body: Record<string, unknown> | undefined, send: Send): void {
  const name = body?.['name'];
  const valid =
    typeof name === 'string' &&
    /^[a-z0-9-]{1,40}$/.test(name) &&
    Object.keys(body!).every((key) => key === 'name');
  if (!valid) return send(400, { message: 'invalid flag' });
  if (state.flags.has(name)) return send(409, { message: 'exists' });
  state.flags.set(name, new Map([...state.projectEnvironments].map((environment) => [environment, 0])));
  return send(201, { name });
}

function flagEnvironmentRequest(
  state: ListedFlagsState,
  call: {
    method: string;
    parts: string[];
    flag: Map<string, number>;
    body: Record<string, unknown> | undefined;
  },
  send: Send,
): void {
  const { method, parts, flag, body } = call;
  const environment = parts[1] ?? '';
  // A flag has settings only in its project's environments: a disabled one is not among them.
  if (parts[0] !== 'environments' || !flag.has(environment))
    return send(404, { message: `no environment ${environment} for this flag` });
  if (parts.length === 2 && method === 'GET') return send(200, { environment, ratio: flag.get(environment) });
  if (parts.length === 3 && parts[2] === 'ratio' && method === 'PUT') {
    const ratio = body?.['ratio'];
    const valid =
      Number.isInteger(ratio) &&
      (ratio as number) >= 0 &&
      (ratio as number) <= 100 &&
      Object.keys(body!).every((key) => key === 'ratio');
    if (!valid) return send(400, { message: 'invalid ratio' });
    flag.set(environment, ratio as number);
    return send(200, { environment, ratio });
  }
  return send(405);
}

function parseBody(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
