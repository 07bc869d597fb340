import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const conflict = { '409': { description: 'exists already' } };

function suiteOf(options: {
  idParam: string;
  input: unknown;
  item: unknown;
  responses?: object;
  /** Extra paths beside the collection (a `/types/validate` check). */
  more?: Record<string, unknown>;
}) {
  const param = { name: options.idParam, in: 'path', required: true, schema: { type: 'string' } };
  const document = {
    openapi: '3.0.3',
    info: { title: 'Types', version: '1' },
    paths: {
      '/types': {
        post: {
          requestBody: { required: true, ...json(options.input) },
          responses: {
            '201': { description: 'made', ...json(options.item) },
            ...(options.responses ?? conflict),
          },
        },
      },
      [`/types/{${options.idParam}}`]: {
        parameters: [param],
        get: { responses: { '200': { description: 'ok', ...json(options.item) } } },
        delete: { responses: { '204': { description: 'gone' } } },
      },
      ...options.more,
    },
  };
  const model = buildApiModel({
    location: 'types.json',
    sourceVersion: '3.0',
    document,
    referenceIssues: [],
  });
  return generateApiSuite(model, { specSource: 'types.json' });
}

const named = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, description: { type: 'string' } },
};

const duplicateOf = (suite: ReturnType<typeof suiteOf>) =>
  suite.cases.find((testCase) => testCase.title.includes('with the same'));

describe('a second create with an identifier the client picked', () => {
  it('sends the create once, then again with the same unique values, expecting the documented 409', () => {
    const check = duplicateOf(suiteOf({ idParam: 'name', input: named, item: named }))!;
    expect(check.title).toBe('POST /types refuses a second type with the same name (409)');
    expect(check.kind).toBe('negative');
    const [first, second] = check.steps;
    expect(first!.phase).toBe('arrange');
    expect(first!.assertions).toEqual([{ kind: 'status', oneOf: [201] }]);
    expect(first!.saves).toContainEqual({ name: 'sent_0', path: 'name', from: 'body' });
    expect(first!.track?.saved.startsWith('first_')).toBe(true);
    const body = second!.request.body;
    expect(body?.kind === 'json' && body.value.kind === 'object' && body.value.entries['name']).toEqual({
      kind: 'saved',
      name: 'sent_0',
    });
    expect(second!.assertions[0]).toEqual({ kind: 'status', oneOf: [409] });
    // A duplicate the server accepts after all is still removed afterwards.
    expect(second!.track).toBeDefined();
    expect(check.covers).toEqual(['POST /types 409']);
  });

  it('is not designed without a documented 409, nor for an identifier the server makes', () => {
    expect(
      duplicateOf(suiteOf({ idParam: 'name', input: named, item: named, responses: {} })),
    ).toBeUndefined();
    const serverId = {
      type: 'object',
      properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } },
    };
    expect(duplicateOf(suiteOf({ idParam: 'id', input: named, item: serverId }))).toBeUndefined();
  });
});

const validate = (input: unknown, responses: object) => ({
  '/types/validate': {
    post: {
      requestBody: { required: true, ...json(input) },
      responses: { '204': { description: 'free' }, ...responses },
    },
  },
});

describe('a check of an identifier beside the create', () => {
  const takenOf = (suite: ReturnType<typeof suiteOf>) =>
    suite.cases.find((testCase) => testCase.title.includes('that exists'));

  it('makes the thing, then sends its identifier to the check, expecting the documented 409', () => {
    const check = takenOf(
      suiteOf({ idParam: 'name', input: named, item: named, more: validate(named, conflict) }),
    )!;
    expect(check.title).toBe('POST /types/validate refuses the name of a type that exists (409)');
    expect(check.operation).toBe('POST /types/validate');
    const [made, checked] = check.steps;
    expect(made!.request.path).toBe('/types');
    expect(made!.saves).toContainEqual({ name: 'sent_0', path: 'name', from: 'body' });
    expect(made!.track).toBeDefined();
    expect(checked!.request.path).toBe('/types/validate');
    const body = checked!.request.body;
    const entries = body?.kind === 'json' && body.value.kind === 'object' ? body.value.entries : {};
    expect(entries['name']).toEqual({ kind: 'saved', name: 'sent_0' });
    // The check's other fields are its own, not the create's.
    expect(entries['description']?.kind).not.toBe('saved');
    expect(checked!.assertions[0]).toEqual({ kind: 'status', oneOf: [409] });
    expect(check.covers).toEqual(['POST /types/validate 409']);
  });

  it('sends the check as built when its body already names a thing of that kind', () => {
    const described = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', description: 'The name of the type' } },
    };
    const suite = suiteOf({
      idParam: 'name',
      input: described,
      item: described,
      more: validate(described, conflict),
    });
    const check = takenOf(suite)!;
    expect(check.uses).toEqual([{ alias: 'type', resource: 'type' }]);
    expect(check.steps).toHaveLength(1);
    const body = check.steps[0]!.request.body;
    const entries = body?.kind === 'json' && body.value.kind === 'object' ? body.value.entries : {};
    expect(entries['name']).toMatchObject({ kind: 'resource', alias: 'type' });
    expect(check.steps[0]!.assertions[0]).toEqual({ kind: 'status', oneOf: [409] });
  });

  it('uses the identifier of the thing it makes when a learned repair took the reference out of the check', () => {
    const described = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', description: 'The name of the type' } },
    };
    const model = buildApiModel({
      location: 'types.json',
      sourceVersion: '3.0',
      document: {
        openapi: '3.0.3',
        info: { title: 'Types', version: '1' },
        paths: {
          '/types': {
            post: {
              requestBody: { required: true, ...json(described) },
              responses: { '201': { description: 'made', ...json(described) }, ...conflict },
            },
          },
          '/types/{name}': {
            parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
            get: { responses: { '200': { description: 'ok', ...json(described) } } },
          },
          ...validate(described, conflict),
        },
      },
      referenceIssues: [],
    });
    const suite = generateApiSuite(model, {
      specSource: 'types.json',
      repairs: [
        { operation: 'POST /types/validate', in: 'body', path: ['name'], value: 'name-taken', unique: true },
      ],
    });
    const check = takenOf(suite)!;
    expect(check.uses).toEqual([]);
    expect(check.steps.map((step) => step.request.path)).toEqual(['/types', '/types/validate']);
  });

  it('is not designed when the check documents no 409 or does not carry the identifier', () => {
    expect(
      takenOf(suiteOf({ idParam: 'name', input: named, item: named, more: validate(named, {}) })),
    ).toBeUndefined();
    const other = { type: 'object', properties: { label: { type: 'string' } } };
    expect(
      takenOf(suiteOf({ idParam: 'name', input: named, item: named, more: validate(other, conflict) })),
    ).toBeUndefined();
  });
});
