import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatStreamPart, ChatStreamRequest, ChatTool } from '../../src/core/chat-model.ts';
import type { ModelUsage } from '../../src/core/model-client.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { fixtureClient } from './model-client-helpers.ts';

let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(async () => {
  await server.close();
});

const listRuns: ChatTool<{ limit: number }> = {
  name: 'list_runs',
  description: 'Recent runs of the project.',
  inputSchema: z.object({ limit: z.number().int().min(1).max(50) }),
  execute: async (input) => ({ runs: [], asked: input.limit }),
};

function request(extra: Partial<ChatStreamRequest> = {}): ChatStreamRequest {
  return {
    task: 'copilot turn',
    system: 'You are the copilot.',
    messages: [{ role: 'user', content: 'Why did the last run fail?' }],
    tools: [listRuns as ChatTool],
    maxSteps: 4,
    signal: new AbortController().signal,
    ...extra,
  };
}

async function collect(stream: AsyncIterable<ChatStreamPart>): Promise<ChatStreamPart[]> {
  const parts: ChatStreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

describe('streamed chat with tools', () => {
  it('streams text deltas and ends with usage and the finish reason', async () => {
    const usage: ModelUsage[] = [];
    const client = await fixtureClient(server, 'copilot-answer', { usage });
    const parts = await collect(client.streamChat(request()));
    const deltas = parts.filter((part) => part.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((part) => part.text).join('')).toContain('I can read this project');
    const finish = parts.at(-1)!;
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'stop' });
    expect(finish.type === 'finish' && finish.usage.outputTokens).toBeGreaterThan(0);
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ task: 'copilot turn', outcome: 'ok', model: 'copilot-answer' });
  });

  it('runs the tool the model calls with validated input and streams the answer after its result', async () => {
    const client = await fixtureClient(server, 'copilot-tools');
    const before = server.requests.length;
    const parts = await collect(client.streamChat(request()));
    expect(parts.map((part) => part.type)).toEqual(
      expect.arrayContaining(['tool-call', 'tool-result', 'text-delta']),
    );
    expect(parts.find((part) => part.type === 'tool-call')).toMatchObject({
      name: 'list_runs',
      input: { limit: 5 },
    });
    expect(parts.find((part) => part.type === 'tool-result')).toMatchObject({
      output: { runs: [], asked: 5 },
    });
    const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');
    expect(text).toBe('I looked at the recent runs of this project: nothing has failed.');
    // The second request carried the tool's result back to the model.
    const second = server.requests.slice(before).filter((seen) => seen.path === '/v1/chat/completions')[1];
    expect(JSON.stringify(second?.body)).toContain('\\"asked\\":5');
  });

  it('reports a tool input that fails its schema as a tool error, not a crash', async () => {
    const client = await fixtureClient(server, 'copilot-tools');
    const strict: ChatTool = {
      ...(listRuns as ChatTool),
      inputSchema: z.object({ limit: z.number().max(2) }),
    };
    const parts = await collect(client.streamChat(request({ tools: [strict] })));
    const result = parts.find((part) => part.type === 'tool-result');
    expect(result).toMatchObject({ name: 'list_runs' });
    expect(result?.type === 'tool-result' && result.error).toBeTruthy();
  });

  it('ends a reply stopped in flight with finish reason "stopped"', async () => {
    const client = await fixtureClient(server, 'copilot-stalled', {
      env: { TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS: '20000' },
    });
    const controller = new AbortController();
    const parts: ChatStreamPart[] = [];
    for await (const part of client.streamChat(request({ signal: controller.signal }))) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort();
    }
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stopped' });
  });

  it('throws a ModelError when the provider fails', async () => {
    const client = await fixtureClient(server, 'server-error', { env: { TESTOPS_LLM_MAX_RETRIES: '0' } });
    await expect(collect(client.streamChat(request()))).rejects.toMatchObject({
      code: 'TESTOPS_LLM_UNAVAILABLE',
    });
  });
});
