import { afterEach, describe, expect, it, vi } from 'vitest';
import { deltaOf, sendChat, tasksIn } from './chat-reply.ts';

afterEach(() => vi.restoreAllMocks());

describe('sendChat', () => {
  it('reads an OpenAI-style stream chunk by chunk, with the chat id and the tasks it started', async () => {
    const stream = [
      'data: {"chat_id":"c1","choices":[{"delta":{"content":"Started "}}]}\n\n',
      'data: {"choices":[{"delta":{"content":"task 0f8fad5b-d9cb-469f-a165-70867728950e"}}]}\n\n',
      'data: [DONE]\n\n',
    ].join('');
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(stream, { headers: { 'content-type': 'text/event-stream' } }));
    const deltas: string[] = [];
    const reply = await sendChat(
      'demo',
      { messages: [{ role: 'user', content: '/generate' }], chatId: undefined },
      (d) => deltas.push(d),
    );
    expect(deltas).toEqual(['Started ', 'task 0f8fad5b-d9cb-469f-a165-70867728950e']);
    expect(reply).toEqual({
      chatId: 'c1',
      content: deltas.join(''),
      tasks: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
    });
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body))).toEqual({
      messages: [{ role: 'user', content: '/generate' }],
    });
  });

  it('reads the service’s own events: start with the chat id, text deltas, tasks it started', async () => {
    const stream = [
      'event: start\ndata: {"type":"start","chat_id":"c9","message_id":"m","model":null}\n\n',
      'event: delta\ndata: {"type":"delta","text":"Started it."}\n\n',
      'event: tool_result\ndata: {"type":"tool_result","id":"t","name":"generate","output":{"started":{"task_id":"0f8fad5b-d9cb-469f-a165-70867728950e"}}}\n\n',
      'event: done\ndata: {"type":"done","message_id":"m","finish_reason":"stop"}\n\n',
    ].join('');
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } }),
    );
    const reply = await sendChat(
      'demo',
      { messages: [{ role: 'user', content: '/generate' }], chatId: undefined },
      () => {},
    );
    expect(reply).toEqual({
      chatId: 'c9',
      replyId: 'm',
      content: 'Started it.',
      tasks: ['0f8fad5b-d9cb-469f-a165-70867728950e'],
    });
  });

  it('reads a whole JSON answer', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      Response.json({
        chat_id: 'c2',
        choices: [{ message: { role: 'assistant', content: 'Commands: /help' } }],
      }),
    );
    const reply = await sendChat(
      'demo',
      { messages: [{ role: 'user', content: '/help' }], chatId: 'c2' },
      () => {},
    );
    expect(reply).toMatchObject({ chatId: 'c2', content: 'Commands: /help' });
  });
});

describe('deltaOf and tasksIn', () => {
  it('finds text in the shapes a chat answer takes, and only task ids named as tasks', () => {
    expect(deltaOf({ content: 'a' })).toBe('a');
    expect(deltaOf({ message: { content: 'b' } })).toBe('b');
    expect(
      tasksIn({ tool: 'generate', output: { request_id: '0f8fad5b-d9cb-469f-a165-70867728950e' } }),
    ).toHaveLength(1);
    expect(tasksIn('project 0f8fad5b-d9cb-469f-a165-70867728950e')).toEqual([]);
  });
});
