/**
 * What a copilot turn streams, in order: `start`, then text `delta`s, `tool_call`s with their
 * `tool_result`s and the `progress` of tasks it started, then `usage` and `done` — or `error`
 * and `done`. Over HTTP each is one Server-Sent Event named by `type`.
 */
export type CopilotEvent =
  | {
      type: 'start';
      chat_id: string;
      /** The reply's id: stop it with POST …/chats/{chat_id}/stop, find it in the history. */
      message_id: string;
      user_message_id: string | null;
      parent_id: string | null;
      trace_id: string;
      /** The model answering, or null for a slash command or when no model is configured. */
      model: string | null;
    }
  | { type: 'delta'; text: string }
  | { type: 'tool_call'; id: string; name: string; input: unknown }
  | { type: 'tool_result'; id: string; name: string; output: unknown; error?: string }
  | {
      type: 'progress';
      task_id: string;
      kind: string;
      status: string;
      percent: number | null;
      stage: string | null;
    }
  | { type: 'usage'; model: string; input_tokens: number; output_tokens: number; latency_ms: number }
  | { type: 'done'; message_id: string; finish_reason: string }
  | { type: 'error'; code: string; message: string };

/** A task a command or tool started, as the chat reports it. */
export interface StartedTask {
  task_id: string;
  kind: string;
  status: string;
  task_url: string;
  stream_url: string;
}
