import { createOpenAICompatible, type OpenAICompatibleProvider } from '@ai-sdk/openai-compatible';
import {
  embedMany,
  generateText,
  jsonSchema,
  streamText,
  tool,
  type LanguageModel,
  type OutputInterface,
} from 'ai';
import { ModelError } from '../core/model-errors.ts';
import { withModelSpan } from './model-span.ts';
import type { CompletionRequest, CompletionResult, TextCompletion } from './text-completion.ts';

export interface AiSdkCompletionOptions {
  provider: string;
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  embeddingModel: string | undefined;
  supportsStructuredOutputs: boolean;
  /** The resilient fetch: the SDK's own retries are off, ours honour Retry-After. */
  fetch: typeof fetch;
}

/**
 * The provider adapter: the AI SDK's OpenAI-compatible provider (Cloud.ru FM, OpenRouter, OpenAI,
 * vLLM, Ollama, LiteLLM). It returns text; only `structured-output.ts` turns text into data.
 */
export class AiSdkCompletion implements TextCompletion {
  readonly provider: string;
  readonly model: string;
  private readonly sdk: OpenAICompatibleProvider;

  constructor(private readonly options: AiSdkCompletionOptions) {
    this.provider = options.provider;
    this.model = options.model;
    this.sdk = createOpenAICompatible({
      name: options.provider,
      baseURL: options.baseUrl,
      ...(options.apiKey ? { apiKey: options.apiKey } : {}),
      fetch: options.fetch,
      includeUsage: true,
      supportsStructuredOutputs: options.supportsStructuredOutputs,
    });
  }

  complete(request: CompletionRequest): Promise<CompletionResult> {
    const started = performance.now();
    return withModelSpan(
      { provider: this.provider, model: this.model, task: request.task },
      async () => {
        const result = await sdkCall(() =>
          generateText({
            model: this.sdk.chatModel(this.model),
            // Our instructions go as `system`; the conversation (user data, repair turns) as messages.
            system: request.messages
              .filter((message) => message.role === 'system')
              .map((message) => message.content)
              .join('\n\n'),
            messages: request.messages
              .filter((message) => message.role !== 'system')
              .map((message) =>
                message.role === 'user'
                  ? { role: 'user' as const, content: message.content }
                  : { role: 'assistant' as const, content: message.content },
              ),
            output: rawJsonOutput(request.json),
            maxRetries: 0,
            ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
            ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
          }),
        );
        return {
          text: result.text,
          inputTokens: result.usage.inputTokens ?? 0,
          outputTokens: result.usage.outputTokens ?? 0,
          cachedInputTokens: result.usage.inputTokenDetails?.cacheReadTokens ?? 0,
          latencyMs: Math.round(performance.now() - started),
        };
      },
      (result) => ({ input: result.inputTokens, output: result.outputTokens }),
    );
  }

  /** The SDK's model handle, for streamed chat (`chat-stream.ts`) over the same fetch. */
  languageModel(): LanguageModel {
    return this.sdk.chatModel(this.model);
  }

  /** The tiniest real call (one output token): for readiness probes. */
  async ping(): Promise<void> {
    await sdkCall(() =>
      generateText({
        model: this.sdk.chatModel(this.model),
        prompt: 'ping',
        maxOutputTokens: 1,
        maxRetries: 0,
      }),
    );
  }

  /** A streamed answer: the time to its first text and in all (for `llm check`). */
  async stream(prompt: string): Promise<{ text: string; firstTokenMs: number; latencyMs: number }> {
    const started = performance.now();
    let firstTokenMs = -1;
    let text = '';
    await sdkCall(async () => {
      const result = streamText({
        model: this.sdk.chatModel(this.model),
        prompt,
        maxRetries: 0,
        onError: () => {},
      });
      for await (const part of result.fullStream) {
        if (part.type === 'error') throw part.error;
        if (part.type !== 'text-delta') continue;
        if (firstTokenMs < 0) firstTokenMs = Math.round(performance.now() - started);
        text += part.text;
      }
    });
    return { text, firstTokenMs, latencyMs: Math.round(performance.now() - started) };
  }

  /** Whether the model calls a tool when asked to (for `llm check`). */
  async callsTools(): Promise<boolean> {
    const result = await sdkCall(() =>
      generateText({
        model: this.sdk.chatModel(this.model),
        prompt: 'Call the ping tool once.',
        tools: {
          ping: tool({
            description: 'Answers pong.',
            inputSchema: jsonSchema({ type: 'object', properties: {} }),
          }),
        },
        toolChoice: 'required',
        maxRetries: 0,
      }),
    );
    return result.toolCalls.length > 0;
  }

  async embed(values: string[]): Promise<number[][]> {
    return (await this.embedBatch(values)).vectors;
  }

  /** One embeddings request: the vectors as the provider sent them (checked by `embeddings.ts`), and its usage. */
  async embedBatch(
    values: string[],
  ): Promise<{ vectors: number[][]; inputTokens: number; latencyMs: number }> {
    if (!this.options.embeddingModel)
      throw new ModelError('TESTOPS_LLM_NOT_CONFIGURED', 'no embedding model is configured', {
        where: 'TESTOPS_LLM_EMBEDDING_MODEL',
      });
    const started = performance.now();
    const result = await sdkCall(() =>
      embedMany({ model: this.sdk.embeddingModel(this.options.embeddingModel!), values, maxRetries: 0 }),
    );
    return {
      vectors: result.embeddings,
      inputTokens: result.usage?.tokens ?? 0,
      latencyMs: Math.round(performance.now() - started),
    };
  }
}

/**
 * Asks for JSON (`json_schema` with a schema when the model honours it, else `json_object`) and
 * hands the text back untouched: parsing and validation happen in one module of ours.
 */
function rawJsonOutput(json: CompletionRequest['json']): OutputInterface<string, string, never> {
  return {
    name: 'raw-json',
    responseFormat: Promise.resolve({
      type: 'json' as const,
      name: json.name,
      ...(json.schema ? { schema: json.schema as never } : {}),
    }),
    parseCompleteOutput: async ({ text }) => text,
    parsePartialOutput: async ({ text }) => ({ partial: text }),
    createElementStreamTransform: () => undefined,
  };
}

/** SDK errors as ours: the ModelError our fetch threw (somewhere in the cause chain) or a provider answer. */
async function sdkCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asModelError(error);
  }
}

/** Any failure of an SDK call as a `ModelError` (the one our fetch threw, or the provider's answer). */
export function asModelError(error: unknown): ModelError {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; depth += 1) {
    if (current instanceof ModelError) return current;
    current = current.cause;
  }
  const status = (error as { statusCode?: number }).statusCode;
  const body = (error as { responseBody?: string }).responseBody;
  return new ModelError('TESTOPS_LLM_UNAVAILABLE', `the model call failed: ${(error as Error).message}`, {
    status,
    // The provider's error body, never our request (which holds the user's data).
    rawText: body?.slice(0, 2_000),
    hint: status === 401 || status === 403 ? 'check TESTOPS_LLM_API_KEY.' : undefined,
    cause: error,
  });
}
