import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const named = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' } },
};
const referring = {
  type: 'object',
  required: ['environment'],
  properties: { environment: { type: 'string', description: 'The name of the environment' } },
};
const idParam = (name: string) => [{ name, in: 'path', required: true, schema: { type: 'string' } }];
const document = {
  openapi: '3.0.3',
  info: { title: 'Flags', version: '1' },
  paths: {
    '/environments': {
      post: {
        requestBody: { required: true, ...json(named) },
        responses: { '201': { description: 'made', ...json(named) } },
      },
    },
    '/environments/{name}': {
      get: { parameters: idParam('name'), responses: { '200': { description: 'one', ...json(named) } } },
    },
    // A query given a reference: evaluates, keeps nothing.
    '/playground': {
      post: {
        requestBody: { required: true, ...json(referring) },
        responses: { '200': { description: 'evaluated' }, '400': { description: 'bad request' } },
      },
    },
    '/applications': {
      get: {
        responses: {
          '200': {
            description: 'all',
            ...json({
              type: 'array',
              items: { type: 'object', properties: { appName: { type: 'string' } } },
            }),
          },
        },
      },
    },
    '/applications/{appName}': {
      get: { parameters: idParam('appName'), responses: { '200': { description: 'one' } } },
    },
    // A report naming its application: linked to the kind by its description only.
    '/client/metrics': {
      post: {
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['appName'],
            properties: {
              appName: { type: 'string', description: 'Name of the application using the service' },
            },
          }),
        },
        responses: { '200': { description: 'kept' }, '404': { description: 'metrics are off' } },
      },
    },
    // A create that keeps the reference.
    '/tokens': {
      post: {
        requestBody: { required: true, ...json(referring) },
        responses: {
          '201': { description: 'made', ...json({ type: 'object', properties: { id: { type: 'string' } } }) },
          '400': { description: 'bad request' },
        },
      },
    },
    '/tokens/{id}': {
      get: { parameters: idParam('id'), responses: { '200': { description: 'one' } } },
    },
  },
};

function danglingCase(operation: string) {
  const model = buildApiModel({
    location: 'flags.json',
    sourceVersion: '3.0',
    document,
    referenceIssues: [],
  });
  const suite = generateApiSuite(model, { specSource: 'flags.json' });
  return suite.cases.find(
    (testCase) => testCase.operation === operation && testCase.title.includes('which does not exist'),
  );
}

describe('a body naming a thing that does not exist', () => {
  it('is a promised refusal on a create, which would keep a reference to nothing', () => {
    const create = danglingCase('POST /tokens')!;
    expect(create.title).toContain('"environment" that refers to a environment which does not exist');
    expect(create.missingResource).toBeUndefined();
  });

  it('is unpromised on a query with no 404, 409 or 422 documented: a success there is no finding', () => {
    const query = danglingCase('POST /playground')!;
    expect(query.missingResource).toBe('unpromised');
    expect(query.steps[0]!.assertions[0]).toEqual({ kind: 'status', oneOf: [400] });
  });

  it('is unpromised outside a write when the field names the kind only by its description', () => {
    const report = danglingCase('POST /client/metrics')!;
    expect(report.title).toContain('"appName" that refers to a application which does not exist');
    expect(report.missingResource).toBe('unpromised');
  });
});
