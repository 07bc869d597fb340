import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../../src/core/api-model.ts';
import { ResourceGraph } from '../../../src/core/resource-graph.ts';
import { identifierFields, namesItself } from '../../../src/core/resource-names.ts';
import { SchemaContext } from '../../../src/generation/api/schema-context.ts';
import { modelOfDocument, suiteOfDocument } from '../../support/api-document.ts';

// Unleash's context fields: `POST /context` answers `{ name, … }`, and the item path calls the
// thing `{contextField}`, neither `id` nor `name`. The created field's `name` is what the item
// path takes, so its read, update and delete act on the suite's own field with no `--var`.

const field = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, description: { type: 'string' }, stickiness: { type: 'boolean' } },
};
const created = {
  content: { 'application/json': { schema: { $ref: '#/components/schemas/contextField' } } },
};
const item = [{ name: 'contextField', in: 'path', required: true, schema: { type: 'string' } }];
const spec = {
  openapi: '3.0.3',
  info: { title: 'context', version: '1' },
  paths: {
    '/context': {
      get: {
        responses: {
          '200': {
            description: 'all',
            content: { 'application/json': { schema: { type: 'array', items: field } } },
          },
        },
      },
      post: {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/contextField' } } },
        },
        responses: { '201': { description: 'made', ...created } },
      },
    },
    '/context/{contextField}': {
      get: { parameters: item, responses: { '200': { description: 'one', ...created } } },
      put: {
        parameters: item,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/contextField' } } },
        },
        responses: { '200': { description: 'changed' } },
      },
      delete: { parameters: item, responses: { '200': { description: 'gone' } } },
    },
    '/context/{contextField}/strategies': {
      get: { parameters: item, responses: { '200': { description: 'its strategies' } } },
    },
  },
  components: { schemas: { contextField: field } },
};

const modelOf = (): ApiModel => modelOfDocument(spec, 'context.json');

describe('an item parameter that calls the thing by what it is', () => {
  it('is the kind noun and one more word naming neither an identifier nor a class', () => {
    expect(namesItself('contextField', 'context')).toBe(true);
    expect(namesItself('context_field', 'context')).toBe(true);
    expect(namesItself('contextName', 'context')).toBe(false);
    expect(namesItself('tagType', 'tag')).toBe(false);
    expect(namesItself('contextField', 'project')).toBe(false);
    expect(namesItself('context', 'context')).toBe(false);
  });

  it("links the create's answered name to the item path", () => {
    const model = modelOf();
    const context = new ResourceGraph(model, new SchemaContext(model)).byName('context')!;
    expect(context.idParam).toBe('contextField');
    expect(context.createIdPath).toBe('name');
  });

  it("reads, changes and deletes the suite's own field, with no --var", () => {
    const suite = suiteOfDocument(spec, 'context.json');
    expect(suite.variables).toEqual([]);
    expect(suite.skippedOperations).toEqual([]);
    for (const operation of [
      'GET /context/{contextField}',
      'PUT /context/{contextField}',
      'DELETE /context/{contextField}',
      'GET /context/{contextField}/strategies',
    ]) {
      const positive = suite.cases.find(
        (testCase) => testCase.operation === operation && testCase.kind === 'positive',
      );
      expect(positive?.steps.at(-1)!.request.pathParams['contextField'], operation).toMatchObject({
        kind: 'resource',
        alias: 'context',
      });
    }
  });
});

describe('a bare {name} or {id} answered under the kind word', () => {
  it('looks for the prefixed field last', () => {
    expect(identifierFields('name', 'api_token')).toEqual([
      'name',
      'apiTokenName',
      'api_token_name',
      'tokenName',
      'token_name',
    ]);
    expect(identifierFields('id', 'feedback').slice(0, 3)).toEqual(['id', 'uuid', '_id']);
    expect(identifierFields('id', 'feedback')).toContain('feedbackId');
    expect(identifierFields('featureName', 'feature')).not.toContain('featureFeatureName');
  });
});

describe('a create that sends the identifier of the thing it makes', () => {
  const feedback = {
    type: 'object',
    required: ['feedbackId'],
    properties: { feedbackId: { type: 'string' }, given: { type: 'string' } },
  };
  const json = { 'application/json': { schema: feedback } };
  const feedbackSpec = {
    openapi: '3.0.3',
    info: { title: 'feedback', version: '1' },
    paths: {
      '/feedback': {
        post: {
          requestBody: { required: true, content: json },
          responses: { '200': { description: 'given', content: json } },
        },
      },
      '/feedback/{id}': {
        put: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json },
          responses: { '200': { description: 'changed', content: json } },
        },
      },
    },
  };

  it('sends a new one, and the item path takes what was made', () => {
    const suite = suiteOfDocument(feedbackSpec, 'feedback.json');
    expect(suite.variables).toEqual([]);
    const create = suite.cases.find(
      (testCase) => testCase.operation === 'POST /feedback' && testCase.kind === 'positive',
    )!;
    const body = create.steps.at(-1)!.request.body;
    const sent =
      body?.kind === 'json' && body.value.kind === 'object' ? body.value.entries['feedbackId'] : undefined;
    expect(sent?.kind).toBe('unique');
    const change = suite.cases.find(
      (testCase) => testCase.operation === 'PUT /feedback/{id}' && testCase.kind === 'positive',
    )!;
    expect(change.steps.at(-1)!.request.pathParams['id']).toMatchObject({
      kind: 'resource',
      alias: 'feedback',
    });
  });
});
