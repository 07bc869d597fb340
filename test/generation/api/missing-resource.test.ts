import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiSuite, ApiTestCase } from '../../../src/core/test-case.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (schema: unknown) => ({ '200': { description: 'ok', ...json(schema) } });
const path = (name: string, schema: unknown) => ({ name, in: 'path', required: true, schema });

const rack = {
  type: 'object',
  properties: { id: { type: 'integer' }, label: { type: 'string', maxLength: 40 } },
};
const rackInput = { type: 'object', required: ['label'], properties: { label: { type: 'string' } } };
const page = {
  type: 'object',
  properties: {
    page: { type: 'object', properties: { slug: { type: 'string' }, text: { type: 'string' } } },
  },
};
const pageInput = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', maxLength: 30 }, text: { type: 'string' } },
};

// Racks: integer ids, no 404 documented anywhere (as a generated CRUD API often is), a
// relation under the item. Pages: slug ids in an envelope, 404 documented. Labels: an id typed
// as text in the path while the API hands out integers.
const spec = {
  openapi: '3.0.3',
  info: { title: 'Library', version: '1' },
  paths: {
    '/racks/': {
      get: { responses: ok({ type: 'array', items: rack }) },
      post: { requestBody: { required: true, ...json(rackInput) }, responses: ok(rack) },
    },
    '/racks/{id}': {
      parameters: [path('id', { type: 'integer' })],
      get: { responses: ok(rack) },
      put: { requestBody: { required: true, ...json(rackInput) }, responses: ok(rack) },
      delete: { responses: ok(rack) },
    },
    '/racks/{id}/pages': {
      parameters: [path('id', { type: 'integer' })],
      get: { responses: ok({ type: 'array', items: page }) },
    },
    '/pages': {
      post: {
        requestBody: { required: true, ...json(pageInput) },
        responses: { '201': { description: 'created', ...json(page) } },
      },
    },
    '/pages/{slug}': {
      parameters: [path('slug', { type: 'string' })],
      get: { responses: { ...ok(page), '404': { description: 'no such page' } } },
      patch: {
        requestBody: {
          required: true,
          ...json({ type: 'object', properties: { text: { type: 'string' } } }),
        },
        responses: { ...ok(page), '404': { description: 'no such page' } },
      },
    },
    '/labels': {
      post: { requestBody: { required: true, ...json(rackInput) }, responses: ok(rack) },
    },
    '/labels/{labelId}': {
      parameters: [path('labelId', { type: 'string' })],
      get: { responses: ok(rack) },
    },
    // Tokens by a name that is not unique: a list, possibly empty; an item has an id.
    '/tokens/{tokenName}': {
      parameters: [path('tokenName', { type: 'string' })],
      get: {
        responses: ok({
          type: 'object',
          properties: { version: { type: 'integer' }, tokens: { type: 'array', items: rack } },
        }),
      },
    },
    '/shelves/{shelfId}': {
      parameters: [path('shelfId', { type: 'string' })],
      get: {
        responses: ok({
          type: 'object',
          properties: { id: { type: 'integer' }, books: { type: 'array', items: page } },
        }),
      },
    },
    '/reports/{year}': {
      parameters: [path('year', { type: 'string' })],
      get: { responses: ok({ type: 'object' }) },
    },
  },
};

async function generate(): Promise<ApiSuite> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-missing-'));
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  return generateApiSuite(buildApiModel(await loadSpec(join(dir, 'openapi.json'))), {
    specSource: 'openapi.json',
  });
}

const missingCases = (suite: ApiSuite): ApiTestCase[] =>
  suite.cases.filter((testCase) => testCase.missingResource);
const caseFor = (suite: ApiSuite, operation: string): ApiTestCase | undefined =>
  missingCases(suite).find((testCase) => testCase.operation === operation);

describe('nonexistent resource cases', () => {
  it('calls every identifier operation with a well-formed id that names nothing, PUT only when 404 is documented', async () => {
    const suite = await generate();
    expect(
      missingCases(suite)
        .map((testCase) => testCase.operation)
        .sort(),
    ).toEqual([
      'GET /labels/{labelId}',
      'GET /pages/{slug}',
      'GET /racks/{id}',
      'GET /racks/{id}/pages',
      'GET /shelves/{shelfId}',
      'PATCH /pages/{slug}',
    ]);
    // A list filtered by the last path value (no 404 documented) answers an empty list for a
    // value matching nothing; an item holding a list (it has an id) is still an item.
    expect(caseFor(suite, 'GET /tokens/{tokenName}')).toBeUndefined();
    // PUT may create at that id, and DELETE may answer success for what is gone (no 404
    // documented); `{year}` names no thing.
    expect(caseFor(suite, 'PUT /racks/{id}')).toBeUndefined();
    expect(caseFor(suite, 'DELETE /racks/{id}')).toBeUndefined();
    expect(caseFor(suite, 'GET /reports/{year}')).toBeUndefined();
  });

  it('uses the type the API hands ids out in: a large integer, a unique slug, an integer for a text id', async () => {
    const suite = await generate();
    const value = (operation: string, parameter: string) =>
      caseFor(suite, operation)!.steps[0]!.request.pathParams[parameter];
    expect(value('GET /racks/{id}/pages', 'id')).toEqual({ kind: 'literal', value: 2147483000 });
    expect(value('GET /pages/{slug}', 'slug')).toMatchObject({ kind: 'unique', prefix: 'missing' });
    expect(value('GET /labels/{labelId}', 'labelId')).toEqual({ kind: 'literal', value: 2147483000 });
  });

  it('expects the documented 404, else any refusal of a missing thing, and keeps a valid body', async () => {
    const suite = await generate();
    const statuses = (operation: string) =>
      caseFor(suite, operation)!.steps[0]!.assertions.find((assertion) => assertion.kind === 'status');
    expect(statuses('GET /pages/{slug}')).toEqual({ kind: 'status', oneOf: [404] });
    expect(statuses('GET /racks/{id}/pages')).toEqual({ kind: 'status', oneOf: [400, 403, 404, 410, 422] });
    expect(caseFor(suite, 'GET /pages/{slug}')!.title).toBe(
      'GET /pages/{slug} answers 404 for a page that does not exist',
    );
    expect(caseFor(suite, 'GET /racks/{id}/pages')!.title).toBe(
      'GET /racks/{id}/pages refuses a rack that does not exist with a 4xx',
    );
    // Only a documented 404 makes a success a finding (unpromised-refusal.ts).
    expect(caseFor(suite, 'GET /pages/{slug}')!.missingResource).toBe('promised');
    expect(caseFor(suite, 'GET /racks/{id}/pages')!.missingResource).toBe('unpromised');
    const patch = caseFor(suite, 'PATCH /pages/{slug}')!.steps[0]!.request;
    expect(patch.body?.kind).toBe('json');
  });
});
