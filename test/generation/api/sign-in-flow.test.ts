import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitPlaywrightSuite } from '../../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const credentials = (fields: string[]) => ({
  type: 'object',
  required: ['user'],
  properties: {
    user: {
      type: 'object',
      required: fields,
      properties: Object.fromEntries(fields.map((field) => [field, { type: 'string' }])),
    },
  },
});
const userResponse = {
  type: 'object',
  properties: {
    user: {
      type: 'object',
      properties: { email: { type: 'string' }, username: { type: 'string' }, token: { type: 'string' } },
    },
  },
};
// Registration and log-in in envelopes, a token scheme named only in prose: a common real shape.
const spec = {
  openapi: '3.0.3',
  info: { title: 'Accounts', version: '1' },
  components: {
    securitySchemes: {
      Token: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Prefix the token with "Token "',
      },
    },
  },
  paths: {
    '/users': {
      post: {
        requestBody: { required: true, ...json(credentials(['username', 'email', 'password'])) },
        responses: { '201': { description: 'registered', ...json(userResponse) } },
      },
    },
    '/users/login': {
      post: {
        requestBody: { required: true, ...json(credentials(['email', 'password'])) },
        responses: { '200': { description: 'signed in', ...json(userResponse) } },
      },
    },
    '/user': {
      get: {
        security: [{ Token: [] }],
        responses: { '200': { description: 'me', ...json(userResponse) }, '401': { description: 'no' } },
      },
    },
  },
};

describe('authentication without hand work', () => {
  it('registers an account of its own, logs in with the same credentials and reads the token', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'testops-sign-in-'));
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
    const suite = generateApiSuite(buildApiModel(await loadSpec(join(dir, 'openapi.json'))), {
      specSource: 'openapi.json',
    });
    expect(suite.auth).toEqual({ kind: 'bearer', prefix: 'Token' });
    expect(suite.signIn?.tokenPath).toBe('user.token');
    const [register, login] = suite.signIn!.steps;
    expect(register!.request).toMatchObject({ method: 'POST', path: '/users', auth: 'none' });
    const sent = register!.request.body?.kind === 'json' ? register!.request.body.value : undefined;
    expect(sent).toMatchObject({
      entries: {
        user: {
          entries: {
            email: { kind: 'unique', suffix: '@example.com' },
            username: { kind: 'unique' },
          },
        },
      },
    });
    expect(login!.request.body).toEqual({
      kind: 'json',
      value: {
        kind: 'object',
        entries: {
          user: {
            kind: 'object',
            entries: {
              email: { kind: 'saved', name: 'email' },
              password: { kind: 'saved', name: 'password' },
            },
          },
        },
      },
    });
    const files = emitPlaywrightSuite(suite, { baseUrl: 'http://127.0.0.1:3000' });
    expect(files['support/sign-in.ts']).toContain("return fieldAt(response2.json, 'user.token');");
    expect(files['support/test.ts']).toContain('signIn,');
  });
});
