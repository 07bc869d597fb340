import { describe, expect, it } from 'vitest';
import { arrangeStatuses, type ResourceRecipe } from '../../src/core/test-case.ts';
import { emitPlaywrightSuite } from '../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { emitPytestSuite } from '../../src/emit/pytest/emit-pytest-suite.ts';
import { generateApiSuite } from '../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';

// A create documented as 200 that answers 201 is one contract deviation, found by the create's
// own success test; a fixture that arranges the resource for other tests accepts either.
const json = (schema: unknown) => ({ 'application/json': { schema } });
const hook = { type: 'object', properties: { id: { type: 'integer' }, url: { type: 'string' } } };
const spec = {
  openapi: '3.0.3',
  info: { title: 'Hooks', version: '1' },
  paths: {
    '/hooks': {
      post: {
        requestBody: {
          required: true,
          content: json({ type: 'object', required: ['url'], properties: { url: { type: 'string' } } }),
        },
        responses: { '200': { description: 'made', content: json(hook) } },
      },
      get: { responses: { '200': { description: 'all', content: json({ type: 'array', items: hook }) } } },
    },
    '/hooks/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: { responses: { '200': { description: 'one', content: json(hook) } } },
      delete: { responses: { '204': { description: 'gone' } } },
    },
  },
};

const suite = () =>
  generateApiSuite(
    buildApiModel({ location: 'hooks.json', sourceVersion: '3.0', document: spec, referenceIssues: [] }),
    {
      specSource: 'hooks.json',
    },
  );

describe('a fixture arranging a resource accepts either status a create answers', () => {
  it('accepts 200 or 201 from a POST create, the documented status first; a lookup stays exact', () => {
    const recipe = (method: string, createStatus: number) =>
      ({ create: { method }, createStatus }) as unknown as ResourceRecipe;
    expect(arrangeStatuses(recipe('POST', 200))).toEqual([200, 201]);
    expect(arrangeStatuses(recipe('POST', 202))).toEqual([202, 200, 201]);
    expect(arrangeStatuses(recipe('GET', 200))).toEqual([200]);
  });

  it("renders it in both suites, while the create's own success test still expects 200 alone", () => {
    const designed = suite();
    expect(emitPlaywrightSuite(designed, { baseUrl: undefined })['support/resources.ts']).toContain(
      'expectStatus(response, [200, 201]);',
    );
    expect(emitPytestSuite(designed, { baseUrl: undefined })['support/resources.py']).toContain(
      'expect_status(response, [200, 201])',
    );
    const own = designed.cases.find((testCase) => testCase.title.startsWith('POST /hooks succeeds'))!;
    expect(own.steps.at(-1)!.assertions[0]).toEqual({ kind: 'status', oneOf: [200] });
  });
});
