import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';

// An upload service shaped like LoopBack's file-transfer example: the upload answers an
// undocumented object, the list answers bare names, the download is by name.
const spec = {
  openapi: '3.0.0',
  info: { title: 'Files', version: '1' },
  paths: {
    '/files': {
      post: {
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
            },
          },
        },
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
      get: {
        responses: {
          '200': {
            description: 'names',
            content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
          },
        },
      },
    },
    '/files/{filename}': {
      get: {
        parameters: [{ name: 'filename', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'the file',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
  },
};

describe('multipart uploads', () => {
  it('sends a file part, and downloads by the name it uploaded instead of asking for --var', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'testops-upload-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
    const suite = generateApiSuite(buildApiModel(await loadSpec(join(dir, 'openapi.json'))), {
      specSource: 'openapi.json',
    });
    const upload = suite.cases.find((testCase) => testCase.title.startsWith('POST /files succeeds'))!;
    expect(upload.steps[0]!.request.body).toMatchObject({ kind: 'multipart', files: ['file'] });
    expect(suite.variables).toEqual([]);
    expect(suite.recipes).toContainEqual(
      expect.objectContaining({ name: 'file', idPath: 'file.name', idFrom: 'request' }),
    );
  });
});
