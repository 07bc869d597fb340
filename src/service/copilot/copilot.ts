import { readFileSync } from 'node:fs';
import { context as otelContext, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { ChatModel, ChatTool } from '../../core/chat-model.ts';
import { describeError, isTestopsError } from '../../core/errors.ts';
import type { ServiceContext } from '../http/service-context.ts';
import { contextFromHeaders, TRACER_NAME, withSpan } from '../observability/spans.ts';
import type { StoredToolCall } from '../store/stores.ts';
import type { CopilotEvent, StartedTask } from './copilot-events.ts';
import type { CommandReply, CopilotRegistry, CopilotScope } from './copilot-registry.ts';
import { followTask } from './follow-task.ts';
import { RepliesInFlight } from './replies-in-flight.ts';
import { prepareTurn, statelessTurn, type PreparedTurn, type TurnRequest } from './turn-setup.ts';

const SYSTEM_PROMPT = readFileSync(new URL('./copilot-prompt.md', import.meta.url), 'utf8');
/** Model steps per reply: each tool round trip is one. */
const MAX_STEPS = 6;

export const NO_MODEL_ANSWER = [
  'Free-text questions need a language model, and none is configured on this server.',
  'Set TESTOPS_LLM_BASE_URL (or TESTOPS_LLM_PROVIDER), TESTOPS_LLM_API_KEY and TESTOPS_LLM_MODEL and restart it;',
  '`testops llm check` tells whether the model answers. Slash commands work without one: type /help.',
].join(' ');

/** The model the copilot talks to: undefined when none is configured. */
export type ChatModelAccess = () => Promise<ChatModel | undefined>;

export interface TurnOptions {
  actor: string;
  /** Stays open to relay the progress of tasks it started (streamed replies). */
  followTasks: boolean;
  /** The client went away: stops the reply like a stop request. */
  signal: AbortSignal;
  headers: Record<string, string | string[] | undefined>;
}

/** A turn whose question is stored: `run` answers it, pushing events as they happen. */
export interface OpenTurn {
  prepared: PreparedTurn;
  run(emit: (event: CopilotEvent) => void): Promise<void>;
}

/**
 * The project copilot: slash commands (no model needed) and free text answered by the model
 * with tools over the project. Every reply is stored in the chat's tree with what it cost.
 */
export class Copilot {
  readonly replies = new RepliesInFlight();

  constructor(
    private readonly service: ServiceContext,
    readonly registry: CopilotRegistry,
    private readonly model: ChatModelAccess,
  ) {}

  /**
   * Stores the question (errors here are the request's: 4xx before anything streams). With
   * `stateless`, the request's messages are the whole conversation and nothing is stored.
   */
  async open(request: TurnRequest, options: TurnOptions & { stateless?: boolean }): Promise<OpenTurn> {
    const span = trace.getTracer(TRACER_NAME).startSpan('copilot turn', {
      attributes: { 'testops.project': request.projectId },
    });
    try {
      const ids = traceIds(span, options.headers);
      const prepared = options.stateless
        ? statelessTurn(request.projectId, request.messages, ids)
        : await prepareTurn(this.service.stores.chats, request, ids);
      span.setAttributes({ 'testops.chat': prepared.chat.id, 'testops.message': prepared.replyId });
      return { prepared, run: (emit) => this.#run(prepared, span, options, emit) };
    } catch (error) {
      endSpan(span, error);
      throw error;
    }
  }

  async #run(
    turn: PreparedTurn,
    span: Span,
    options: TurnOptions,
    emit: (event: CopilotEvent) => void,
  ): Promise<void> {
    const controller = new AbortController();
    const stopOnClose = () => controller.abort(options.signal.reason);
    options.signal.addEventListener('abort', stopOnClose, { once: true });
    const forget = this.replies.add(turn.chat.id, turn.replyId, controller);
    const started = performance.now();
    const reply = new ReplyRecord();
    const question = turn.conversation.at(-1)?.content.trim() ?? '';
    const command = question.startsWith('/') && turn.conversation.at(-1)?.role === 'user';
    const scope: CopilotScope = {
      service: this.service,
      projectId: turn.chat.projectId,
      chatId: turn.chat.id,
      messageId: turn.replyId,
      actor: options.actor,
      signal: controller.signal,
    };
    const send = (event: CopilotEvent) => {
      reply.see(event);
      emit(event);
    };
    let mode: 'command' | 'model' | 'no-model' = command ? 'command' : 'model';
    await otelContext.with(trace.setSpan(otelContext.active(), span), async () => {
      try {
        const model = command ? undefined : await this.model();
        if (!command && !model) mode = 'no-model';
        send({
          type: 'start',
          chat_id: turn.chat.id,
          message_id: turn.replyId,
          user_message_id: turn.question?.id ?? null,
          parent_id: turn.parentId ?? null,
          trace_id: turn.traceId,
          model: model?.model ?? null,
        });
        if (command) await this.#command(question, scope, send);
        else if (!model) {
          send({ type: 'delta', text: NO_MODEL_ANSWER });
          reply.finishReason = 'no-model';
        } else await this.#model(model, turn, scope, send, reply);
        if (options.followTasks && reply.tasks.length > 0 && !controller.signal.aborted)
          await Promise.all(
            reply.tasks.map((task) => followTask(this.service, task, controller.signal, send)),
          );
      } catch (error) {
        reply.fail(error);
        send({ type: 'error', code: reply.error!.code, message: reply.error!.message });
        span.recordException(error instanceof Error ? error : String(error));
      } finally {
        if (controller.signal.aborted && !reply.error) reply.finishReason = 'stopped';
        forget();
        options.signal.removeEventListener('abort', stopOnClose);
      }
      reply.latencyMs = Math.round(performance.now() - started);
      await this.#store(turn, reply);
      this.service.metrics?.chatRequests.inc({ mode, outcome: reply.outcome() });
      send({ type: 'done', message_id: turn.replyId, finish_reason: reply.finishReason });
    });
    span.setAttributes({ 'testops.copilot.mode': mode, 'testops.copilot.finish_reason': reply.finishReason });
    endSpan(span, reply.error);
  }

  async #command(question: string, scope: CopilotScope, send: (event: CopilotEvent) => void): Promise<void> {
    const [head = ''] = question.slice(1).split(/\s+/);
    const name = head.toLowerCase();
    const args = question.slice(1 + head.length).trim();
    const command = this.registry.command(name);
    const id = `command-${scope.messageId}`;
    send({ type: 'tool_call', id, name: `/${name}`, input: { args } });
    if (!command) {
      const text = `There is no /${name} command. Type /help for the commands this chat understands.`;
      send({ type: 'tool_result', id, name: `/${name}`, output: { known: false } });
      send({ type: 'delta', text });
      return;
    }
    let result: CommandReply;
    try {
      result = await withSpan(`copilot command /${name}`, { 'testops.command': name }, () =>
        command.run(args, scope),
      );
    } catch (error) {
      // A command refused its arguments: the chat says why, the turn itself went fine.
      if (
        !isTestopsError(error) ||
        (error.code !== 'TESTOPS_INVALID_ARGUMENT' && error.code !== 'TESTOPS_URL_REFUSED')
      )
        throw error;
      send({ type: 'tool_result', id, name: `/${name}`, output: undefined, error: error.message });
      send({ type: 'delta', text: error.message });
      return;
    }
    send({
      type: 'tool_result',
      id,
      name: `/${name}`,
      output: { tasks: result.tasks ?? [], data: result.data ?? null },
    });
    send({ type: 'delta', text: result.text });
  }

  async #model(
    model: ChatModel,
    turn: PreparedTurn,
    scope: CopilotScope,
    send: (event: CopilotEvent) => void,
    reply: ReplyRecord,
  ): Promise<void> {
    reply.model = model.model;
    const stream = model.streamChat({
      task: 'copilot turn',
      system: SYSTEM_PROMPT,
      messages: turn.conversation.map((message) =>
        // A client's own system message is its data, not our instructions.
        message.role === 'system'
          ? { role: 'user' as const, content: `Context from the client:\n${message.content}` }
          : { role: message.role, content: message.content },
      ),
      tools: this.registry.tools(scope).map(traced),
      maxSteps: MAX_STEPS,
      signal: scope.signal,
    });
    for await (const part of stream) {
      switch (part.type) {
        case 'text-delta':
          send({ type: 'delta', text: part.text });
          break;
        case 'tool-call':
          send({ type: 'tool_call', id: part.id, name: part.name, input: part.input });
          break;
        case 'tool-result':
          send({
            type: 'tool_result',
            id: part.id,
            name: part.name,
            output: part.output,
            ...(part.error ? { error: part.error } : {}),
          });
          break;
        case 'finish':
          reply.finishReason = part.finishReason;
          reply.usage = { input: part.usage.inputTokens, output: part.usage.outputTokens };
          send({
            type: 'usage',
            model: model.model,
            input_tokens: part.usage.inputTokens,
            output_tokens: part.usage.outputTokens,
            latency_ms: part.usage.latencyMs,
          });
          break;
      }
    }
  }

  async #store(turn: PreparedTurn, reply: ReplyRecord): Promise<void> {
    if (!turn.stored) return;
    await this.service.stores.chats.append({
      id: turn.replyId,
      chatId: turn.chat.id,
      ...(turn.parentId ? { parentId: turn.parentId } : {}),
      role: 'assistant',
      content: reply.text,
      ...(reply.toolCalls.length ? { toolCalls: reply.toolCalls } : {}),
      ...(reply.model ? { model: reply.model } : {}),
      ...(reply.usage ? { inputTokens: reply.usage.input, outputTokens: reply.usage.output } : {}),
      latencyMs: reply.latencyMs,
      finishReason: reply.finishReason,
      ...(reply.error ? { error: reply.error } : {}),
      traceId: turn.traceId,
      spanId: turn.spanId,
    });
  }
}

