import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

// Two kinds share the noun "strategies": the strategy types `POST /strategies` makes (by name),
// and a flag's strategies `POST /flags/{flagName}/strategies` makes (answering an `id`). A flag's
// strategy names an existing type in `name`; a dependency names the flag it depends on in `flag`;
// a flag's variants name existing environments, which the API only lists.

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const param = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const notFound = { '404': { description: 'none' } };
const strategyType = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', description: 'The name of the strategy type. Must be unique.' } },
};
const flag = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
const flagStrategy = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'The name of the strategy type', example: 'gradual' },
    title: { type: 'string' },
  },
};
const madeStrategy = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, title: { type: 'string' } },
};
const dependency = {
  type: 'object',
  required: ['flag'],
  properties: {
    flag: { type: 'string', description: 'The name of the flag we depend on.', example: 'parent_flag' },
  },
};

export const sharedNounSpec = {
  openapi: '3.0.3',
  info: { title: 'Strategies', version: '1' },
  paths: {
    '/strategies': {
      get: {
        responses: {
          '200': { description: 'all', ...json({ type: 'array', items: strategyType }) },
        },
      },
      post: {
        requestBody: { required: true, ...json(strategyType) },
        responses: { '201': { description: 'made', ...json(strategyType) } },
      },
    },
    '/strategies/{name}': {
      parameters: [param('name')],
      get: { responses: { '200': { description: 'one', ...json(strategyType) }, ...notFound } },
      delete: { responses: { '200': { description: 'gone' }, ...notFound } },
    },
    '/flags': {
      post: {
        requestBody: { required: true, ...json(flag) },
        responses: { '201': { description: 'made', ...json(flag) } },
      },
    },
    '/flags/{flagName}': {
      parameters: [param('flagName')],
      get: { responses: { '200': { description: 'one', ...json(flag) }, ...notFound } },
      delete: { responses: { '200': { description: 'gone' }, ...notFound } },
    },
    '/flags/{flagName}/strategies': {
      parameters: [param('flagName')],
      post: {
        requestBody: { required: true, ...json(flagStrategy) },
        responses: { '200': { description: 'made', ...json(madeStrategy) } },
      },
    },
    '/flags/{flagName}/strategies/{strategyId}': {
      parameters: [param('flagName'), param('strategyId')],
      get: { responses: { '200': { description: 'one', ...json(madeStrategy) }, ...notFound } },
      put: {
        requestBody: { required: true, ...json(flagStrategy) },
        responses: { '200': { description: 'changed', ...json(madeStrategy) }, ...notFound },
      },
      delete: { responses: { '200': { description: 'gone' }, ...notFound } },
    },
    '/environments': {
      get: {
        responses: {
          '200': {
            description: 'all',
            ...json({
              type: 'object',
              properties: {
                environments: {
                  type: 'array',
                  items: { type: 'object', properties: { name: { type: 'string' } } },
                },
              },
            }),
          },
        },
      },
    },
    '/environments/{name}': {
      parameters: [param('name')],
      get: { responses: { '200': { description: 'one', ...json(flag) }, ...notFound } },
    },
    '/flags/{flagName}/variants': {
      parameters: [param('flagName')],
      put: {
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['variants', 'environments'],
            properties: {
              variants: { type: 'array', items: { type: 'string' } },
              environments: { type: 'array', items: { type: 'string' }, example: ['sample'] },
            },
          }),
        },
        responses: { '200': { description: 'set' } },
      },
    },
    '/flags/{child}/dependencies': {
      parameters: [param('child')],
      post: {
        requestBody: { required: true, ...json(dependency) },
        responses: { '200': { description: 'added, no body' }, '403': { description: 'no such parent' } },
      },
    },
  },
};

/** The server's state: strategy types, flags and each flag's strategies (id → type). */
export interface SharedNounState {
  types: Set<string>;
  flags: Map<string, Map<string, string>>;
  seen: string[];
}

export function sharedNounState(): SharedNounState {
  return { types: new Set(['default']), flags: new Map(), seen: [] };
}

type Send = (status: number, body?: unknown) => void;

/**
 * Answers the strategy and flag operations: a flag's strategy must name an existing type (400),
 * and is found only under its own flag (404 under another).
 */
export function handleSharedNoun(
  state: SharedNounState,
  request: IncomingMessage,
  response: ServerResponse,
  text: string,
): void {
  const send: Send = (status, body) => {
    response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const method = request.method ?? 'GET';
  const parts = decodeURI(new URL(request.url ?? '/', 'http://x').pathname)
    .split('/')
    .slice(1);
  state.seen.push(`${method} /${parts.join('/')}`);
  const body = parseObject(text);
  if (!body) return send(400, { message: 'not a JSON object' });
  const name = typeof body['name'] === 'string' ? body['name'] : undefined;
  if (parts[0] === 'strategies' && parts.length === 1 && method === 'POST') {
    if (!name) return send(400, { message: 'name required' });
    state.types.add(name);
    return send(201, { name });
  }
  if (parts[0] === 'strategies' && parts.length === 2 && method === 'DELETE')
    return state.types.delete(parts[1]!) ? send(200) : send(404, { message: 'no such type' });
  if (parts[0] !== 'flags') return send(404, { message: 'no such path' });
  if (parts.length === 1 && method === 'POST') {
    if (!name) return send(400, { message: 'name required' });
    state.flags.set(name, new Map());
    return send(201, { name });
  }
  const flag = state.flags.get(parts[1] ?? '');
  if (!flag) return send(404, { message: 'no such flag' });
  if (parts.length === 2 && method === 'DELETE') {
    state.flags.delete(parts[1]!);
    return send(200);
  }
  if (parts[2] !== 'strategies') return send(404, { message: 'no such path' });
  if (parts.length === 3 && method === 'POST') {
    if (!name || !state.types.has(name))
      return send(400, { message: `Could not find strategy type ${name}` });
    const id = randomUUID();
    flag.set(id, name);
    return send(200, { id, name });
  }
  const type = flag.get(parts[3] ?? '');
  if (type === undefined) return send(404, { message: `Could not find strategy with id ${parts[3]}` });
  if (method === 'GET') return send(200, { id: parts[3], name: type });
  if (method === 'DELETE') {
    flag.delete(parts[3]!);
    return send(200);
  }
  return send(405);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
