import { apiFetch } from '../../api/api-client.ts';
import { createSseParser } from '../../api/sse-parser.ts';

export interface ChatTurn {
  /** The stored message's id (absent while a reply streams in). */
  id?: string | undefined;
  role: 'user' | 'assistant';
  content: string;
  /** Jobs the reply started, shown as links. */
  tasks: string[];
}

const TASK_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;

/** Task ids a reply names: in tool results (`request_id`, `task_id`) or in its text next to a task link. */
export function tasksIn(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  const found = new Set<string>();
  for (const match of text.matchAll(TASK_ID)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (/(tasks\/|jobs\/|request_id|task_id|task|job)\W*$/i.test(before)) found.add(match[0]);
  }
  return [...found];
}

/** The text of one streamed chunk or a whole answer, OpenAI-style or the service's own. */
export function deltaOf(data: unknown): string {
  if (typeof data === 'string') return data === '[DONE]' ? '' : data;
  const value = data as Record<string, unknown> | null;
  const choice = (
    value?.['choices'] as { delta?: { content?: string }; message?: { content?: string } }[] | undefined
  )?.[0];
  if (choice) return choice.delta?.content ?? choice.message?.content ?? '';
  for (const key of ['delta', 'content', 'text', 'reply'])
    if (typeof value?.[key] === 'string') return value[key] as string;
  const message = value?.['message'] as { content?: unknown } | undefined;
  return typeof message?.content === 'string' ? message.content : '';
}

export interface ChatReply {
  chatId: string | undefined;
  /** The reply's id, to regenerate it. */
  replyId?: string | undefined;
  content: string;
  tasks: string[];
}

/**
 * Sends the conversation to `POST /api/v1/projects/{id}/chat` and reads the answer, streamed
 * (Server-Sent Events, `onDelta` per chunk) or whole (JSON).
 */
export async function sendChat(
  projectId: string,
  input: {
    messages: { role: string; content: string }[];
    chatId: string | undefined;
    /** The stored message the question follows: continues the branch on screen. */
    parentId?: string | undefined;
    /** Asks for another answer to the question this reply answered (in the same chat). */
    regenerateId?: string | undefined;
  },
  onDelta: (text: string) => void,
  signal?: AbortSignal,
): Promise<ChatReply> {
  const response = await apiFetch(`/api/v1/projects/${encodeURIComponent(projectId)}/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream, application/json' },
    body: JSON.stringify({
      messages: input.messages,
      ...(input.chatId ? { chat_id: input.chatId } : {}),
      ...(input.chatId && input.parentId && !input.regenerateId ? { parent_id: input.parentId } : {}),
      ...(input.regenerateId ? { regenerate_id: input.regenerateId } : {}),
    }),
    ...(signal ? { signal } : {}),
  });
  let chatId = input.chatId ?? response.headers.get('x-chat-id') ?? undefined;
  const tasks = new Set<string>();
  let replyId: string | undefined;
  const note = (data: unknown) => {
    const record = data as Record<string, unknown> | null;
    if (typeof record?.['chat_id'] === 'string') chatId = record['chat_id'];
    if (record?.['type'] === 'start' && typeof record['message_id'] === 'string')
      replyId = record['message_id'];
    if (typeof record?.['id'] === 'string' && record['message'] !== undefined) replyId = record['id'];
    tasksIn(data).forEach((id) => tasks.add(id));
  };
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    const body = (await response.json()) as unknown;
    note(body);
    const content = deltaOf(body);
    onDelta(content);
    return { chatId, replyId, content, tasks: [...tasks] };
  }
  let content = '';
  const parse = createSseParser();
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const event of parse(value)) {
      note(event.data);
      if (event.event === 'error') {
        const failure = event.data as { code?: string; message?: string } | null;
        throw new Error(`${failure?.code ?? 'error'}: ${failure?.message ?? 'the chat failed'}`);
      }
      const delta = deltaOf(event.data);
      if (delta && event.event !== 'done') {
        content += delta;
        onDelta(delta);
      }
    }
  }
  return { chatId, replyId, content, tasks: [...tasks] };
}
