import { describe, expect, it } from 'vitest';
import { emitPlaywrightSuite } from '../../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { ResourceGraph } from '../../../src/core/resource-graph.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { SchemaContext } from '../../../src/generation/api/schema-context.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (schema: unknown) => ({ '200': { description: 'ok', ...json(schema) } });
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
const rack = { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } } };
const box = {
  type: 'object',
  properties: { id: { type: 'integer' }, label: { type: 'string' }, rackId: { type: 'integer' } },
};
const create = (schema: unknown) => ({ requestBody: { required: true, ...json(schema) } });

/** Racks hold boxes: `/racks/{id}/boxes` lists a rack's boxes, `/boxes/{id}/rack` answers a box's rack. */
function modelOf(boxInput: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const document = {
    openapi: '3.0.3',
    info: { title: 'Store', version: '1' },
    paths: {
      '/racks': {
        post: {
          ...create({ type: 'object', properties: { label: { type: 'string' } } }),
          responses: ok(rack),
        },
      },
      '/racks/{id}': { parameters: [id], get: { responses: ok(rack) }, delete: { responses: ok(rack) } },
      '/racks/{id}/boxes': { parameters: [id], get: { responses: ok({ type: 'array', items: box }) } },
      '/boxes': { post: { ...create(boxInput), responses: ok(box) } },
      '/boxes/{id}': { parameters: [id], get: { responses: ok(box) }, delete: { responses: ok(box) } },
      '/boxes/{id}/rack': { parameters: [id], get: { responses: ok(rack) } },
      ...extra,
    },
  };
  return buildApiModel({ location: 'store.json', sourceVersion: '3.0', document, referenceIssues: [] });
}
function suiteOf(boxInput: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return generateApiSuite(modelOf(boxInput, extra), { specSource: 'store.json' });
}
const boxInput = {
  type: 'object',
  required: ['label', 'rackId'],
  properties: { label: { type: 'string' }, rackId: { type: 'integer' } },
};
const titles = (suite: ReturnType<typeof suiteOf>) => suite.cases.map((testCase) => testCase.title);

describe('relation reads answer what is linked, and only that', () => {
  it('learns both relation reads into the resource graph, each with the field that links them', () => {
    const model = modelOf(boxInput);
    const graph = new ResourceGraph(model, new SchemaContext(model));
    expect(
      graph.relations.map((relation) => [
        relation.read.key,
        relation.cardinality,
        relation.child.name,
        relation.parent.name,
        relation.field,
        relation.idPath,
      ]),
    ).toEqual([
      ['GET /racks/{id}/boxes', 'many', 'box', 'rack', 'rackId', '0.id'],
      ['GET /boxes/{id}/rack', 'one', 'box', 'rack', 'rackId', 'id'],
    ]);
  });

  it('lists no children for a new parent, and a child only under its own parent', () => {
    const check = suiteOf(boxInput).cases.find(
      (testCase) => testCase.operation === 'GET /racks/{id}/boxes' && testCase.kind === 'stateful',
    )!;
    expect(check.title).toBe(
      'GET /racks/{id}/boxes lists only the boxes of its own rack, none for a new one',
    );
    expect(check.uses.map((use) => [use.alias, use.resource])).toEqual([
      ['rack', 'rack'],
      ['other_rack', 'rack'],
    ]);
    const [empty, linked, still, own] = check.steps;
    expect(empty!.request.pathParams['id']).toEqual({ kind: 'resource', alias: 'rack', field: 'id' });
    expect(empty!.assertions).toContainEqual({ kind: 'array-length', path: '', max: 0 });
    expect(linked!.request).toMatchObject({ method: 'POST', path: '/boxes' });
    expect(linked!.request.body).toMatchObject({
      value: { entries: { rackId: { kind: 'resource', alias: 'other_rack', field: 'id' } } },
    });
    expect(linked!.track).toEqual({ resource: 'box', saved: 'other_child' });
    expect(still!.assertions).toContainEqual({ kind: 'array-length', path: '', max: 0 });
    expect(own!.request.pathParams['id']).toEqual({ kind: 'resource', alias: 'other_rack', field: 'id' });
    expect(own!.assertions).toContainEqual({ kind: 'array-length', path: '', min: 1, max: 1 });
    expect(own!.assertions).toContainEqual({
      kind: 'field-equals',
      path: '0.id',
      value: { kind: 'saved', name: 'other_child' },
    });
  });

  it('reads the parent of two children linked to two parents, each its own', () => {
    const check = suiteOf(boxInput).cases.find(
      (testCase) => testCase.operation === 'GET /boxes/{id}/rack' && testCase.kind === 'stateful',
    )!;
    expect(check.title).toBe('GET /boxes/{id}/rack answers the rack each box is linked to');
    expect(check.steps.map((step) => [step.request.method, step.request.pathParams['id'] ?? null])).toEqual([
      ['POST', null],
      ['POST', null],
      ['GET', { kind: 'saved', name: 'other_child' }],
      ['GET', { kind: 'saved', name: 'first_child' }],
    ]);
    expect(check.steps[2]!.assertions).toContainEqual({
      kind: 'field-equals',
      path: 'id',
      value: { kind: 'resource', alias: 'other_rack', field: 'id' },
    });
    expect(check.steps[3]!.assertions).toContainEqual({
      kind: 'field-equals',
      path: 'id',
      value: { kind: 'resource', alias: 'rack', field: 'id' },
    });
  });

  it('links through an optional reference too, and not at all when the child cannot name its parent', () => {
    const optional = suiteOf({
      type: 'object',
      properties: { label: { type: 'string' }, rackId: { type: 'integer' } },
    });
    expect(titles(optional)).toContain('GET /boxes/{id}/rack answers the rack each box is linked to');
    const unnamed = suiteOf({ type: 'object', properties: { label: { type: 'string' } } });
    expect(
      titles(unnamed).filter((title) => title.includes('linked to') || title.includes('none for a new')),
    ).toEqual([]);
  });

  it("leaves a sub-resource collection alone: it is its kind's own list", () => {
    const suite = suiteOf(boxInput, {
      '/racks/{id}/labels': {
        parameters: [id],
        get: { responses: ok({ type: 'array', items: rack }) },
        post: {
          ...create({ type: 'object', properties: { label: { type: 'string' } } }),
          responses: ok(rack),
        },
      },
      '/racks/{id}/labels/{label_id}': {
        parameters: [id, { name: 'label_id', in: 'path', required: true, schema: { type: 'integer' } }],
        get: { responses: ok(rack) },
      },
    });
    expect(titles(suite).some((title) => title.startsWith('GET /racks/{id}/labels lists'))).toBe(false);
  });

  it('renders both checks in both emitted formats', () => {
    const designed = suiteOf(boxInput);
    const playwright = Object.values(emitPlaywrightSuite(designed, { baseUrl: undefined })).join('\n');
    expect(playwright).toContain("expectArrayLength(response1, '', { max: 0 });");
    expect(playwright).toContain("expectFieldEquals(response3, 'id', other_rack.id);");
    const pytest = Object.values(emitPytestSuite(designed, { baseUrl: undefined })).join('\n');
    expect(pytest).toContain('expect_array_length(response1, "", max=0)');
    expect(pytest).toContain('expect_field_equals(response3, "id", other_rack.id)');
  });
});
