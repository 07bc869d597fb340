import { z } from 'zod';
import type { Chat, MessageRecord } from '../store/stores.ts';
import { projectIdSchema } from '../jobs/job-inputs.ts';
import { projectParams } from './project-contracts.ts';

const messageId = z.uuid({ error: 'a message id as the history returns it' });
const chatId = z.uuid({ error: 'a chat id as returned when the chat was created' });

/** Chats of a project and their messages (the history). */

const title = z.string().trim().min(1, 'a title, e.g. "Login tests"').max(200, 'at most 200 characters');

export const newChatSchema = z.strictObject({ title: title.optional() });
export const chatChangesSchema = z.strictObject({ title });

export const chatParams = projectParams.extend({
  chat_id: chatId,
});

export const chatSchema = z.object({
  id: z.string(),
  project_id: z.string(),
  title: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  links: z.object({ self: z.string(), history: z.string() }),
});

export const chatDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const chatListSchema = z.object({ items: z.array(chatSchema), limit: z.number(), offset: z.number() });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const historyQuery = z.object({
  chat_id: chatId.optional(),
  trace_id: z
    .string()
    .regex(/^[0-9a-f]{32}$/, 'a W3C trace id: 32 lower-case hex digits')
    .optional()
    .describe('Messages of one traced request (as in the logs and the trace backend).'),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'the next_cursor of the previous page')
    .optional(),
  order: z.enum(['asc', 'desc']).default('desc').describe('desc: newest first; asc: oldest first.'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const toolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
  output: z.unknown().optional(),
});

export const messageSchema = z.object({
  id: z.string(),
  chat_id: z.string(),
  parent_id: z.string().nullable(),
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  tool_calls: z.array(toolCallSchema).nullable(),
  model: z.string().nullable(),
  usage: z.object({ input_tokens: z.number().nullable(), output_tokens: z.number().nullable() }),
  latency_ms: z.number().nullable(),
  finish_reason: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  trace_id: z.string().nullable(),
  span_id: z.string().nullable(),
  created_at: z.string(),
});

export const historySchema = z.object({
  items: z.array(messageSchema),
  next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
});

export function chatView(chat: Chat): z.infer<typeof chatSchema> {
  const project = `/api/v1/projects/${chat.projectId}`;
  return {
    id: chat.id,
    project_id: chat.projectId,
    title: chat.title,
    created_at: chat.createdAt.toISOString(),
    updated_at: chat.updatedAt.toISOString(),
    links: {
      self: `${project}/chats/${chat.id}`,
      history: `${project}/history?chat_id=${chat.id}&order=asc`,
    },
  };
}

export function messageView(message: MessageRecord): z.infer<typeof messageSchema> {
  return {
    id: message.id,
    chat_id: message.chatId,
    parent_id: message.parentId ?? null,
    role: message.role,
    content: message.content,
    tool_calls: message.toolCalls ?? null,
    model: message.model ?? null,
    usage: { input_tokens: message.inputTokens ?? null, output_tokens: message.outputTokens ?? null },
    latency_ms: message.latencyMs ?? null,
    finish_reason: message.finishReason ?? null,
    error: message.error ?? null,
    trace_id: message.traceId ?? null,
    span_id: message.spanId ?? null,
    created_at: message.createdAt.toISOString(),
  };
}

const turnMessage = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(100_000, 'at most 100,000 characters per message'),
});

const messagesField = z
  .array(turnMessage)
  .max(500, 'at most 500 messages')
  .describe(
    'OpenAI-style messages; the last user message is the question. In an existing chat the stored branch is the history and earlier messages are ignored.',
  );

export const projectChatRequestSchema = z.object({
  messages: messagesField.default([]),
  chat_id: z
    .string()
    .max(200)
    .optional()
    .describe('The chat to continue; a new chat is started when absent.'),
  parent_id: messageId
    .optional()
    .describe('The message the question follows: an earlier one edits the conversation (a sibling branch).'),
  regenerate_id: messageId
    .optional()
    .describe('An assistant reply to answer again: the new reply is its sibling. No new question is needed.'),
  stream: z.boolean().optional().describe('Server-Sent Events, as with "Accept: text/event-stream".'),
});

export const statelessChatRequestSchema = z.object({
  messages: messagesField.min(1, 'at least one message'),
  project_id: projectIdSchema.optional().describe('The project the copilot reads; "default" when absent.'),
  stream: z.boolean().optional(),
});

export const stopRequestSchema = z
  .object({
    message_id: messageId.optional().describe('One reply; every reply of the chat when absent.'),
  })
  .optional();

export const stoppedSchema = z.object({
  stopped: z.array(z.string()).describe('Ids of the replies stopped (none when nothing was in flight here).'),
});

const startedTaskSchema = z.object({
  task_id: z.string(),
  kind: z.string(),
  status: z.string(),
  task_url: z.string(),
  stream_url: z.string(),
});

export const chatReplySchema = z.object({
  id: z.string().describe('The reply message id'),
  chat_id: z.string().nullable().describe('null for the stateless endpoint'),
  parent_id: z.string().nullable(),
  user_message_id: z.string().nullable(),
  trace_id: z.string(),
  model: z.string().nullable(),
  message: z.object({ role: z.literal('assistant'), content: z.string() }),
  finish_reason: z.string(),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number(), latency_ms: z.number() }).nullable(),
  tool_calls: z.array(toolCallSchema),
  tasks: z.array(startedTaskSchema),
});
