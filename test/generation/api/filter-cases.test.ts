import { describe, expect, it } from 'vitest';
import { emitPlaywrightSuite } from '../../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { filterParameterOf } from '../../../src/generation/api/filter-cases.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (schema: unknown) => ({ '200': { description: 'ok', ...json(schema) } });
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
const box = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    label: { type: 'string' },
    shelf: { type: 'integer' },
    packedAt: { type: 'string', format: 'date-time' },
  },
};
const boxInput = {
  type: 'object',
  required: ['label', 'shelf', 'packedAt'],
  properties: { label: { type: 'string' }, shelf: { type: 'integer' }, packedAt: box.properties.packedAt },
};
const query = (name: string, type = 'string') => ({ name, in: 'query', schema: { type } });

function suiteOf(
  parameters: unknown[],
  list: unknown = { type: 'array', items: box },
  input: unknown = boxInput,
) {
  const document = {
    openapi: '3.0.3',
    info: { title: 'Store', version: '1' },
    paths: {
      '/boxes': {
        get: { parameters, responses: ok(list) },
        post: { requestBody: { required: true, ...json(input) }, responses: ok(box) },
      },
      '/boxes/{id}': { parameters: [id], get: { responses: ok(box) }, delete: { responses: ok(box) } },
    },
  };
  const model = buildApiModel({
    location: 'store.json',
    sourceVersion: '3.0',
    document,
    referenceIssues: [],
  });
  return generateApiSuite(model, { specSource: 'store.json' });
}
const filterCaseOf = (suite: ReturnType<typeof suiteOf>) =>
  suite.cases.find((testCase) => testCase.title.includes('as each documented operator says'));
const whereParams = [
  'id.eq',
  'label.eq',
  'label.neq',
  'label.gt',
  'label.gte',
  'label.like',
  'shelf.lt',
  'shelf.lte',
]
  .map((name) =>
    query(`where.${name}`, name.startsWith('shelf') || name.startsWith('id') ? 'integer' : 'string'),
  )
  .concat([
    query('where.shelf.like'),
    query('where.shelf.in'),
    query('where.packedAt.gt'),
    query('limit', 'integer'),
  ]);

describe('filter parameters are read by their operator names', () => {
  it('reads the usual spellings and leaves other parameters alone', () => {
    const read = (name: string) => {
      const filter = filterParameterOf(query(name) as never);
      return filter && [filter.field, filter.comparison, filter.spelled];
    };
    expect(read('where.title.gte')).toEqual(['title', 'ge', 'gte']);
    expect(read('title[ne]')).toEqual(['title', 'ne', 'ne']);
    expect(read('filter[title][in]')).toEqual(['title', 'in', 'in']);
    expect(read('title__lt')).toEqual(['title', 'lt', 'lt']);
    expect(read('where.title.ilike')).toEqual(['title', 'like', 'ilike']);
    expect(read('title')).toBeUndefined();
    expect(read('orderby.title')).toBeUndefined();
    expect(read('where.title.contains')).toBeUndefined();
  });
});

