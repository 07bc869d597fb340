import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IamTokenSource } from '../../src/llm/iam-token.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { fixtureClient } from './model-client-helpers.ts';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer({ scenario: 'success', tokenLifetimeS: 120 });
});
afterAll(async () => {
  await server.close();
});

const tokenUrl = () => `${new URL(server.baseUrl).origin}/api/v1/auth/token`;

describe('Cloud.ru IAM key id and secret', () => {
  it('exchanges them for a token, reuses it, and renews it a minute before it expires', async () => {
    let now = 0;
    const source = new IamTokenSource(
      { keyId: 'key-id', secret: 'key-secret', tokenUrl: tokenUrl() },
      fetch,
      () => now,
    );
    const [first, same] = await Promise.all([source.token(), source.token()]);
    expect(first).toBe(same);
    now = 59_000;
    expect(await source.token()).toBe(first);
    now = 61_000;
    const renewed = await source.token();
    expect(renewed).not.toBe(first);
    expect(server.requests.filter((seen) => seen.path === '/api/v1/auth/token')).toHaveLength(2);
  });

  it('sends the token, not the secret, with every model call', async () => {
    const client = await fixtureClient(server, 'fixture-chat', {
      env: {
        TESTOPS_LLM_API_KEY: '',
        TESTOPS_LLM_IAM_KEY_ID: 'key-id',
        TESTOPS_LLM_IAM_SECRET: 'key-secret',
        TESTOPS_LLM_IAM_TOKEN_URL: tokenUrl(),
      },
    });
    const before = server.requests.length;
    await client.generateObject({
      task: 'test',
      system: 'Answer.',
      prompt: '<requirements>\n[{"id": "CALC-36"}]\n</requirements>',
      schema: z.object({ cases: z.array(z.unknown()) }),
      schemaName: 'cases',
    });
    const chat = server.requests.slice(before).filter((seen) => seen.path === '/v1/chat/completions');
    expect(chat).toHaveLength(1);
    expect(chat[0]!.authorization).toMatch(/^Bearer iam-token-\d+$/);
    expect(JSON.stringify(chat[0]!.body)).not.toContain('key-secret');
  });
});
