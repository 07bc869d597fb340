/**
 * The chat port: a conversation streamed from a model that may call tools. Types only — the
 * adapter is in `src/llm/chat-stream.ts`. Tool inputs the model sends are validated against the
 * tool's schema before `execute` runs; a tool's output goes back to the model as data.
 */
import type { ZodType } from 'zod';
import type { ModelUsage } from './model-client.ts';

export interface ChatTool<Input = unknown> {
  /** `[a-z_]{1,64}`: the name the model calls it by. */
  name: string;
  /** What it does and when to use it, for the model. */
  description: string;
  inputSchema: ZodType<Input>;
  execute(input: Input, options: { signal: AbortSignal; callId: string }): Promise<unknown>;
}

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatStreamRequest {
  /** What the call is for, in usage records and spans. */
  task: string;
  /** Our instructions; the user's words are only ever in `messages`. */
  system: string;
  messages: ChatTurn[];
  tools: ChatTool[];
  /** Model steps at most (each tool round trip is one). */
  maxSteps: number;
  /** Stops the reply: the stream ends with finish reason `stopped`. */
  signal: AbortSignal;
  temperature?: number;
  maxOutputTokens?: number;
}

/** What a streamed reply yields, in order; `finish` comes last unless the stream throws. */
export type ChatStreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; id: string; name: string; input: unknown }
  | { type: 'tool-result'; id: string; name: string; output: unknown; error?: string }
  | {
      type: 'finish';
      /** stop, length, tool-calls (steps ran out), content-filter, stopped (aborted), other. */
      finishReason: string;
      /** The reply's model calls summed (one per step). */
      usage: ModelUsage;
    };

export interface ChatModel {
  readonly provider: string;
  readonly model: string;
  /** Throws `ModelError` when the provider fails before or during the stream. */
  streamChat(request: ChatStreamRequest): AsyncIterable<ChatStreamPart>;
}
