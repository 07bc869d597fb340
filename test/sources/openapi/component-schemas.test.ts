// Component schemas of an OpenAPI 3.0 document become JSON Schema like inline ones: a suite's
// validator (ajv in Playwright suites, Python's jsonschema in pytest suites) must read the same.
import { describe, expect, it } from 'vitest';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const spec = {
  openapi: '3.0.3',
  info: { title: 'Authors', version: '1' },
  paths: {
    '/authors/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Author' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Author: {
        type: 'object',
        properties: {
          name: { type: 'string', nullable: true },
          born: { type: 'string', nullable: true, example: '1970-01-01' },
          books: { type: 'integer', minimum: 0, exclusiveMinimum: true },
          status: { type: 'string', enum: ['alive', 'dead'], nullable: true },
        },
      },
    },
  },
};

describe('component schemas of an OpenAPI 3.0 document', () => {
  it('are converted to JSON Schema: nullable, boolean exclusive bounds, example', () => {
    const model = buildApiModel({
      location: 'authors.json',
      sourceVersion: '3.0',
      document: spec,
      referenceIssues: [],
    });
    const author = model.schemaDocument.components.schemas['Author'] as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(author.properties['name']).toEqual({ type: ['string', 'null'] });
    expect(author.properties['born']).toEqual({ type: ['string', 'null'], examples: ['1970-01-01'] });
    expect(author.properties['books']).toEqual({ type: 'integer', exclusiveMinimum: 0 });
    expect(author.properties['status']).toEqual({ type: ['string', 'null'], enum: ['alive', 'dead', null] });
    expect(JSON.stringify(model.schemaDocument)).not.toContain('nullable');
  });
});