/** What the reply has said and done so far: stored when it ends, however it ends. */
class ReplyRecord {
  text = '';
  toolCalls: StoredToolCall[] = [];
  tasks: StartedTask[] = [];
  model: string | undefined;
  usage: { input: number; output: number } | undefined;
  finishReason = 'command';
  error: { code: string; message: string } | undefined;
  latencyMs = 0;

  see(event: CopilotEvent): void {
    if (event.type === 'delta') this.text += event.text;
    else if (event.type === 'tool_call')
      this.toolCalls.push({ id: event.id, name: event.name, input: event.input });
    else if (event.type === 'tool_result') {
      const call = this.toolCalls.find((candidate) => candidate.id === event.id);
      if (call) call.output = event.error ? { error: event.error } : event.output;
      this.tasks.push(...startedTasks(event.output));
    }
  }

  fail(error: unknown): void {
    this.finishReason = 'error';
    this.error = {
      code: isTestopsError(error) ? error.code : 'TESTOPS_INTERNAL',
      message: isTestopsError(error) ? error.message : `the reply failed: ${describeError(error)}`,
    };
  }

  outcome(): 'ok' | 'stopped' | 'error' {
    if (this.error) return 'error';
    return this.finishReason === 'stopped' ? 'stopped' : 'ok';
  }
}

/** Tasks a tool or command reports having started: `{ tasks: [...] }` or `{ started: {...} }`. */
function startedTasks(output: unknown): StartedTask[] {
  const value = output as { tasks?: StartedTask[]; started?: StartedTask } | undefined;
  return [...(value?.tasks ?? []), ...(value?.started ? [value.started] : [])];
}

/** A span per tool call, a child of the turn's. */
function traced(tool: ChatTool): ChatTool {
  return {
    ...tool,
    execute: (input, options) =>
      withSpan(
        `copilot tool ${tool.name}`,
        { 'testops.tool': tool.name, 'testops.tool.call': options.callId },
        () => tool.execute(input, options),
      ),
  };
}

/** The turn's trace ids: its span's when tracing records, else the caller's traceparent, else new. */
function traceIds(
  span: Span,
  headers: Record<string, string | string[] | undefined>,
): { traceId: string | undefined; spanId: string | undefined } {
  if (span.isRecording()) return { traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
  const incoming = trace.getSpanContext(contextFromHeaders(headers));
  return { traceId: incoming?.traceId, spanId: undefined };
}

function endSpan(span: Span, error: unknown): void {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: describeError(error) });
  span.end();
}
