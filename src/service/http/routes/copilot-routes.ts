import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { TestopsError } from '../../../core/errors.ts';
import { chatModelAccess } from '../../copilot/chat-model-access.ts';
import type { CopilotEvent } from '../../copilot/copilot-events.ts';
import { Copilot, type OpenTurn } from '../../copilot/copilot.ts';
import { defaultCopilotRegistry } from '../../copilot/default-registry.ts';
import type { TurnRequest } from '../../copilot/turn-setup.ts';
import { DEFAULT_PROJECT } from '../../store/stores.ts';
import { actorOf } from '../auth.ts';
import {
  chatParams,
  chatReplySchema,
  projectChatRequestSchema,
  statelessChatRequestSchema,
  stoppedSchema,
  stopRequestSchema,
} from '../chat-contracts.ts';
import { errorResponseSchema } from '../contracts.ts';
import { projectParams } from '../project-contracts.ts';
import type { ServiceContext } from '../service-context.ts';
import { visibleChat } from './chat-routes.ts';
import { visibleProject } from './project-routes.ts';

const HEARTBEAT_MS = 15_000;
const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  502: errorResponseSchema,
  503: errorResponseSchema,
  504: errorResponseSchema,
};

/** The copilot over HTTP: a project's chat (SSE or one JSON reply), stopping a reply, the stateless chat. */
export function registerCopilotRoutes(app: FastifyInstance, context: ServiceContext): Copilot {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const copilot = new Copilot(
    context,
    context.copilot ?? defaultCopilotRegistry(),
    chatModelAccess(context.config.llm, context.metrics),
  );
  typed.post(
    '/api/v1/projects/:id/chat',
    {
      schema: {
        summary:
          'Ask the project copilot: Server-Sent Events with "Accept: text/event-stream", else one JSON reply',
        description:
          'Events: start, delta, tool_call, tool_result, progress (tasks it started), usage, done, error. Slash commands (/help) work without a model.',
        tags: ['chat'],
        params: projectParams,
        body: projectChatRequestSchema,
        response: { 200: chatReplySchema, ...errors },
      },
    },
    async (request, reply) => {
      const project = await visibleProject(context, request, request.params.id);
      const { messages, chat_id, parent_id, regenerate_id, stream } = request.body;
      const turnRequest: TurnRequest = {
        projectId: project.id,
        messages,
        chatId: chat_id,
        parentId: parent_id,
        regenerateId: regenerate_id,
      };
      return answer(copilot, request, reply, turnRequest, { stream, stateless: false });
    },
  );
  typed.post(
    '/api/v1/chat',
    {
      schema: {
        summary: 'Ask the copilot without a stored chat: the request holds the whole conversation',
        tags: ['chat'],
        body: statelessChatRequestSchema,
        response: { 200: chatReplySchema, ...errors },
      },
    },
    async (request, reply) => {
      const project = await visibleProject(context, request, request.body.project_id ?? DEFAULT_PROJECT);
      const turnRequest = { projectId: project.id, messages: request.body.messages };
      return answer(copilot, request, reply, turnRequest, { stream: request.body.stream, stateless: true });
    },
  );
  typed.post(
    '/api/v1/projects/:id/chats/:chat_id/stop',
    {
      schema: {
        summary: 'Stop the reply (or every reply) being streamed in a chat; what it said so far is kept',
        tags: ['chat'],
        params: chatParams,
        body: stopRequestSchema,
        response: { 200: stoppedSchema, ...errors },
      },
    },
    async (request) => {
      const chat = await visibleChat(context, request, request.params.id, request.params.chat_id);
      return { stopped: copilot.replies.stop(chat.id, request.body?.message_id) };
    },
  );
  return copilot;
}

async function answer(
  copilot: Copilot,
  request: FastifyRequest,
  reply: FastifyReply,
  turnRequest: TurnRequest,
  options: { stream: boolean | undefined; stateless: boolean },
): Promise<FastifyReply | z.infer<typeof chatReplySchema>> {
  const streamed = options.stream ?? String(request.headers.accept ?? '').includes('text/event-stream');
  const closed = new AbortController();
  // The client went away before the reply ended: stop it (what was said is still stored).
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) closed.abort(new Error('the client closed the connection'));
  });
  const turn = await copilot.open(turnRequest, {
    actor: actorOf(request),
    followTasks: streamed,
    signal: closed.signal,
    headers: request.headers,
    stateless: options.stateless,
  });
  if (streamed) return streamTurn(turn, request, reply);
  const events: CopilotEvent[] = [];
  await turn.run((event) => events.push(event));
  return replyOf(turn, events, options.stateless);
}

async function streamTurn(
  turn: OpenTurn,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    await turn.run((event) => {
      if (!raw.writableEnded && !raw.destroyed)
        raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
  } catch (error) {
    request.log.error({ err: error }, 'chat stream failed');
  } finally {
    clearInterval(heartbeat);
    raw.end();
  }
  return reply;
}

function replyOf(
  turn: OpenTurn,
  events: CopilotEvent[],
  stateless: boolean,
): z.infer<typeof chatReplySchema> {
  const failure = events.find((event) => event.type === 'error');
  const text = events.flatMap((event) => (event.type === 'delta' ? [event.text] : [])).join('');
  // Nothing usable came back: answer with the failure's own status (502/503/504 for the model).
  if (failure && !text) throw new TestopsError(failure.code as 'TESTOPS_INTERNAL', failure.message);
  const usage = events.find((event) => event.type === 'usage');
  const done = events.find((event) => event.type === 'done');
  const start = events.find((event) => event.type === 'start');
  const calls = new Map<string, { id: string; name: string; input: unknown; output?: unknown }>();
  const tasks = [];
  for (const event of events) {
    if (event.type === 'tool_call')
      calls.set(event.id, { id: event.id, name: event.name, input: event.input });
    if (event.type === 'tool_result') {
      const call = calls.get(event.id);
      if (call) call.output = event.error ? { error: event.error } : event.output;
      const output = event.output as { tasks?: unknown[]; started?: unknown } | undefined;
      tasks.push(...(output?.tasks ?? []), ...(output?.started ? [output.started] : []));
    }
  }
  const { prepared } = turn;
  return {
    id: prepared.replyId,
    chat_id: stateless ? null : prepared.chat.id,
    parent_id: prepared.parentId ?? null,
    user_message_id: prepared.question?.id ?? null,
    trace_id: prepared.traceId,
    model: start?.type === 'start' ? start.model : null,
    message: { role: 'assistant', content: text },
    finish_reason: done?.type === 'done' ? done.finish_reason : 'error',
    usage:
      usage?.type === 'usage'
        ? {
            input_tokens: usage.input_tokens,
            output_tokens: usage.output_tokens,
            latency_ms: usage.latency_ms,
          }
        : null,
    tool_calls: [...calls.values()],
    tasks: tasks as z.infer<typeof chatReplySchema>['tasks'],
  };
}
