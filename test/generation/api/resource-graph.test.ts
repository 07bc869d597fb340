import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../../src/core/api-model.ts';
import { ResourceGraph } from '../../../src/core/resource-graph.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { SchemaContext } from '../../../src/generation/api/schema-context.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (schema: unknown) => ({ '200': { description: 'ok', ...json(schema) } });
const param = (name: string, type = 'string') => ({ name, in: 'path', required: true, schema: { type } });
const notFound = { '404': { description: 'none' } };

// Platformatic-style: collections end with a slash, relations hang off the item.
const author = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 40 } },
};
const book = {
  type: 'object',
  properties: { id: { type: 'integer' }, title: { type: 'string' }, authorId: { type: 'integer' } },
};
const slashed = {
  openapi: '3.0.3',
  info: { title: 'Catalogue', version: '1' },
  paths: {
    '/authors/': {
      get: { responses: ok({ type: 'array', items: author }) },
      post: {
        requestBody: {
          required: true,
          ...json({ type: 'object', required: ['name'], properties: author.properties }),
        },
        responses: ok(author),
      },
    },
    '/authors/{id}': {
      parameters: [param('id', 'integer')],
      get: { responses: { ...ok(author), ...notFound } },
      put: { requestBody: { required: true, ...json(author) }, responses: { ...ok(author), ...notFound } },
      delete: { responses: { ...ok(author), ...notFound } },
    },
    '/authors/{id}/books': {
      parameters: [param('id', 'integer')],
      get: { responses: ok({ type: 'array', items: book }) },
    },
  },
};

// Conduit-style: slugs and usernames for ids, envelopes around every body.
const article = {
  type: 'object',
  required: ['slug', 'title'],
  properties: { slug: { type: 'string' }, title: { type: 'string', maxLength: 60 } },
};
const enveloped = (schema: unknown) => ({ type: 'object', properties: { article: schema } });
const comment = { type: 'object', properties: { id: { type: 'integer' }, body: { type: 'string' } } };
const blog = {
  openapi: '3.0.3',
  info: { title: 'Blog', version: '1' },
  paths: {
    '/articles': {
      post: {
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['article'],
            properties: {
              article: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } },
            },
          }),
        },
        responses: { '201': { description: 'created', ...json(enveloped(article)) } },
      },
    },
    '/articles/{slug}': {
      parameters: [param('slug')],
      get: { responses: { ...ok(enveloped(article)), ...notFound } },
      delete: { responses: { '204': { description: 'gone' }, ...notFound } },
    },
    '/articles/{slug}/favorite': {
      parameters: [param('slug')],
      post: { responses: ok(enveloped(article)) },
      delete: { responses: ok(enveloped(article)) },
    },
    '/articles/{slug}/comments': {
      parameters: [param('slug')],
      post: {
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            properties: { comment: { type: 'object', properties: { body: { type: 'string' } } } },
          }),
        },
        responses: ok({ type: 'object', properties: { comment } }),
      },
      get: { responses: ok({ type: 'object', properties: { comments: { type: 'array', items: comment } } }) },
    },
    '/articles/{slug}/comments/{id}': {
      parameters: [param('slug'), param('id', 'integer')],
      delete: { responses: ok({}) },
    },
  },
};

async function modelOf(document: unknown): Promise<ApiModel> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-graph-'));
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(document));
  return buildApiModel(await loadSpec(join(dir, 'openapi.json')));
}

// No item path for users: the profile a username names is made by registering one.
const profile = { type: 'object', properties: { username: { type: 'string' }, bio: { type: 'string' } } };
const accounts = {
  openapi: '3.0.3',
  info: { title: 'Accounts', version: '1' },
  paths: {
    '/users': {
      post: {
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['username'],
            properties: { username: { type: 'string' }, email: { type: 'string' } },
          }),
        },
        responses: {
          '201': {
            description: 'created',
            ...json({
              type: 'object',
              properties: { user: { type: 'object', properties: { username: { type: 'string' } } } },
            }),
          },
        },
      },
    },
    '/profiles/{username}': {
      parameters: [param('username')],
      get: { responses: { ...ok({ type: 'object', properties: { profile } }), ...notFound } },
    },
    '/profiles/{username}/follow': {
      parameters: [param('username')],
      post: { responses: ok({ type: 'object', properties: { profile } }) },
    },
    '/tags/{slug}': {
      parameters: [param('slug')],
      get: { responses: ok({ type: 'object' }) },
    },
  },
};

