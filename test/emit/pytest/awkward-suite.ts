import type { ApiSuite, ApiTestCase, RequestSpec, Step } from '../../../src/core/test-case.ts';

// A hand-built suite whose titles, groups, aliases and values are hard to write as Python:
// braces, quotes, backslashes, line separators, duplicate titles, names that are keywords or
// collide with the generated code's own variables, raw bodies, NaN, nested values.

function request(overrides: Partial<RequestSpec>): RequestSpec {
  return {
    method: 'GET',
    path: '/things',
    pathParams: {},
    query: {},
    headers: {},
    body: undefined,
    auth: 'valid',
    ...overrides,
  };
}

function step(overrides: Partial<Step>): Step {
  return {
    title: 'send it',
    phase: 'act',
    request: request({}),
    assertions: [{ kind: 'status', oneOf: [200] }],
    saves: [],
    track: undefined,
    ...overrides,
  };
}

function testCase(overrides: Partial<ApiTestCase>): ApiTestCase {
  return {
    id: 'case',
    title: 'GET /things succeeds',
    kind: 'positive',
    operation: 'GET /things',
    group: 'Things',
    uses: [],
    steps: [step({})],
    writes: false,
    priority: 'normal',
    covers: [],
    ...overrides,
  };
}

const trickyTitle = 'GET /things/{thing_id} says "hi" \\ {unbalanced \'quotes\' — ünïcode\u2028line\nbreak';

export const awkwardSuite: ApiSuite = {
  title: 'Awkward "API"',
  auth: { kind: 'api-key', in: 'query', name: 'key' },
  specSource: 'awkward.yaml',
  operations: [{ key: 'GET /things', tag: 'Things' }],
  skippedOperations: [{ operation: 'PATCH /things', reason: 'no body schema\nsecond line' }],
  variables: [
    { name: 'tenant', env: 'TENANT_ID', description: 'tenant\nid', required: true, example: undefined },
  ],
  schemas: { dialect: '2020-12', document: { components: { schemas: {} } }, responses: {} },
  recipes: [
    {
      name: 'parent',
      create: request({ path: '/parents', query: { tenant: { kind: 'var', name: 'tenant' } } }),
      idPath: 'items.0.id',
      createStatus: 200,
      remove: undefined,
      needs: [],
    },
    {
      name: 'thing-kind',
      create: request({
        method: 'POST',
        body: {
          kind: 'json',
          value: {
            kind: 'object',
            entries: {
              parent: { kind: 'resource', alias: 'class', field: 'id' },
              'odd key "x"': { kind: 'unique', prefix: 'n', maxLength: 8 },
            },
          },
        },
      }),
      idPath: 'id',
      createStatus: 201,
      remove: request({
        method: 'DELETE',
        path: '/things/{id}',
        pathParams: { id: { kind: 'saved', name: 'self' } },
      }),
      needs: [{ alias: 'class', resource: 'parent' }],
    },
  ],
  cases: [
    testCase({ id: 'a', title: trickyTitle, group: 'Things & Co.' }),
    testCase({ id: 'b', title: trickyTitle, group: 'Things & Co.', kind: 'negative', priority: 'low' }),
    testCase({ id: 'c', title: '!!!', group: 'things co', kind: 'auth', priority: 'critical' }),
    testCase({
      id: 'd',
      title: '123 starts with a digit',
      group: 'things co',
      kind: 'stateful',
      writes: true,
      uses: [
        { alias: 'response', resource: 'thing-kind' },
        { alias: 'class', resource: 'parent' },
      ],
      steps: [
        step({
          phase: 'arrange',
          request: request({
            method: 'POST',
            path: '/things/{id}/{other}',
            pathParams: {
              id: { kind: 'resource', alias: 'response', field: 'id' },
              other: { kind: 'random-uuid' },
            },
            query: {
              tags: { kind: 'literal', value: ['a b', true, null] },
              tenant: { kind: 'var', name: 'tenant' },
            },
            headers: { 'X-Trace': 'quote " and \\ backslash' },
            body: {
              kind: 'json',
              value: {
                kind: 'object',
                entries: {
                  nan: { kind: 'literal', value: Number.NaN },
                  nested: {
                    kind: 'literal',
                    value: { list: [1, 2.5, 'x'], none: null, flag: false, gone: undefined },
                  },
                  items: { kind: 'array', items: [{ kind: 'unique', prefix: "it's", maxLength: 20 }] },
                },
              },
            },
          }),
          saves: [
            { name: 'made', path: 'id', from: 'response' },
            { name: 'sent', path: 'items.0', from: 'body' },
          ],
          track: { resource: 'thing-kind', saved: 'made' },
          assertions: [
            { kind: 'status', oneOf: [201, 200] },
            { kind: 'field-echoes', path: 'items.0', bodyPath: 'items.0' },
          ],
        }),
        step({
          request: request({
            method: 'PUT',
            path: '/things/{id}',
            pathParams: { id: { kind: 'saved', name: 'made' } },
            body: { kind: 'raw', text: '{"broken": \n', contentType: 'application/json' },
            auth: 'invalid',
          }),
          assertions: [
            { kind: 'status', oneOf: [401, 403] },
            { kind: 'content-type', mediaType: 'application/problem+json' },
            { kind: 'documented-schema', operation: 'PUT /things/{id}' },
            { kind: 'field-equals', path: 'detail', value: { kind: 'saved', name: 'sent' } },
            { kind: 'field-echoes', path: 'x', bodyPath: 'y' },
            { kind: 'array-length', path: '', min: 1 },
            { kind: 'array-length', path: 'items', max: 2 },
          ],
        }),
      ],
    }),
  ],
};
