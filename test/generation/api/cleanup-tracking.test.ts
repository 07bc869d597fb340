import { describe, expect, it } from 'vitest';
import { renderTest } from '../../../src/emit/playwright-ts/render-test.ts';
import { renderPyTest } from '../../../src/emit/pytest/render-test.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const tag = {
  type: 'object',
  required: ['name'],
  properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string', maxLength: 20 } },
};
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
const document = {
  openapi: '3.0.3',
  info: { title: 'Tags', version: '1' },
  paths: {
    '/tags': {
      post: {
        requestBody: { required: true, ...json(tag) },
        responses: { '201': { description: 'made', ...json(tag) }, '400': { description: 'bad' } },
      },
    },
    '/tags/{id}': {
      parameters: [id],
      get: { responses: { '200': { description: 'one', ...json(tag) } } },
      delete: { responses: { '204': { description: 'gone' } } },
    },
  },
};

const suite = generateApiSuite(
  buildApiModel({ location: 'tags.json', sourceVersion: '3.0', document, referenceIssues: [] }),
  { specSource: 'tags.json' },
);

describe('what a test removes afterwards', () => {
  it('tracks what a create made even when the test expected a refusal', () => {
    const negative = suite.cases.find((testCase) => testCase.title.includes('rejects "name" longer'))!;
    expect(negative.steps[0]!.track).toEqual({ resource: 'tag', saved: 'created' });
    expect(negative.steps[0]!.saves).toEqual([{ name: 'created', path: 'id', from: 'response' }]);
  });

  it('tracks an identifier only from an answer saying it made something (2xx), in both languages', () => {
    const positive = suite.cases.find(
      (testCase) => testCase.kind === 'positive' && testCase.operation === 'POST /tags',
    )!;
    expect(renderTest(positive)).toContain(
      "if (response.status < 300) resources.track('tag', saved['created']);",
    );
    expect(renderPyTest(positive, 'test_create')).toContain(
      'if response.status < 300: resources.track("tag", saved["created"])',
    );
  });
});