describe('the resource graph on real API shapes', () => {
  it('links a collection with a trailing slash to its items: no --var for their ids', async () => {
    const model = await modelOf(slashed);
    const graph = new ResourceGraph(model, new SchemaContext(model));
    expect(graph.byName('author')).toMatchObject({
      collectionPath: '/authors/',
      itemPath: '/authors/{id}',
      createIdPath: 'id',
      readIdPath: 'id',
    });
    const suite = generateApiSuite(model, { specSource: 'openapi.json' });
    expect(suite.variables).toEqual([]);
    expect(suite.cases.map((testCase) => testCase.title)).toContain(
      'author lifecycle: create, read, update, read back, delete, read after delete',
    );
  });

  it('finds slugs inside envelopes, and reaches sub-resources and actions through them', async () => {
    const model = await modelOf(blog);
    const graph = new ResourceGraph(model, new SchemaContext(model));
    expect(graph.byName('article')).toMatchObject({
      createIdPath: 'article.slug',
      readIdPath: 'article.slug',
    });
    expect(graph.byName('comment')).toMatchObject({ createIdPath: 'comment.id', parentParams: ['slug'] });
    const suite = generateApiSuite(model, { specSource: 'openapi.json' });
    expect(suite.variables).toEqual([]);
    const lifecycle = suite.cases.find((testCase) => testCase.title.startsWith('article lifecycle'))!;
    expect(lifecycle.steps[1]!.assertions).toContainEqual({
      kind: 'field-equals',
      path: 'article.slug',
      value: { kind: 'saved', name: 'id' },
    });
    const favourite = suite.cases.find((testCase) =>
      testCase.title.startsWith('POST /articles/{slug}/favorite succeeds'),
    )!;
    expect(favourite.uses).toEqual([{ alias: 'article', resource: 'article' }]);
  });

  it('infers that a create answering a username produces what /profiles/{username} reads', async () => {
    const model = await modelOf(accounts);
    const graph = new ResourceGraph(model, new SchemaContext(model));
    expect(graph.byName('profile')).toMatchObject({
      createdBy: 'producer',
      createIdPath: 'user.username',
      itemPath: '/profiles/{username}',
    });
    // A slug of something nothing here creates stays the user's to give.
    expect(graph.byName('tag')?.create).toBeUndefined();
    const suite = generateApiSuite(model, { specSource: 'openapi.json' });
    expect(suite.variables.map((variable) => variable.name)).toEqual(['slug']);
    const follow = suite.cases.find((testCase) =>
      testCase.title.startsWith('POST /profiles/{username}/follow succeeds'),
    )!;
    expect(follow.uses).toEqual([{ alias: 'profile', resource: 'profile' }]);
  });
});

// Three collections of "tokens": personal tokens (`/me/tokens`, items by id), API tokens (read by
// a name that is not unique, changed by the token itself) and invite tokens made by their own POST.
const tokens = {
  openapi: '3.0.3',
  info: { title: 'Tokens', version: '1' },
  paths: {
    '/me/tokens': {
      post: {
        requestBody: {
          required: true,
          ...json({ type: 'object', properties: { label: { type: 'string' } } }),
        },
        responses: ok({ type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } } }),
      },
    },
    '/me/tokens/{id}': { parameters: [param('id', 'integer')], delete: { responses: ok({}) } },
    '/api-tokens': {
      post: {
        requestBody: {
          required: true,
          ...json({ type: 'object', properties: { tokenName: { type: 'string' } } }),
        },
        responses: ok({
          type: 'object',
          properties: { secret: { type: 'string' }, tokenName: { type: 'string' } },
        }),
      },
    },
    '/api-tokens/{name}': {
      parameters: [param('name')],
      get: { responses: ok({ type: 'array', items: {} }) },
    },
    '/api-tokens/{token}': { parameters: [param('token')], delete: { responses: ok({}) } },
    '/invites/tokens': {
      post: {
        requestBody: {
          required: true,
          ...json({ type: 'object', properties: { name: { type: 'string' } } }),
        },
        responses: ok({
          type: 'object',
          properties: { secret: { type: 'string' }, url: { type: 'string' } },
        }),
      },
    },
    '/invites/tokens/{token}': { parameters: [param('token')], get: { responses: ok({}) } },
  },
};