describe('a filter answers what its operator name says', () => {
  it('narrows to one resource of its own by its id, then compares each field with its own value', () => {
    const check = filterCaseOf(suiteOf(whereParams))!;
    expect(check.title).toBe('GET /boxes filters by label and shelf as each documented operator says');
    expect(check.uses.map((use) => use.alias)).toEqual(['box', 'other_box']);
    const own = { kind: 'resource', alias: 'box', field: 'id' };
    const [first, ...rest] = check.steps;
    expect(first!.request.query).toEqual({ 'where.id.eq': own });
    expect(first!.assertions).toEqual([
      { kind: 'status', oneOf: [200] },
      { kind: 'array-length', path: '', min: 1, max: 1 },
      { kind: 'field-equals', path: '0.id', value: own },
    ]);
    expect(first!.saves).toEqual([
      { name: 'label', path: '0.label', from: 'response' },
      { name: 'shelf', path: '0.shelf', from: 'response' },
    ]);
    // What each step sends besides the id, and how many items it must answer.
    expect(
      rest.map((step) => {
        const [name, value] = Object.entries(step.request.query).find(([key]) => key !== 'where.id.eq')!;
        const length = step.assertions.find((assertion) => assertion.kind === 'array-length');
        return [name, value, length && 'max' in length ? length.max : undefined];
      }),
    ).toEqual([
      ['where.label.eq', { kind: 'saved', name: 'label' }, 1],
      ['where.label.neq', { kind: 'saved', name: 'label' }, 0],
      ['where.label.gt', { kind: 'saved', name: 'label' }, 0],
      ['where.label.gte', { kind: 'saved', name: 'label' }, 1],
      ['where.label.like', { kind: 'saved', name: 'label' }, 1],
      ['where.shelf.lt', { kind: 'saved', name: 'shelf' }, 0],
      ['where.shelf.lte', { kind: 'saved', name: 'shelf' }, 1],
      ['where.shelf.in', { kind: 'saved', name: 'shelf' }, 1],
    ]);
    // Nothing answered where nothing should be; the own resource, by id, where it should.
    const empty = rest.find((step) => 'where.label.neq' in step.request.query)!;
    expect(empty.assertions).toEqual([
      { kind: 'status', oneOf: [200] },
      { kind: 'array-length', path: '', min: 0, max: 0 },
    ]);
  });

  it('reads the items of an enveloped list', () => {
    const list = {
      type: 'object',
      properties: { items: { type: 'array', items: box }, total: { type: 'integer' } },
    };
    const check = filterCaseOf(suiteOf(whereParams, list))!;
    expect(check.steps[0]!.assertions).toContainEqual({
      kind: 'field-equals',
      path: 'items.0.id',
      value: { kind: 'resource', alias: 'box', field: 'id' },
    });
    expect(check.steps[0]!.saves[0]).toEqual({ name: 'label', path: 'items.0.label', from: 'response' });
  });

  it('needs an equality filter on the identifier, and a plain field the create sets', () => {
    expect(
      filterCaseOf(suiteOf(whereParams.filter((parameter) => parameter.name !== 'where.id.eq'))),
    ).toBeUndefined();
    // Only a date-time field has filters: its precision on the way back is not its precision in a comparison.
    expect(
      filterCaseOf(suiteOf([query('where.id.eq', 'integer'), query('where.packedAt.gt')])),
    ).toBeUndefined();
    // The create does not set the label: what the resource holds is unknown.
    const noLabel = {
      type: 'object',
      required: ['packedAt'],
      properties: { packedAt: box.properties.packedAt },
    };
    expect(
      filterCaseOf(suiteOf([query('where.id.eq', 'integer'), query('where.label.eq')], undefined, noLabel)),
    ).toBeUndefined();
  });

  it('is rendered by both emitters with the saved values in the query', () => {
    const suite = suiteOf(whereParams);
    const spec = Object.values(emitPlaywrightSuite(suite, { baseUrl: undefined })).join('\n');
    expect(spec).toContain("'where.label.gt': saved['label']");
    const python = Object.values(emitPytestSuite(suite, { baseUrl: undefined })).join('\n');
    expect(python).toContain('saved["label"]');
  });
});

const orderBy = (field: string, values = ['asc', 'desc']) => ({
  name: `orderby.${field}`,
  in: 'query',
  schema: { type: 'string', enum: values },
});
const orderCaseOf = (suite: ReturnType<typeof suiteOf>) =>
  suite.cases.find((testCase) => testCase.title.includes(' ordered by '));

