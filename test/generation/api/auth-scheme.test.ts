import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiSuite } from '../../../src/core/test-case.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';
import { curlCommand } from '../../../src/validation/execution/curl-command.ts';

function specWith(scheme: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'Auth', version: '1' },
    components: { securitySchemes: { main: scheme } },
    security: [{ main: [] }],
    paths: {
      '/user': {
        get: { responses: { '200': { description: 'ok' }, '401': { description: 'no' } } },
      },
      // Secured by the document's global security only: no refusal documented.
      '/health': { get: { responses: { '200': { description: 'ok' } } } },
    },
  };
}

async function suiteFor(scheme: Record<string, unknown>, authScheme?: string): Promise<ApiSuite> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-auth-'));
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(specWith(scheme)));
  return generateApiSuite(buildApiModel(await loadSpec(join(dir, 'openapi.json'))), {
    specSource: 'openapi.json',
    ...(authScheme ? { authScheme } : {}),
  });
}

describe('the auth scheme comes from the spec', () => {
  it('keeps the scheme word of an http scheme that is not bearer', async () => {
    expect((await suiteFor({ type: 'http', scheme: 'Token' })).auth).toEqual({
      kind: 'bearer',
      prefix: 'Token',
    });
    expect((await suiteFor({ type: 'http', scheme: 'bearer' })).auth).toEqual({
      kind: 'bearer',
      prefix: 'Bearer',
    });
  });

  it('reads the prefix an Authorization api key names in its description', async () => {
    const auth = (
      await suiteFor({
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'Prefix the token with "Token ", e.g. "Token jwt.token.here"',
      })
    ).auth;
    expect(auth).toEqual({ kind: 'bearer', prefix: 'Token' });
  });

  it('keeps api keys in query and cookie as api keys', async () => {
    expect((await suiteFor({ type: 'apiKey', in: 'query', name: 'api_key' })).auth).toEqual({
      kind: 'api-key',
      in: 'query',
      name: 'api_key',
    });
    expect((await suiteFor({ type: 'apiKey', in: 'cookie', name: 'sid' })).auth.in).toBe('cookie');
  });

  it('lets --auth-scheme override what the spec says', async () => {
    expect((await suiteFor({ type: 'http', scheme: 'bearer' }, 'Token')).auth).toEqual({
      kind: 'bearer',
      prefix: 'Token',
    });
    expect((await suiteFor({ type: 'http', scheme: 'bearer' }, 'Basic')).auth).toEqual({ kind: 'basic' });
  });
});

describe('curl lines use the suite scheme', () => {
  const exchange = (headers: Record<string, string>, url = 'http://127.0.0.1:3000/user') => ({
    request: { method: 'GET', url, headers, body: undefined },
    response: { status: 500, headers: {}, body: '' },
  });

  it('writes Token $API_TOKEN where the spec says Token', () => {
    const curl = curlCommand(exchange({ authorization: '<redacted>' }), { kind: 'bearer', prefix: 'Token' });
    expect(curl).toContain('-H "authorization: Token $API_TOKEN"');
  });

  it('keeps Bearer for older suites and turns a redacted query key into $API_KEY', () => {
    expect(curlCommand(exchange({ authorization: '<redacted>' }))).toContain('Bearer $API_TOKEN');
    const curl = curlCommand(exchange({}, 'http://127.0.0.1:3000/user?api_key=%3Credacted%3E'), {
      kind: 'api-key',
      in: 'query',
      name: 'api_key',
    });
    expect(curl).toContain('"http://127.0.0.1:3000/user?api_key=$API_KEY"');
  });

  it('marks auth cases of an operation that documents no 401 or 403: a success there is a contract deviation', async () => {
    const suite = await suiteFor({ type: 'http', scheme: 'bearer' });
    const auth = (operation: string) =>
      suite.cases.filter((testCase) => testCase.kind === 'auth' && testCase.operation === operation);
    expect(auth('GET /user').map((testCase) => testCase.refusalUndocumented)).toEqual([undefined, undefined]);
    expect(auth('GET /health').map((testCase) => testCase.refusalUndocumented)).toEqual([true, true]);
  });
});
