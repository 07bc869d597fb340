import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (schema: unknown) => ({ '200': { description: 'ok', ...json(schema) } });
const rack = { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } } };
const input = { type: 'object', required: ['label'], properties: { label: { type: 'string' } } };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };

function suiteOf(item: Record<string, unknown>) {
  const document = {
    openapi: '3.0.3',
    info: { title: 'Racks', version: '1' },
    paths: {
      '/racks': { post: { requestBody: { required: true, ...json(input) }, responses: ok(rack) } },
      '/racks/{id}': { parameters: [id], get: { responses: ok(rack) }, ...item },
    },
  };
  const model = buildApiModel({
    location: 'racks.json',
    sourceVersion: '3.0',
    document,
    referenceIssues: [],
  });
  return generateApiSuite(model, { specSource: 'racks.json' });
}

describe('a write acts only on the resource it names', () => {
  it('updates and deletes one of two resources, then reads the other unchanged and still there', () => {
    const suite = suiteOf({
      put: { requestBody: { required: true, ...json(input) }, responses: ok(rack) },
      delete: { responses: ok(rack) },
    });
    const check = suite.cases.find((testCase) => testCase.title.includes('leave another unchanged'))!;
    expect(check.title).toBe('rack: an update and a delete of one rack leave another unchanged');
    expect(check.uses.map((use) => use.alias).sort()).toEqual(['other_rack', 'rack']);
    expect(check.steps.map((step) => [step.request.method, step.request.pathParams['id']])).toEqual([
      ['GET', { kind: 'resource', alias: 'other_rack', field: 'id' }],
      ['PUT', { kind: 'resource', alias: 'rack', field: 'id' }],
      ['GET', { kind: 'resource', alias: 'other_rack', field: 'id' }],
      ['DELETE', { kind: 'resource', alias: 'rack', field: 'id' }],
      ['GET', { kind: 'resource', alias: 'other_rack', field: 'id' }],
    ]);
    expect(check.steps[0]!.saves).toEqual([{ name: 'other_before', path: 'label', from: 'response' }]);
    expect(check.steps[2]!.assertions).toContainEqual({
      kind: 'field-equals',
      path: 'label',
      value: { kind: 'saved', name: 'other_before' },
    });
    expect(check.steps[4]!.assertions[0]).toEqual({ kind: 'status', oneOf: [200] });
  });

  it('changes a prose field before one the server checks against what it knows (a provider)', () => {
    const addon = {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        provider: { type: 'string', example: 'webhook' },
        description: { type: 'string' },
      },
    };
    const body = {
      type: 'object',
      required: ['provider'],
      properties: { provider: addon.properties.provider, description: { type: 'string' } },
    };
    const document = {
      openapi: '3.0.3',
      info: { title: 'Addons', version: '1' },
      paths: {
        '/addons': { post: { requestBody: { required: true, ...json(body) }, responses: ok(addon) } },
        '/addons/{id}': {
          parameters: [id],
          get: { responses: ok(addon) },
          put: { requestBody: { required: true, ...json(body) }, responses: ok(addon) },
        },
      },
    };
    const model = buildApiModel({
      location: 'addons.json',
      sourceVersion: '3.0',
      document,
      referenceIssues: [],
    });
    const suite = generateApiSuite(model, { specSource: 'addons.json' });
    const check = suite.cases.find((testCase) => testCase.title.includes('another unchanged'))!;
    expect(check.steps[0]!.saves).toEqual([{ name: 'other_before', path: 'description', from: 'response' }]);
    const lifecycle = suite.cases.find((testCase) => testCase.title.startsWith('addon lifecycle'))!;
    expect(lifecycle.steps.map((step) => step.title)).toContain('update "description" of the addon');
  });

  it('checks a delete alone when there is no update, and nothing without writes', () => {
    const deleteOnly = suiteOf({ delete: { responses: ok(rack) } });
    expect(deleteOnly.cases.map((testCase) => testCase.title)).toContain(
      'rack: a delete of one rack leaves another unchanged',
    );
    const readOnly = suiteOf({});
    expect(readOnly.cases.some((testCase) => testCase.title.includes('another unchanged'))).toBe(false);
  });
});
