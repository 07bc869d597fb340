import { z } from 'zod';

// The chat-completions and embeddings request bodies an OpenAI-compatible server accepts
// (platform.openai.com/docs/api-reference/chat/create): the fixture server refuses others with
// 400, as a real server does, so a malformed request from our adapter fails its tests.

const contentPart = z.looseObject({ type: z.string() });
const message = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('system'), content: z.string() }),
  z.looseObject({ role: z.literal('developer'), content: z.string() }),
  z.looseObject({ role: z.literal('user'), content: z.union([z.string(), z.array(contentPart).min(1)]) }),
  z.looseObject({
    role: z.literal('assistant'),
    content: z.string().nullable().optional(),
    tool_calls: z.array(z.looseObject({ id: z.string(), type: z.literal('function') })).optional(),
  }),
  z.looseObject({ role: z.literal('tool'), content: z.string(), tool_call_id: z.string() }),
]);

const responseFormat = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: z.string().regex(/^[\w-]{1,64}$/),
      schema: z.record(z.string(), z.unknown()),
      description: z.string().optional(),
      strict: z.boolean().nullable().optional(),
    }),
  }),
]);

const tool = z.object({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string().regex(/^[\w-]{1,64}$/),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const chatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean() }).optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  max_tokens: z.number().int().positive().optional(),
  max_completion_tokens: z.number().int().positive().optional(),
  response_format: responseFormat.optional(),
  tools: z.array(tool).optional(),
  tool_choice: z
    .union([z.enum(['none', 'auto', 'required']), z.object({ type: z.literal('function') }).loose()])
    .optional(),
  seed: z.number().int().optional(),
});

export const embeddingsRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  encoding_format: z.enum(['float', 'base64']).optional(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
