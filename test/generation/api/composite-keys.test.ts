import { describe, expect, it } from 'vitest';
import type { ApiSuite } from '../../../src/core/test-case.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

// Resources named by two path parameters: each part comes from a resource the test creates.
const json = (schema: unknown) => ({ 'application/json': { schema } });
const object = (fields: Record<string, string>) => ({
  type: 'object',
  required: Object.keys(fields),
  properties: Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, { type }])),
});
const created = (fields: Record<string, string>) => ({
  '201': { description: 'made', content: json(object(fields)) },
});
const read = (fields: Record<string, string>) => ({
  '200': { description: 'one', content: json(object(fields)) },
});
const param = (name: string, type: string) => ({ name, in: 'path', required: true, schema: { type } });
const collection = (name: string, idType = 'integer') => ({
  [`/${name}s`]: {
    post: {
      requestBody: { required: true, content: json(object({ name: 'string' })) },
      responses: created({ id: idType, name: 'string' }),
    },
  },
  [`/${name}s/{${name}}`]: {
    get: { parameters: [param(name, idType)], responses: read({ id: idType, name: 'string' }) },
  },
});

// Items keyed by region and name, both answered by the create on the collection.
const item = { region: 'string', name: 'string', size: 'integer' };
const itemsCreated = {
  '/items': {
    post: {
      requestBody: { required: true, content: json(object({ region: 'string', name: 'string' })) },
      responses: created(item),
    },
  },
};

function suiteOf(paths: Record<string, unknown>): ApiSuite {
  const document = { openapi: '3.0.3', info: { title: 'Orgs', version: '1' }, paths };
  const model = buildApiModel({ location: 'orgs.json', sourceVersion: '3.0', document, referenceIssues: [] });
  return generateApiSuite(model, { specSource: 'orgs.json' });
}

function pathParamsOf(suite: ApiSuite, title: string): Record<string, unknown> {
  const testCase = suite.cases.find((candidate) => candidate.title.startsWith(title));
  if (!testCase) throw new Error(`no case "${title}" in ${suite.cases.map((c) => c.title).join('; ')}`);
  return testCase.steps[0]!.request.pathParams;
}

const fromCreated = (alias: string) => ({ kind: 'resource', alias, field: 'id' });

describe('resources named by two path parameters', () => {
  it('creates the parent first, then the child inside it: /orgs/{org}/members/{member}', () => {
    const suite = suiteOf({
      ...collection('org'),
      '/orgs/{org}/members': {
        post: {
          parameters: [param('org', 'integer')],
          requestBody: { required: true, content: json(object({ role: 'string' })) },
          responses: created({ id: 'integer', role: 'string' }),
        },
      },
      '/orgs/{org}/members/{member}': {
        parameters: [param('org', 'integer'), param('member', 'integer')],
        get: { responses: read({ id: 'integer', role: 'string' }) },
      },
    });
    expect(suite.variables).toEqual([]);
    expect(pathParamsOf(suite, 'GET /orgs/{org}/members/{member} succeeds')).toEqual({
      org: fromCreated('org'),
      member: fromCreated('member'),
    });
    const member = suite.recipes.find((recipe) => recipe.name === 'member')!;
    expect(member.create.path).toBe('/orgs/{org}/members');
    expect(member.create.pathParams).toEqual({ org: fromCreated('org') });
    expect(member.needs).toEqual([{ alias: 'org', resource: 'org' }]);
  });

  it('links a pair of independent resources: PUT /orgs/{org}/members/{user}', () => {
    const suite = suiteOf({
      ...collection('org'),
      ...collection('user'),
      '/orgs/{org}/members/{user}': {
        parameters: [param('org', 'integer'), param('user', 'integer')],
        put: { responses: { '204': { description: 'added' } } },
        get: { responses: read({ role: 'string' }) },
        delete: { responses: { '204': { description: 'removed' } } },
      },
    });
    expect(suite.variables).toEqual([]);
    for (const method of ['PUT', 'GET', 'DELETE'])
      expect(pathParamsOf(suite, `${method} /orgs/{org}/members/{user} succeeds`), method).toEqual({
        org: fromCreated('org'),
        user: fromCreated('user'),
      });
    expect(suite.recipes.map((recipe) => recipe.name).sort()).toEqual(['org', 'user']);
  });

  it('reads both parts of a composite key from one created resource: /items/{region}/{name}', () => {
    const suite = suiteOf({
      ...itemsCreated,
      '/items/{region}/{name}': {
        parameters: [param('region', 'string'), param('name', 'string')],
        get: { responses: read(item) },
        delete: { responses: { '204': { description: 'gone' } } },
      },
    });
    expect(suite.variables).toEqual([]);
    const part = (where: string) => ({ kind: 'resource', alias: 'item', field: 'id', part: where });
    for (const method of ['GET', 'DELETE'])
      expect(pathParamsOf(suite, `${method} /items/{region}/{name} succeeds`), method).toEqual({
        region: part('region'),
        name: part('name'),
      });
    const recipe = suite.recipes.find((candidate) => candidate.name === 'item')!;
    expect(recipe.create.path).toBe('/items');
    // Its id is all its create answered; each part is read from it.
    expect(recipe.idPath).toBe('');
    expect(recipe.remove?.pathParams).toEqual({
      region: { kind: 'saved', name: 'self.region' },
      name: { kind: 'saved', name: 'self.name' },
    });
    // A lifecycle saves one id; this key has two parts.
    expect(suite.cases.filter((testCase) => testCase.kind === 'stateful')).toEqual([]);
  });

  it('keeps the composite key when the partial path has its own GET: /items/{region} lists a region', () => {
    const suite = suiteOf({
      ...itemsCreated,
      '/items/{region}': {
        get: {
          parameters: [param('region', 'string')],
          responses: {
            '200': { description: 'the region', content: json({ type: 'array', items: object(item) }) },
          },
        },
      },
      '/items/{region}/{name}': {
        parameters: [param('region', 'string'), param('name', 'string')],
        get: { responses: read(item) },
      },
    });
    expect(suite.variables).toEqual([]);
    const part = (where: string) => ({ kind: 'resource', alias: 'item', field: 'id', part: where });
    expect(pathParamsOf(suite, 'GET /items/{region}/{name} succeeds')).toEqual({
      region: part('region'),
      name: part('name'),
    });
    // The partial key comes from the same created item.
    expect(pathParamsOf(suite, 'GET /items/{region} succeeds')).toEqual({ region: part('region') });
    expect(suite.recipes.find((candidate) => candidate.name === 'item')!.create.path).toBe('/items');
  });

  it('does not take an integer id for a string parameter named after its kind (a login, a slug)', () => {
    const suite = suiteOf({
      '/orgs': { post: collection('org')['/orgs']!.post },
      '/orgs/{org}': {
        get: { parameters: [param('org', 'string')], responses: read({ id: 'integer', name: 'string' }) },
      },
    });
    expect(pathParamsOf(suite, 'GET /orgs/{org} succeeds')).toEqual({ org: { kind: 'var', name: 'org' } });
  });
});
