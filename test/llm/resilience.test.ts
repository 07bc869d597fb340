import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelError } from '../../src/core/model-errors.ts';
import { CircuitBreaker } from '../../src/llm/circuit-breaker.ts';
import { ConcurrencyLimit } from '../../src/llm/concurrency-limit.ts';
import { backoffDelayMs, retryAfterMs } from '../../src/core/retry-delay.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { fixtureClient } from './model-client-helpers.ts';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(async () => {
  await server.close();
});

const request = {
  task: 'test',
  system: 'Answer.',
  prompt: '<requirements>\n[{"id": "CALC-36"}]\n</requirements>',
  schema: z.object({ cases: z.array(z.unknown()) }),
  schemaName: 'cases',
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ModelError,
  );
const chatCalls = (from: number) =>
  server.requests.slice(from).filter((seen) => seen.path === '/v1/chat/completions').length;

describe('model calls under failure', () => {
  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    server.scenario = 'rate-limited';
    const client = await fixtureClient(server, 'fixture-json-mode');
    const before = server.requests.length;
    const started = performance.now();
    const result = await client.generateObject(request);
    expect(result.value.cases).toHaveLength(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(chatCalls(before)).toBe(2);
  });

  it('retries a 500 with backoff, then fails as unavailable', async () => {
    server.scenario = 'server-error';
    const client = await fixtureClient(server, 'fixture-json-mode', {
      env: { TESTOPS_LLM_MAX_RETRIES: '2' },
    });
    const before = server.requests.length;
    const error = await failure(client.generateObject(request));
    expect(error).toBeInstanceOf(ModelError);
    expect(error!.code).toBe('TESTOPS_LLM_UNAVAILABLE');
    expect(error!.status).toBe(500);
    expect(chatCalls(before)).toBe(3);
  });

  it('fails with a timeout when the first byte is late', async () => {
    server.scenario = 'slow-first-byte';
    const client = await fixtureClient(server, 'fixture-json-mode', {
      env: { TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS: '300' },
    });
    const started = performance.now();
    const error = await failure(client.generateObject(request));
    expect(error!.code).toBe('TESTOPS_LLM_TIMEOUT');
    expect(error!.message).toContain('no first byte within 300 ms');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('fails with a timeout when a stream stalls', async () => {
    server.scenario = 'stalled-stream';
    const client = await fixtureClient(server, 'fixture-chat', {
      env: { TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS: '400' },
    });
    const error = await failure(client.completion.stream('Say something.'));
    expect(error).toBeInstanceOf(ModelError);
    expect(error!.code).toBe('TESTOPS_LLM_TIMEOUT');
    expect(error!.message).toContain('stalled');
  });

  it('streams a plain answer, with its first token before its end', async () => {
    server.scenario = 'garbage';
    const client = await fixtureClient(server, 'fixture-chat');
    const streamed = await client.completion.stream('Say something.');
    expect(streamed.text).toContain("I'm sorry");
    expect(streamed.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(streamed.firstTokenMs).toBeLessThanOrEqual(streamed.latencyMs);
  });

  it('calls tools and gets embeddings', async () => {
    const client = await fixtureClient(server, 'fixture-chat', {
      env: { TESTOPS_LLM_EMBEDDING_MODEL: 'fixture-embedding' },
    });
    expect(await client.completion.callsTools()).toBe(true);
    const vectors = await client.completion.embed(['vCPU 1 to 64', 'RAM up to 8 GB per vCPU']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(256);
  });

  it('reports a refused connection as unavailable', async () => {
    const closed = await unusedPort();
    const error = await failure(
      fixtureClient({ baseUrl: `http://127.0.0.1:${closed}/v1` }, 'any', {
        env: { TESTOPS_LLM_MAX_RETRIES: '1' },
      }).then((client) => client.generateObject(request)),
    );
    expect(error).toBeInstanceOf(ModelError);
    expect(error!.code).toBe('TESTOPS_LLM_UNAVAILABLE');
    expect(error!.message).toContain('ECONNREFUSED');
  });

  it('refuses a request body a real server would refuse', async () => {
    const response = await fetch(`${server.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fixture-chat', messages: [], response_format: { type: 'json_schema' } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });
});

describe('the parts of resilience', () => {
  it('opens the circuit after repeated failures and lets one trial through after the cooldown', () => {
    let now = 0;
    const breaker = new CircuitBreaker('provider', {
      failureThreshold: 2,
      cooldownMs: 1_000,
      now: () => now,
    });
    breaker.enter();
    breaker.failed();
    breaker.failed();
    expect(() => breaker.enter()).toThrow(/paused after repeated failures/);
    now = 1_000;
    breaker.enter();
    expect(() => breaker.enter()).toThrow(ModelError);
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
  });

  it('runs at most `limit` tasks at once', async () => {
    const limit = new ConcurrencyLimit(2);
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limit.run(async () => {
          peak = Math.max(peak, limit.active);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('reads Retry-After as seconds or a date, and jitters the backoff', () => {
    expect(retryAfterMs('2')).toBe(2_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(backoffDelayMs(3, 500, 8_000, () => 0)).toBe(2_000);
    expect(backoffDelayMs(3, 500, 8_000, () => 1)).toBe(4_000);
  });
});

async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
