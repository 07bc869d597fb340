import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../src/sources/openapi/load-spec.ts';

const pet = {
  type: 'object',
  required: ['petId', 'name'],
  properties: { petId: { type: 'string', format: 'uuid' }, name: { type: 'string', maxLength: 40 } },
};
const spec = {
  openapi: '3.0.3',
  info: { title: 'Linked pets', version: '1' },
  paths: {
    '/pets': {
      post: {
        operationId: 'createPet',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name'],
                properties: { name: { type: 'string', maxLength: 40 } },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'created',
            content: { 'application/json': { schema: pet } },
            links: {
              GetPet: { operationId: 'showPet', parameters: { 'path.petId': '$response.body#/petId' } },
            },
          },
        },
      },
    },
    '/pet-detail/{petId}': {
      get: {
        operationId: 'showPet',
        parameters: [
          { name: 'petId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: pet } } },
          '404': { description: 'none' },
        },
      },
      delete: {
        operationId: 'deletePet',
        parameters: [
          { name: 'petId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        ],
        responses: { '204': { description: 'gone' } },
      },
    },
  },
};

describe('stateful chains from OpenAPI links', () => {
  it('finds create → read → delete through a link when paths do not follow /things/{id}', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'testops-links-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
    const suite = generateApiSuite(buildApiModel(await loadSpec(join(dir, 'openapi.json'))), {
      specSource: 'openapi.json',
    });
    const lifecycle = suite.cases.find((testCase) => testCase.kind === 'stateful');
    expect(lifecycle?.title).toBe('pet lifecycle: create, read, delete, read after delete');
    expect(lifecycle!.steps[0]!.saves[0]).toEqual({ name: 'id', path: 'petId', from: 'response' });
    expect(lifecycle!.steps.at(-1)!.assertions[0]).toEqual({ kind: 'status', oneOf: [404] });
    // The read test gets its pet from the recipe instead of asking for a PET_ID variable.
    expect(suite.variables.map((variable) => variable.name)).not.toContain('petId');
  });
});
