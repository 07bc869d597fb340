import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ModelUsage } from '../../src/core/model-client.ts';
import { ModelError } from '../../src/core/model-errors.ts';
import { caseProposalsSchema } from '../../src/generation/cases/requirement-case-proposals.ts';
import { MemoryCache } from '../../src/llm/memory-cache.ts';
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
  system: 'Propose cases.',
  prompt: '<requirements>\n[{"id": "CALC-20"}, {"id": "CALC-36"}]\n</requirements>',
  schema: caseProposalsSchema,
  schemaName: 'manual_case_proposals',
};

function chatBodies(from: number) {
  return server.requests.slice(from).filter((seen) => seen.path === '/v1/chat/completions');
}

describe('structured output: the one way model text becomes data', () => {
  it('sends a json_schema response format when the model list says the model supports it', async () => {
    server.scenario = 'success';
    const before = server.requests.length;
    const client = await fixtureClient(server, 'fixture-chat');
    expect(client.capabilities.supportsStructuredOutputs).toBe(true);
    const result = await client.generateObject(request);
    expect(result.value.cases.map((proposal) => proposal.requirementIds[0])).toEqual([
      'CALC-20',
      'CALC-20',
      'CALC-20',
      'CALC-36',
    ]);
    const [body] = chatBodies(before) as {
      body: { response_format: { type: string; json_schema: { name: string } } };
    }[];
    expect(body!.body.response_format.type).toBe('json_schema');
    expect(body!.body.response_format.json_schema.name).toBe('manual_case_proposals');
  });

  it('falls back to JSON mode with the schema in the prompt otherwise', async () => {
    server.scenario = 'success';
    const before = server.requests.length;
    const client = await fixtureClient(server, 'fixture-json-mode');
    expect(client.capabilities.supportsStructuredOutputs).toBe(false);
    await client.generateObject(request);
    const [seen] = chatBodies(before) as {
      body: { response_format: { type: string }; messages: { content: string }[] };
    }[];
    expect(seen!.body.response_format).toEqual({ type: 'json_object' });
    expect(seen!.body.messages[0]!.content).toContain('It must match this JSON Schema');
  });

  it('strips a Markdown fence and the sentence around it', async () => {
    server.scenario = 'fenced';
    const client = await fixtureClient(server, 'fixture-json-mode');
    const result = await client.generateObject(request);
    expect(result.value.cases).toHaveLength(4);
    expect(result.repaired).toBe(false);
  });

  it('repairs an answer that breaks the schema by sending the problems back once', async () => {
    server.scenario = 'repaired';
    const before = server.requests.length;
    const usage: ModelUsage[] = [];
    const client = await fixtureClient(server, 'fixture-json-mode', { usage });
    const result = await client.generateObject(request);
    expect(result.repaired).toBe(true);
    expect(result.value.cases.length).toBeGreaterThan(0);
    const bodies = chatBodies(before) as { body: { messages: { role: string; content: string }[] } }[];
    expect(bodies).toHaveLength(2);
    const repair = bodies[1]!.body.messages.at(-1)!.content;
    expect(repair).toContain('cases.0.kind');
    expect(repair).toContain('cases.0.steps: Too small');
    expect(usage.map((call) => call.outcome)).toEqual(['failed', 'repaired']);
  });

  it('gives up after one repair with a typed error that keeps the raw text', async () => {
    server.scenario = 'garbage';
    const client = await fixtureClient(server, 'fixture-json-mode');
    const error = await client.generateObject(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('TESTOPS_LLM_OUTPUT_INVALID');
    expect((error as ModelError).rawText).toContain("I'm sorry");
    expect((error as ModelError).message).not.toContain('sk-fixture-secret-key');
  });

  it('answers an identical second request from the cache without a call', async () => {
    server.scenario = 'success';
    const cache = new MemoryCache();
    const usage: ModelUsage[] = [];
    const client = await fixtureClient(server, 'fixture-chat', { cache, usage });
    const before = server.requests.length;
    const first = await client.generateObject(request);
    const second = await client.generateObject(request);
    expect(second.value).toEqual(first.value);
    expect(chatBodies(before)).toHaveLength(1);
    expect(usage.map((call) => call.fromCache)).toEqual([false, true]);
  });

  it('counts tokens and prices each call from the configured table', async () => {
    server.scenario = 'success';
    const usage: ModelUsage[] = [];
    const client = await fixtureClient(server, 'fixture-chat', {
      usage,
      env: {
        TESTOPS_LLM_PRICES: JSON.stringify({
          'fixture-chat': { inputPer1M: { usd: 1, rub: 90 }, outputPer1M: { usd: 2, rub: 180 } },
        }),
      },
    });
    await client.generateObject({ ...request, schema: z.object({ cases: z.array(z.unknown()) }) });
    const [call] = usage;
    expect(call!.inputTokens).toBeGreaterThan(0);
    expect(call!.outputTokens).toBeGreaterThan(0);
    expect(call!.costUsd).toBeCloseTo((call!.inputTokens * 1 + call!.outputTokens * 2) / 1e6);
    expect(call!.costRub).toBeCloseTo((call!.inputTokens * 90 + call!.outputTokens * 180) / 1e6);
  });

  it('sends the API key as a bearer token', () => {
    expect(server.requests.every((seen) => seen.authorization === 'Bearer sk-fixture-secret-key')).toBe(true);
  });
});
