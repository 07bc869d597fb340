import { describe, expect, it } from 'vitest';
import type { ApiTestCase } from '../../../src/core/test-case.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { emitPlaywrightSuite } from '../../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (schema: unknown) => ({ '200': { description: 'ok', ...json(schema) } });
const fields = (name: string, names: string[], array = true) => ({
  name,
  in: 'query',
  schema: array ? { type: 'array', items: { type: 'string', enum: names } } : { type: 'string', enum: names },
});
const shelf = {
  type: 'object',
  required: ['id', 'label', 'floor'],
  properties: { id: { type: 'integer' }, label: { type: 'string' }, floor: { type: 'integer' } },
};

const spec = {
  openapi: '3.0.3',
  info: { title: 'Shelves', version: '1' },
  paths: {
    '/shelves': {
      get: {
        parameters: [fields('fields', ['floor', 'id', 'label'])],
        responses: ok({ type: 'array', items: { $ref: '#/components/schemas/Shelf' } }),
      },
      // A create is never asked for a selection: what it makes is tracked by the id it answers.
      post: {
        parameters: [fields('fields', ['floor', 'id', 'label'])],
        requestBody: {
          required: true,
          ...json({ type: 'object', properties: { label: { type: 'string' } } }),
        },
        responses: ok({ $ref: '#/components/schemas/Shelf' }),
      },
    },
    '/shelves/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        parameters: [fields('select', ['id', 'label', 'floor'], false)],
        responses: ok({ $ref: '#/components/schemas/Shelf' }),
      },
    },
    // `fields` naming something else than the answer's properties (what to expand): no such case.
    '/reports': { get: { parameters: [fields('fields', ['summary', 'details'])], responses: ok(shelf) } },
    // A single selectable field leaves nothing out to check.
    '/labels': { get: { parameters: [fields('fields', ['label'])], responses: ok(shelf) } },
  },
  components: { schemas: { Shelf: shelf } },
};

function suite(document: Record<string, unknown> = spec) {
  const model = buildApiModel({
    location: 'shelves.json',
    sourceVersion: '3.0',
    document,
    referenceIssues: [],
  });
  return generateApiSuite(model, { specSource: 'shelves.json' });
}
const selections = (cases: ApiTestCase[]) =>
  cases.filter((testCase) => testCase.title.includes('answers only those fields'));

describe('sparse fieldsets: only the fields asked for', () => {
  it('asks a list and an item for the identifier and one more documented field, as the parameter is typed', () => {
    const found = selections(suite().cases);
    expect(found.map((testCase) => testCase.title)).toEqual([
      'GET /shelves with fields=id,floor answers only those fields',
      'GET /shelves/{id} with select=id,label answers only those fields',
    ]);
    const [list, item] = found.map((testCase) => testCase.steps[0]!);
    expect(list!.request.query['fields']).toEqual({ kind: 'literal', value: ['id', 'floor'] });
    expect(item!.request.query['select']).toEqual({ kind: 'literal', value: 'id,label' });
    expect(item!.request.pathParams['id']).toMatchObject({ kind: 'resource' });
    // No schema check: the selection leaves out properties the full answer requires.
    expect(item!.assertions).toEqual([
      { kind: 'status', oneOf: [200] },
      { kind: 'fields-within', path: '', fields: ['id', 'label'] },
    ]);
  });

  it('sends an array documented with explode: false as one comma-separated value', () => {
    const list = spec.paths['/shelves'].get;
    const comma = {
      ...spec,
      paths: {
        ...spec.paths,
        '/shelves': {
          ...spec.paths['/shelves'],
          get: { ...list, parameters: [{ ...fields('fields', ['floor', 'id', 'label']), explode: false }] },
        },
      },
    };
    const [found] = selections(suite(comma).cases);
    expect(found!.steps[0]!.request.query['fields']).toEqual({ kind: 'literal', value: 'id,floor' });
  });

  it('renders the check in both emitted formats', () => {
    const designed = suite();
    const playwright = Object.values(emitPlaywrightSuite(designed, { baseUrl: undefined })).join('\n');
    expect(playwright).toContain(`expectOnlyFields(response, '', ["id","floor"]);`);
    expect(playwright).toContain('export function expectOnlyFields');
    const pytest = Object.values(emitPytestSuite(designed, { baseUrl: undefined })).join('\n');
    expect(pytest).toContain(`expect_only_fields(response, "", ["id", "label"])`);
    expect(pytest).toContain('def expect_only_fields');
    expect(pytest).toMatch(/from support\.testops_support import \([^)]*expect_only_fields/);
  });
});
