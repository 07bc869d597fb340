import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';

const item = { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } } };
const spec = {
  openapi: '3.0.3',
  info: { title: 'Parts', version: '1' },
  paths: {
    '/parts': {
      post: {
        requestBody: { $ref: '#/components/requestBodies/PartInput' },
        responses: {
          '201': { description: 'made', content: { 'application/json': { schema: item } } },
          '400': { $ref: '#/components/responses/BadRequest' },
        },
      },
      get: {
        // A chain whose last hop names nothing: reported where it ends.
        responses: { '200': { $ref: '#/components/responses/Listing' } },
      },
    },
  },
  components: { responses: { Listing: { $ref: '#/components/responses/Gone' } } },
};

describe('a response or request body whose $ref names nothing', () => {
  it('degrades its operation instead of skipping it, and says where', () => {
    const model = buildApiModel({
      location: 'parts.json',
      sourceVersion: '3.0',
      document: spec,
      referenceIssues: [],
    });
    expect(model.issues).toEqual([]);
    expect(model.operations.map((operation) => operation.key).sort()).toEqual(['GET /parts', 'POST /parts']);
    const post = model.operations.find((operation) => operation.key === 'POST /parts')!;
    expect(post.responses.map((response) => response.status)).toEqual([201, 400]);
    expect(post.responses[1]).toMatchObject({ schema: undefined, contentType: undefined });
    expect(post.requestBody).toEqual({
      required: false,
      contentType: 'application/json',
      schema: {},
      example: undefined,
    });
    expect(model.warnings!.map((warning) => [warning.operation, warning.pointer])).toEqual([
      ['GET /parts', '#/components/responses/Listing/$ref'],
      ['POST /parts', '#/paths/~1parts/post/responses/400/$ref'],
      ['POST /parts', '#/paths/~1parts/post/requestBody/$ref'],
    ]);
    expect(model.warnings![1]!.message).toContain(
      '$ref "#/components/responses/BadRequest" does not resolve',
    );
    expect(model.warnings![1]!.message).toContain('Tip: add components.responses.BadRequest');
    const suite = generateApiSuite(model, { specSource: 'parts.json' });
    expect(new Set(suite.cases.map((testCase) => testCase.operation))).toEqual(
      new Set(['GET /parts', 'POST /parts']),
    );
    expect(suite.unconstrained).toHaveLength(3);
  });
});