describe('a path parameter named like a kind made elsewhere', () => {
  it('belongs to the collection whose POST makes its items, not to a kind of the same noun', async () => {
    const model = await modelOf(tokens);
    const graph = new ResourceGraph(model, new SchemaContext(model));
    const operation = (key: string) => model.operations.find((candidate) => candidate.key === key)!;
    expect(graph.kindOfPathParameter(operation('DELETE /me/tokens/{id}'), 'id')?.name).toBe('token');
    expect(graph.kindOfPathParameter(operation('DELETE /api-tokens/{token}'), 'token')?.name).toBe(
      'api_token',
    );
    // The invite tokens are the ones their own collection makes, named by the secret it answers:
    // never a personal token created for them.
    expect(graph.kindOfPathParameter(operation('GET /invites/tokens/{token}'), 'token')).toMatchObject({
      name: 'invite_token',
      createIdPath: 'secret',
    });
    const suite = generateApiSuite(model, { specSource: 'openapi.json' });
    const invite = suite.cases.find((testCase) =>
      testCase.title.startsWith('GET /invites/tokens/{token} succeeds'),
    )!;
    expect(invite.uses).toEqual([{ alias: 'invite_token', resource: 'invite_token' }]);
    expect(invite.steps.at(-1)!.request.pathParams['token']).toMatchObject({
      kind: 'resource',
      alias: 'invite_token',
    });
  });
});

describe('a noun whose first item path creates nothing', () => {
  it('is the kind a deeper collection of the same noun creates: archived lists do not hide flags', async () => {
    const flag = { type: 'object', properties: { name: { type: 'string' }, enabled: { type: 'boolean' } } };
    const model = await modelOf({
      openapi: '3.0.3',
      info: { title: 'Flags', version: '1' },
      paths: {
        '/projects': {
          post: {
            requestBody: {
              required: true,
              ...json({ type: 'object', properties: { id: { type: 'string' } } }),
            },
            responses: ok({ type: 'object', properties: { id: { type: 'string' } } }),
          },
        },
        '/projects/{projectId}': {
          get: { parameters: [param('projectId')], responses: ok({ type: 'object' }) },
        },
        // Lists a project's archived flags: one path parameter, found first, and nothing creates it.
        '/archive/features/{projectId}': {
          get: { parameters: [param('projectId')], responses: ok({ type: 'array', items: flag }) },
        },
        '/projects/{projectId}/features': {
          post: {
            parameters: [param('projectId')],
            requestBody: {
              required: true,
              ...json({ type: 'object', required: ['name'], properties: flag.properties }),
            },
            responses: ok(flag),
          },
        },
        '/projects/{projectId}/features/{featureName}': {
          parameters: [param('projectId'), param('featureName')],
          get: { responses: ok(flag) },
        },
      },
    });
    const graph = new ResourceGraph(model, new SchemaContext(model));
    const feature = graph.kinds.find((kind) => kind.name === 'feature')!;
    expect(feature.itemPath).toBe('/projects/{projectId}/features/{featureName}');
    expect(feature.create?.path).toBe('/projects/{projectId}/features');
    const suite = generateApiSuite(model, { specSource: 'openapi.json' });
    expect(suite.variables.map((variable) => variable.name)).not.toContain('featureName');
  });
});

describe('an item path whose parameter names another collection', () => {
  it("reads that thing's items: `/events/{featureName}` beside `/features` is no event, and `events` names none", async () => {
    const feature = { type: 'object', properties: { name: { type: 'string' } } };
    const event = { type: 'object', properties: { id: { type: 'integer' }, type: { type: 'string' } } };
    const addon = {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        provider: { type: 'string' },
        events: { type: 'array', items: { type: 'string' }, example: ['feature-created'] },
      },
    };
    const model = await modelOf({
      openapi: '3.0.3',
      info: { title: 'Flags', version: '1' },
      paths: {
        '/features': {
          post: { requestBody: { required: true, ...json(feature) }, responses: ok(feature) },
        },
        '/features/{featureName}': { get: { parameters: [param('featureName')], responses: ok(feature) } },
        '/events': {
          get: { responses: ok({ type: 'object', properties: { events: { type: 'array', items: event } } }) },
        },
        '/events/{featureName}': {
          get: {
            parameters: [param('featureName')],
            responses: ok({ type: 'object', properties: { events: { type: 'array', items: event } } }),
          },
        },
        '/addons': {
          post: {
            requestBody: {
              required: true,
              ...json({ type: 'object', required: ['provider', 'events'], properties: addon.properties }),
            },
            responses: ok(addon),
          },
        },
        '/addons/{id}': { get: { parameters: [param('id', 'integer')], responses: ok(addon) } },
      },
    });
    const graph = new ResourceGraph(model, new SchemaContext(model));
    const operation = (key: string) => model.operations.find((candidate) => candidate.key === key)!;
    expect(graph.byName('event')).toBeUndefined();
    expect(graph.kindOfPathParameter(operation('GET /events/{featureName}'), 'featureName')?.name).toBe(
      'feature',
    );
    const suite = generateApiSuite(model, { specSource: 'openapi.json' });
    const create = suite.cases.find((testCase) => testCase.title.startsWith('POST /addons succeeds'))!;
    // Event type names as the document gives them, not ids of events found in a list.
    expect(create.steps[0]!.request.body).toMatchObject({
      kind: 'json',
      value: {
        entries: { events: { kind: 'array', items: [{ kind: 'literal', value: 'feature-created' }] } },
      },
    });
    const read = suite.cases.find((testCase) =>
      testCase.title.startsWith('GET /events/{featureName} succeeds'),
    )!;
    expect(read.uses).toEqual([expect.objectContaining({ alias: 'feature' })]);
  });
});

