import type { ChatMessage } from '../../api/api-types.ts';

let seq = 0;

/** A stored chat message shaped like the history route's, each one a second newer than the last. */
export function message(
  id: string,
  parent: string | null,
  role: ChatMessage['role'],
  content = id,
  chat = 'chat-1',
): ChatMessage {
  seq += 1;
  return {
    id,
    chat_id: chat,
    parent_id: parent,
    role,
    content,
    tool_calls: null,
    model: null,
    usage: { input_tokens: null, output_tokens: null },
    latency_ms: null,
    finish_reason: null,
    error: null,
    trace_id: null,
    span_id: null,
    created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
  };
}
