import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_MODEL_ANSWER } from '../../../src/service/copilot/copilot.ts';
import { buildApp } from '../../../src/service/http/build-app.ts';
import type { RunningServer } from '../../../src/service/start-server.ts';
import { startModelServer, type ModelServer } from '../../support/model-fixture-server.ts';
import { readEvents, type SseEvent } from '../support/service-client.ts';
import { startServerOn } from '../support/server-on-store.ts';
import { waitFor } from '../support/wait-for.ts';

type Json = Record<string, unknown>;
interface StoredMessage {
  id: string;
  parent_id: string | null;
  role: string;
  content: string;
  model: string | null;
  usage: { input_tokens: number | null; output_tokens: number | null };
  latency_ms: number | null;
  finish_reason: string | null;
  trace_id: string | null;
  span_id: string | null;
  tool_calls: { name: string; output?: unknown }[] | null;
}

describe.each(['pglite', 'postgres'] as const)('the project copilot over HTTP (%s)', (store) => {
  let model: ModelServer;
  let server: RunningServer;
  let noModel: FastifyInstance;
  const chatUrl = () => `${server.url}/api/v1/projects/shop/chat`;

  beforeAll(async () => {
    model = await startModelServer();
    server = await startServerOn(store, {
      TESTOPS_LLM_BASE_URL: model.baseUrl,
      TESTOPS_LLM_API_KEY: 'sk-fixture',
      TESTOPS_LLM_MODEL: 'fixture-chat',
      TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS: '20000',
    });
    await server.runtime.stores.projects.create({ name: 'Shop', id: 'shop' });
    // The same stores behind an app with no model configured.
    const { runtime } = server;
    noModel = await buildApp({
      config: { ...runtime.config, llm: undefined },
      stores: runtime.stores,
      queue: runtime.queue,
      bus: runtime.bus,
      metrics: undefined,
      readiness: [],
      traceparent: () => undefined,
    });
  });

  afterAll(async () => {
    await noModel?.close();
    await server?.close();
    await model?.close();
  });

  const text = (events: SseEvent[]) =>
    events.flatMap((event) => (event.event === 'delta' ? [String(event.data['text'])] : [])).join('');

  async function history(query: string): Promise<StoredMessage[]> {
    const response = await fetch(`${server.url}/api/v1/projects/shop/history?order=asc&${query}`);
    return ((await response.json()) as { items: StoredMessage[] }).items;
  }

  async function ask(body: Json): Promise<Json> {
    const response = await fetch(chatUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  }

  it('streams a reply as Server-Sent Events and stores both messages with the model facts', async () => {
    model.scenario = 'copilot-answer';
    const { events, ended } = await readEvents(chatUrl(), {
      body: { messages: [{ role: 'user', content: 'What can you do?' }] },
    });
    expect(ended).toBe(true);
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('start');
    expect(names.slice(-2)).toEqual(['usage', 'done']);
    expect(names.filter((name) => name === 'delta').length).toBeGreaterThan(1);
    expect(text(events)).toContain('I can read this project');
    const start = events[0]!.data;
    expect(start).toMatchObject({ model: 'fixture-chat' });
    expect(events.at(-1)!.data).toMatchObject({ message_id: start['message_id'], finish_reason: 'stop' });

    const stored = await history(`trace_id=${String(start['trace_id'])}`);
    expect(stored.map((message) => message.role)).toEqual(['user', 'assistant']);
    const [question, reply] = stored as [StoredMessage, StoredMessage];
    expect(question.content).toBe('What can you do?');
    expect(reply).toMatchObject({
      id: start['message_id'],
      parent_id: question.id,
      model: 'fixture-chat',
      finish_reason: 'stop',
      trace_id: start['trace_id'],
    });
    expect(reply.content).toBe(text(events));
    expect(reply.usage.output_tokens).toBeGreaterThan(0);
    expect(reply.latency_ms).toBeGreaterThan(0);
    expect(reply.span_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('grounds answers in tools: the call and its result stream into the chat and are stored', async () => {
    model.scenario = 'copilot-tools';
    const { events } = await readEvents(chatUrl(), {
      body: { messages: [{ role: 'user', content: 'Did the last run fail?' }] },
    });
    const call = events.find((event) => event.event === 'tool_call');
    const result = events.find((event) => event.event === 'tool_result');
    expect(call?.data).toMatchObject({ name: 'list_runs', input: { limit: 5 } });
    expect(result?.data).toMatchObject({ name: 'list_runs', output: [] });
    expect(text(events)).toBe('I looked at the recent runs of this project: nothing has failed.');
    const chatId = String(events[0]!.data['chat_id']);
    const [, reply] = await history(`chat_id=${chatId}`);
    expect(reply?.tool_calls).toEqual([expect.objectContaining({ name: 'list_runs', output: [] })]);
  });

  it('answers in one JSON reply, and regenerating or editing adds siblings to the tree', async () => {
    model.scenario = 'copilot-answer';
    const first = await ask({ messages: [{ role: 'user', content: 'Hello' }] });
    expect(first).toMatchObject({
      message: { role: 'assistant' },
      finish_reason: 'stop',
      model: 'fixture-chat',
    });
    const chatId = String(first['chat_id']);
    const again = await ask({ chat_id: chatId, regenerate_id: first['id'] });
    expect(again['parent_id']).toBe(first['parent_id']);
    // Editing the first question: a sibling question under the same (absent) parent.
    const edited = await ask({ chat_id: chatId, messages: [{ role: 'user', content: 'Hi' }] });
    const follow = await ask({ chat_id: chatId, messages: [{ role: 'user', content: 'And then?' }] });
    const tree = await history(`chat_id=${chatId}`);
    const byId = new Map(tree.map((message) => [message.id, message]));
    // Two replies under the first question; the follow-up continues the newest branch.
    expect(tree.filter((message) => message.parent_id === first['parent_id'])).toHaveLength(2);
    expect(byId.get(String(follow['parent_id']))!.parent_id).toBe(edited['id']);
    const badParent = await fetch(chatUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        chat_id: chatId,
        parent_id: randomUUID(),
        messages: [{ role: 'user', content: 'x' }],
      }),
    });
    expect(badParent.status).toBe(404);
  });

  it('stops a reply in flight by request and when the client goes away, keeping what was said', async () => {
    model.scenario = 'copilot-stalled';
    let chatId = '';
    let stopping: Promise<Response> | undefined;
    // Stop as soon as the first words arrived; the model's stream stays open meanwhile.
    const { events } = await readEvents(chatUrl(), {
      body: { messages: [{ role: 'user', content: 'Think hard' }] },
      timeoutMs: 20_000,
      until: (event) => {
        if (event.event === 'start') chatId = String(event.data['chat_id']);
        if (event.event === 'delta')
          stopping ??= fetch(`${server.url}/api/v1/projects/shop/chats/${chatId}/stop`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          });
        return event.event === 'done';
      },
    });
    const { stopped } = (await (await stopping!).json()) as { stopped: string[] };
    expect(stopped).toHaveLength(1);
    const messageId = stopped[0]!;
    expect(events.at(-1)).toMatchObject({
      event: 'done',
      data: { message_id: messageId, finish_reason: 'stopped' },
    });
    const reply = (await history(`chat_id=${chatId}`)).find((message) => message.id === messageId);
    // The model sent one chunk and stalled: that chunk is what the reply keeps.
    expect(reply).toMatchObject({
      finish_reason: 'stopped',
      content: 'Let me think about this project for a wh',
    });
    expect(text(events)).toBe(reply!.content);

    const gone = new AbortController();
    const started = await readEvents(chatUrl(), {
      body: { messages: [{ role: 'user', content: 'Think again' }] },
      until: (event) => event.event === 'delta',
      signal: gone.signal,
    });
    const goneChat = String(started.events[0]!.data['chat_id']);
    gone.abort();
    await waitFor(
      async () => (await history(`chat_id=${goneChat}`)).length === 2,
      'the stopped reply to be stored',
    );
    expect((await history(`chat_id=${goneChat}`))[1]).toMatchObject({ finish_reason: 'stopped' });
  });

  it('asks before a task that acts outside the project, and "/confirm <id>" proceeds', async () => {
    model.scenario = 'copilot-confirm';
    const proposal = await ask({
      messages: [{ role: 'user', content: 'Explore my app at http://127.0.0.1:9/' }],
    });
    const calls = proposal['tool_calls'] as { name: string; output: { confirmation_id?: string } }[];
    const id = calls[0]!.output.confirmation_id!;
    expect(calls[0]).toMatchObject({ name: 'start_task', output: { needs_confirmation: true } });
    expect(proposal['tasks']).toEqual([]);
    const requestsBefore = model.requests.length;
    const confirmed = await ask({
      chat_id: proposal['chat_id'],
      messages: [{ role: 'user', content: `/confirm ${id}` }],
    });
    // Loopback targets are refused by the SSRF guard: the confirmation reached the submission path.
    expect((confirmed['message'] as Json)['content']).toContain('127.0.0.1');
    const unknown = await ask({
      chat_id: proposal['chat_id'],
      messages: [{ role: 'user', content: '/confirm 0badc0de' }],
    });
    expect((unknown['message'] as Json)['content']).toContain('Nothing waits for confirmation');
    expect(model.requests.length).toBe(requestsBefore);
  });

  it('runs slash commands without the model: real tasks, their progress, /help, /triage, /status', async () => {
    const before = model.requests.length;
    const { events } = await readEvents(chatUrl(), {
      body: { messages: [{ role: 'user', content: '/plan Users can reset their password by e-mail.' }] },
      timeoutMs: 120_000,
    });
    const result = events.find((event) => event.event === 'tool_result')!.data;
    const task = (result['output'] as { tasks: { task_id: string; kind: string }[] }).tasks[0]!;
    expect(task.kind).toBe('test-plan');
    const progress = events.filter((event) => event.event === 'progress');
    expect(progress.at(-1)!.data).toMatchObject({ task_id: task.task_id, status: 'completed' });
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { finish_reason: 'command' } });
    const job = await server.runtime.stores.jobs.get(task.task_id);
    expect(job).toMatchObject({ projectId: 'shop', kind: 'test-plan', status: 'completed' });

    const help = await ask({ messages: [{ role: 'user', content: '/help' }] });
    for (const command of ['/generate', '/check', '/optimize', '/plan', '/triage', '/status', '/report'])
      expect((help['message'] as Json)['content']).toContain(command);
    const triage = await ask({ messages: [{ role: 'user', content: '/triage' }] });
    expect((triage['message'] as Json)['content']).toContain('not available in this build');
    const status = await ask({ messages: [{ role: 'user', content: '/status' }] });
    expect((status['message'] as Json)['content']).toContain(task.task_id);
    const usage = await ask({ messages: [{ role: 'user', content: '/generate api' }] });
    expect((usage['message'] as Json)['content']).toContain('/generate api <openapi url>');
    const unknown = await ask({ messages: [{ role: 'user', content: '/frobnicate' }] });
    expect((unknown['message'] as Json)['content']).toContain('There is no /frobnicate command');
    expect(model.requests.length).toBe(before);
  });

  it('answers free text without a model by saying how to configure one', async () => {
    const response = await noModel.inject({
      method: 'POST',
      url: '/api/v1/projects/shop/chat',
      payload: { messages: [{ role: 'user', content: 'Why did the last run fail?' }] },
    });
    const body = response.json<Json>();
    expect(body).toMatchObject({
      finish_reason: 'no-model',
      model: null,
      message: { content: NO_MODEL_ANSWER },
    });
    expect(NO_MODEL_ANSWER).toContain('TESTOPS_LLM_BASE_URL');
    const command = await noModel.inject({
      method: 'POST',
      url: '/api/v1/chat',
      payload: { messages: [{ role: 'user', content: '/status' }], project_id: 'shop' },
    });
    expect(command.json<Json>()).toMatchObject({ chat_id: null, finish_reason: 'command' });
  });

  it('counts chat requests in /metrics', async () => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/testops_chat_requests_total\{mode="model",outcome="ok"\} \d+/);
    expect(metrics).toMatch(/testops_chat_requests_total\{mode="command",outcome="ok"\} \d+/);
    expect(metrics).toMatch(/testops_chat_requests_total\{mode="model",outcome="stopped"\} [12]/);
    expect(metrics).toMatch(/testops_llm_requests_total\{[^}]*model="fixture-chat"[^}]*\} \d+/);
  });
});