describe('an id field of a noun whose first kind is named otherwise', () => {
  it("names the second kind of that noun identified by the very field (a strategy id is no strategy type), and a list of its ids names the test's own", async () => {
    const strategyType = { type: 'object', properties: { name: { type: 'string' } } };
    const strategy = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } };
    const link = {
      type: 'object',
      required: ['strategyId', 'segmentIds'],
      properties: {
        strategyId: { type: 'string' },
        segmentIds: { type: 'array', items: { type: 'integer' }, example: [1, 5, 6] },
      },
    };
    const model = await modelOf({
      openapi: '3.0.3',
      info: { title: 'Flags', version: '1' },
      paths: {
        '/strategies': {
          post: { requestBody: { required: true, ...json(strategyType) }, responses: ok(strategyType) },
        },
        '/strategies/{name}': { get: { parameters: [param('name')], responses: ok(strategyType) } },
        '/features': {
          post: {
            requestBody: {
              required: true,
              ...json({ type: 'object', properties: { name: { type: 'string' } } }),
            },
            responses: ok({ type: 'object', properties: { name: { type: 'string' } } }),
          },
        },
        '/features/{featureName}': {
          get: { parameters: [param('featureName')], responses: ok({ type: 'object' }) },
        },
        '/features/{featureName}/strategies': {
          post: {
            parameters: [param('featureName')],
            requestBody: { required: true, ...json(strategy) },
            responses: ok(strategy),
          },
        },
        '/features/{featureName}/strategies/{strategyId}': {
          get: { parameters: [param('featureName'), param('strategyId')], responses: ok(strategy) },
        },
        '/segments': {
          post: {
            requestBody: {
              required: true,
              ...json({ type: 'object', properties: { name: { type: 'string' } } }),
            },
            responses: ok({
              type: 'object',
              properties: { id: { type: 'integer' }, name: { type: 'string' } },
            }),
          },
        },
        '/segments/{id}': {
          get: { parameters: [param('id', 'integer')], responses: ok({ type: 'object' }) },
        },
        // Links segments to a flag's strategy: its answer echoes the strategy id it was sent.
        '/segments/strategies': {
          post: { requestBody: { required: true, ...json(link) }, responses: ok(link) },
        },
        '/segments/strategies/{strategyId}': {
          get: { parameters: [param('strategyId')], responses: ok(link) },
        },
      },
    });
    const graph = new ResourceGraph(model, new SchemaContext(model));
    const operation = (key: string) => model.operations.find((candidate) => candidate.key === key)!;
    const linking = operation('POST /segments/strategies');
    const named = graph.kindOfField('strategyId', linking)!;
    expect(named.itemPath).toBe('/features/{featureName}/strategies/{strategyId}');
    const suite = generateApiSuite(model, { specSource: 'openapi.json' });
    const create = suite.cases.find((testCase) =>
      testCase.title.startsWith('POST /segments/strategies succeeds'),
    )!;
    const used = create.uses.map((use) => graph.byName(use.resource)?.itemPath);
    expect(used).toContain('/features/{featureName}/strategies/{strategyId}');
    expect(used).not.toContain('/strategies/{name}');
    // The segments named by ids are the test's own, not the document's example ids.
    const body = create.steps.at(-1)!.request.body;
    expect(body).toMatchObject({
      kind: 'json',
      value: { entries: { segmentIds: { kind: 'array', items: [{ kind: 'resource', alias: 'segment' }] } } },
    });
  });
});