describe('ordering answers the ends of the list', () => {
  const params = [
    orderBy('id'),
    query('limit', 'integer'),
    query('where.id.gt', 'integer'),
    query('where.id.lt', 'integer'),
  ];

  it('takes the first item each way, one per page, and finds nothing beyond it', () => {
    const check = orderCaseOf(suiteOf(params))!;
    expect(check.title).toBe(
      'GET /boxes ordered by id answers the greatest first descending, the least ascending',
    );
    expect(check.uses.map((use) => use.alias)).toEqual(['box', 'other_box']);
    expect(check.steps.map((step) => step.request.query)).toEqual([
      { 'orderby.id': { kind: 'literal', value: 'desc' }, limit: { kind: 'literal', value: 1 } },
      { 'where.id.gt': { kind: 'saved', name: 'greatest' } },
      { 'orderby.id': { kind: 'literal', value: 'asc' }, limit: { kind: 'literal', value: 1 } },
      { 'where.id.lt': { kind: 'saved', name: 'least' } },
    ]);
    expect(check.steps[0]!.saves).toEqual([{ name: 'greatest', path: '0.id', from: 'response' }]);
    expect(check.steps[0]!.assertions).toContainEqual({ kind: 'array-length', path: '', min: 1, max: 1 });
    expect(check.steps[3]!.assertions).toContainEqual({ kind: 'array-length', path: '', min: 0, max: 0 });
  });

  it('uses the spelling the document enumerates, and an integer field when the identifier has no ordering', () => {
    const spelled = orderCaseOf(
      suiteOf([
        { ...orderBy('id'), name: 'sort[id]', schema: { type: 'string', enum: ['ASC', 'DESC'] } },
        ...params.slice(1),
      ]),
    )!;
    expect(spelled.steps[0]!.request.query['sort[id]']).toEqual({ kind: 'literal', value: 'DESC' });
    const byShelf = orderCaseOf(
      suiteOf([
        orderBy('shelf'),
        query('limit', 'integer'),
        query('where.shelf.gt', 'integer'),
        query('where.shelf.lt', 'integer'),
      ]),
    )!;
    expect(byShelf.title).toContain('ordered by shelf');
    expect(byShelf.steps[1]!.request.query).toEqual({
      'where.shelf.gt': { kind: 'saved', name: 'greatest' },
    });
  });

  it('needs both directions, a page size, and both strict comparisons on the field', () => {
    expect(orderCaseOf(suiteOf([orderBy('id', ['asc']), ...params.slice(1)]))).toBeUndefined();
    expect(orderCaseOf(suiteOf(params.filter((parameter) => parameter.name !== 'limit')))).toBeUndefined();
    expect(
      orderCaseOf(suiteOf(params.filter((parameter) => parameter.name !== 'where.id.lt'))),
    ).toBeUndefined();
    // A label is text: its order is the server's collation, not something a test can presume.
    expect(
      orderCaseOf(
        suiteOf([
          orderBy('label'),
          query('limit', 'integer'),
          query('where.label.gt'),
          query('where.label.lt'),
        ]),
      ),
    ).toBeUndefined();
  });
});

describe('a collection write narrowed by a filter changes what it names, and only that', () => {
  function writeSuite(parameters: unknown[], answer: unknown = { type: 'array', items: box }) {
    const document = {
      openapi: '3.0.3',
      info: { title: 'Store', version: '1' },
      paths: {
        '/boxes': {
          get: { responses: ok({ type: 'array', items: box }) },
          post: { requestBody: { required: true, ...json(boxInput) }, responses: ok(box) },
          put: { parameters, requestBody: { required: true, ...json(boxInput) }, responses: ok(answer) },
        },
        '/boxes/{id}': { parameters: [id], get: { responses: ok(box) }, delete: { responses: ok(box) } },
      },
    };
    const model = buildApiModel({
      location: 'store.json',
      sourceVersion: '3.0',
      document,
      referenceIssues: [],
    });
    return generateApiSuite(model, { specSource: 'store.json' }).cases.find((testCase) =>
      testCase.title.includes('alone'),
    );
  }

  it('changes one of two resources through the collection, by its id, and reads the other unchanged', () => {
    const check = writeSuite([query('where.id.eq', 'integer')])!;
    expect(check.title).toBe('PUT /boxes with where.id.eq changes that box alone');
    expect(check.uses.map((use) => use.alias)).toEqual(['box', 'other_box']);
    const own = { kind: 'resource', alias: 'box', field: 'id' };
    const other = { kind: 'resource', alias: 'other_box', field: 'id' };
    expect(
      check.steps.map((step) => [step.request.method, step.request.pathParams['id'], step.request.query]),
    ).toEqual([
      ['GET', other, {}],
      ['PUT', undefined, { 'where.id.eq': own }],
      ['GET', other, {}],
    ]);
    const write = check.steps[1]!;
    expect(write.request.body).toMatchObject({
      kind: 'json',
      value: { entries: { label: { kind: 'unique' } } },
    });
    expect(write.assertions).toEqual([
      { kind: 'status', oneOf: [200] },
      { kind: 'array-length', path: '', min: 1, max: 1 },
      { kind: 'field-equals', path: '0.id', value: own },
      { kind: 'field-echoes', path: '0.label', bodyPath: 'label' },
    ]);
    expect(check.steps[2]!.assertions).toContainEqual({
      kind: 'field-equals',
      path: 'label',
      value: { kind: 'saved', name: 'other_before' },
    });
  });

  it('needs an equality filter on the identifier and an answer listing the items', () => {
    expect(writeSuite([query('where.label.eq')])).toBeUndefined();
    expect(writeSuite([query('where.id.eq', 'integer')], box)).toBeUndefined();
  });
});
