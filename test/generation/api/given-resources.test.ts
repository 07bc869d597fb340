import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiSuite } from '../../../src/core/test-case.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';

const idParameter = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
});
const project = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', maxLength: 40 } },
};
const note = {
  type: 'object',
  required: ['id', 'text'],
  properties: { id: { type: 'string', format: 'uuid' }, text: { type: 'string', maxLength: 40 } },
};
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });

// Projects cannot be created (the id comes from --var); notes inside them can.
const spec = {
  openapi: '3.0.3',
  info: { title: 'Projects', version: '1' },
  paths: {
    '/projects/{project_id}': {
      parameters: [idParameter('project_id')],
      get: { responses: { '200': { description: 'ok', ...json(project) }, '404': { description: 'none' } } },
      put: {
        requestBody: { required: true, ...json(project) },
        responses: { '200': { description: 'ok', ...json(project) }, '404': { description: 'none' } },
      },
      delete: { responses: { '204': { description: 'gone' }, '404': { description: 'none' } } },
    },
    '/projects/{project_id}/notes': {
      parameters: [idParameter('project_id')],
      post: {
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            required: ['text'],
            properties: { text: { type: 'string', maxLength: 40 } },
          }),
        },
        responses: { '201': { description: 'created', ...json(note) } },
      },
    },
    '/projects/{project_id}/notes/{note_id}': {
      parameters: [idParameter('project_id'), idParameter('note_id')],
      get: { responses: { '200': { description: 'ok', ...json(note) }, '404': { description: 'none' } } },
      delete: { responses: { '204': { description: 'gone' }, '404': { description: 'none' } } },
    },
  },
};

async function generate(): Promise<ApiSuite> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-given-'));
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  return generateApiSuite(buildApiModel(await loadSpec(join(dir, 'openapi.json'))), {
    specSource: 'openapi.json',
    variables: { project_id: '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60' },
  });
}

describe('resources given with --var are never destroyed', () => {
  it('withholds every DELETE/PUT aimed at the --var resource and says why', async () => {
    const suite = await generate();
    const destructiveOnGiven = suite.cases.flatMap((testCase) =>
      testCase.steps.filter(
        (step) =>
          ['DELETE', 'PUT', 'PATCH'].includes(step.request.method) &&
          step.request.path === '/projects/{project_id}' &&
          step.request.pathParams['project_id']?.kind === 'var',
      ),
    );
    expect(destructiveOnGiven).toEqual([]);
    const withheld = suite.withheldTests ?? [];
    expect(withheld.some((test) => test.operation === 'DELETE /projects/{project_id}')).toBe(true);
    expect(withheld.some((test) => test.operation === 'PUT /projects/{project_id}')).toBe(true);
    expect(withheld[0]!.reason).toMatch(/project_id" given with --var/);
  });

  it('reads the --var value from a prefixed environment variable', async () => {
    const suite = await generate();
    expect(suite.variables.map((variable) => variable.env)).toEqual(['TESTOPS_VAR_PROJECT_ID']);
  });

  it('keeps deleting what the suite created inside the given resource', async () => {
    const suite = await generate();
    const deletes = suite.cases.filter(
      (testCase) => testCase.operation === 'DELETE /projects/{project_id}/notes/{note_id}',
    );
    expect(deletes.length).toBeGreaterThan(0);
    expect(suite.withheldTests?.some((test) => test.operation.includes('/notes'))).toBe(false);
  });
});
