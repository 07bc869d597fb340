import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { stepCountIs, streamText, tool, type LanguageModel, type ToolSet } from 'ai';
import type { ChatStreamPart, ChatStreamRequest, ChatTool } from '../core/chat-model.ts';
import type { UsageSink } from '../core/model-client.ts';
import { describeError } from '../core/errors.ts';
import { asModelError } from './ai-sdk-completion.ts';
import { MODEL_TRACER, modelSpanAttributes } from './model-span.ts';
import type { PriceTable } from './price-table.ts';
import { usageRecord } from './usage-record.ts';

export interface ChatStreamOptions {
  provider: string;
  model: string;
  languageModel: LanguageModel;
  prices?: PriceTable;
  onUsage?: UsageSink;
}

/**
 * A reply streamed with the AI SDK's `streamText`, tools run between steps (their inputs checked
 * against their schemas by the SDK first). Requests go through the client's resilient fetch, so
 * timeouts, retries, the breaker and the concurrency limit apply to every step. Text is passed
 * through as the user's answer: nothing here reads it as data.
 */
export async function* streamChatReply(
  options: ChatStreamOptions,
  request: ChatStreamRequest,
): AsyncGenerator<ChatStreamPart> {
  const span = trace.getTracer(MODEL_TRACER).startSpan(`chat ${options.model}`, {
    attributes: modelSpanAttributes({ provider: options.provider, model: options.model, task: request.task }),
  });
  const started = performance.now();
  const usage = (
    tokens: { inputTokens: number; outputTokens: number; cachedInputTokens: number } | undefined,
    ok: boolean,
  ) => {
    const record = usageRecord(
      options,
      request.task,
      {
        ...(tokens ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 }),
        latencyMs: Math.round(performance.now() - started),
      },
      ok ? 'ok' : 'failed',
      options.prices,
    );
    options.onUsage?.(record);
    span.setAttributes({
      'gen_ai.usage.input_tokens': record.inputTokens,
      'gen_ai.usage.output_tokens': record.outputTokens,
    });
    return record;
  };
  let finished = false;
  try {
    const result = context.with(trace.setSpan(context.active(), span), () =>
      streamText({
        model: options.languageModel,
        system: request.system,
        messages: request.messages.map((turn) => ({ role: turn.role, content: turn.content })),
        tools: toolSet(request.tools),
        stopWhen: stepCountIs(request.maxSteps),
        abortSignal: request.signal,
        maxRetries: 0,
        onError: () => {},
        ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
        ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
      }),
    );
    for await (const part of result.fullStream) {
      switch (part.type) {
        case 'text-delta':
          yield { type: 'text-delta', text: part.text };
          break;
        case 'tool-call':
          yield { type: 'tool-call', id: part.toolCallId, name: part.toolName, input: part.input };
          break;
        case 'tool-result':
          yield { type: 'tool-result', id: part.toolCallId, name: part.toolName, output: part.output };
          break;
        case 'tool-error':
          yield {
            type: 'tool-result',
            id: part.toolCallId,
            name: part.toolName,
            output: undefined,
            error: describeError(part.error),
          };
          break;
        case 'abort':
          finished = true;
          yield { type: 'finish', finishReason: 'stopped', usage: usage(undefined, true) };
          return;
        case 'error':
          throw part.error;
        case 'finish':
          finished = true;
          yield {
            type: 'finish',
            finishReason: request.signal.aborted ? 'stopped' : part.finishReason,
            usage: usage(
              {
                inputTokens: part.totalUsage.inputTokens ?? 0,
                outputTokens: part.totalUsage.outputTokens ?? 0,
                cachedInputTokens: part.totalUsage.inputTokenDetails?.cacheReadTokens ?? 0,
              },
              true,
            ),
          };
          return;
        default:
          break;
      }
    }
    if (!finished && request.signal.aborted)
      yield { type: 'finish', finishReason: 'stopped', usage: usage(undefined, true) };
  } catch (error) {
    if (request.signal.aborted) {
      yield { type: 'finish', finishReason: 'stopped', usage: usage(undefined, true) };
      return;
    }
    usage(undefined, false);
    const failure = asModelError(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
    throw failure;
  } finally {
    span.end();
  }
}

function toolSet(tools: ChatTool[]): ToolSet {
  return Object.fromEntries(
    tools.map((chatTool) => [
      chatTool.name,
      tool({
        description: chatTool.description,
        inputSchema: chatTool.inputSchema,
        execute: (input: unknown, { toolCallId, abortSignal }) =>
          chatTool.execute(input, {
            callId: toolCallId,
            signal: abortSignal ?? AbortSignal.abort(),
          }),
      }),
    ]),
  );
}
