import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const conflict = { '409': { description: 'exists already' } };

function suiteOf(options: { idParam: string; input: unknown; item: unknown; responses?: object }) {
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
