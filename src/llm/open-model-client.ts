import type {
  ModelCapabilities,
  ModelClient,
  StructuredRequest,
  StructuredResult,
  UsageSink,
} from '../core/model-client.ts';
import type { ChatModel, ChatStreamPart, ChatStreamRequest } from '../core/chat-model.ts';
import { ModelError } from '../core/model-errors.ts';
import type { ResponseCache } from '../core/response-cache.ts';
import { AiSdkCompletion } from './ai-sdk-completion.ts';
import { streamChatReply } from './chat-stream.ts';
import { CircuitBreaker, localBreakerCells, type CircuitBreakerOptions } from './circuit-breaker.ts';
import { ConcurrencyLimit, type TaskLimit } from './concurrency-limit.ts';
import type { LlmSettings } from './llm-settings.ts';
import { isEmbeddingModel, listModels, type ListedModel } from './model-discovery.ts';
import { resilientFetch } from './resilient-fetch.ts';
import { sharedLlmState } from './shared-llm-state.ts';
import { embedTexts } from './embeddings.ts';
import { generateStructured } from './structured-output.ts';
import { IamTokenSource, withIamToken, type IamCredentials } from './iam-token.ts';

export interface OpenModelClientOptions {
  settings: Readonly<LlmSettings>;
  cache?: ResponseCache | undefined;
  onUsage?: UsageSink;
  /**
   * How requests reach the provider: the global fetch when absent; a fetch that checks the SSRF
   * guard at connect time when the base URL is a user's (a project's model).
   */
  connect?: typeof fetch;
}

/** The port's implementation, plus what `testops llm check` needs to probe the model. */
export interface LlmClient extends ModelClient, ChatModel {
  readonly settings: Readonly<LlmSettings>;
  readonly capabilities: ModelCapabilities;
  readonly completion: AiSdkCompletion;
  /** The resilient (and, with IAM keys, authorising) fetch every call of this client goes through. */
  readonly fetch: typeof fetch;
}

// One limit and one breaker per provider (base URL) in a thread: every client shares them; in the
// service, every job's thread too (see shared-llm-state.ts).
const limits = new Map<string, TaskLimit>();
const breakers = new Map<string, CircuitBreaker>();
// One token source per IAM key in a process: tokens are reused until shortly before they expire.
const tokenSources = new Map<string, IamTokenSource>();
// Capability flags are looked up once per model and process.
const knownCapabilities = new Map<string, ModelCapabilities>();

/**
 * A model client for the configured provider: the model is `TESTOPS_LLM_MODEL` or the first chat
 * model `GET /models` lists; capability flags come from the settings or the model list.
 */
export async function openModelClient(options: OpenModelClientOptions): Promise<LlmClient> {
  const { settings } = options;
  const provider = new URL(settings.baseUrl).host;
  let limit = limits.get(settings.baseUrl);
  if (!limit) {
    limit =
      sharedLlmState()?.limit(settings.baseUrl, settings.concurrency) ??
      new ConcurrencyLimit(settings.concurrency);
    limits.set(settings.baseUrl, limit);
  }
  const fetcher = resilientFetch({
    provider,
    firstByteTimeoutMs: settings.firstByteTimeoutMs,
    totalTimeoutMs: settings.totalTimeoutMs,
    maxRetries: settings.maxRetries,
    breaker: breakerFor(settings.baseUrl, { failureThreshold: 5, cooldownMs: 30_000 }),
    limit,
    fetch: settings.iam
      ? withIamToken(tokenSourceFor(settings.iam), options.connect ?? fetch)
      : (options.connect ?? fetch),
  });
  let listed: ListedModel[] | undefined;
  const list = async () => (listed ??= await listModels(settings, fetcher));
  const model = settings.model ?? (await firstChatModel(await list(), settings.baseUrl));
  const capabilities = await capabilitiesOf(settings, model, list);
  const completion = new AiSdkCompletion({
    provider,
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    model,
    embeddingModel: settings.embeddingModel,
    supportsStructuredOutputs: capabilities.supportsStructuredOutputs,
    fetch: fetcher,
  });
  return {
    provider,
    model,
    embeddingModel: settings.embeddingModel,
    settings,
    capabilities,
    completion,
    fetch: fetcher,
    ...(settings.embeddingModel
      ? {
          embed: (values: string[]) =>
            embedTexts(values, {
              provider,
              model: settings.embeddingModel!,
              request: (batch) => completion.embedBatch(batch),
              cache: options.cache,
              onUsage: options.onUsage,
              prices: settings.prices,
            }),
        }
      : {}),
    streamChat(request: ChatStreamRequest): AsyncIterable<ChatStreamPart> {
      return streamChatReply(
        {
          provider,
          model,
          languageModel: completion.languageModel(),
          prices: settings.prices,
          ...(options.onUsage ? { onUsage: options.onUsage } : {}),
        },
        request,
      );
    },
    generateObject<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
      return generateStructured(completion, request, {
        capabilities,
        cache: options.cache,
        prices: settings.prices,
        onUsage: options.onUsage,
      });
    },
  };
}

async function firstChatModel(models: ListedModel[], baseUrl: string): Promise<string> {
  const chat = models.find((model) => !isEmbeddingModel(model.id));
  if (chat) return chat.id;
  throw new ModelError('TESTOPS_LLM_CONFIG_INVALID', 'the provider lists no chat model', {
    where: `GET ${baseUrl}/models`,
    hint: 'set TESTOPS_LLM_MODEL to a model id of your provider.',
  });
}

async function capabilitiesOf(
  settings: Readonly<LlmSettings>,
  model: string,
  list: () => Promise<ListedModel[]>,
): Promise<ModelCapabilities> {
  const key = `${settings.baseUrl} ${model}`;
  const known = knownCapabilities.get(key);
  if (known) return known;
  // Only a model list that says so turns json_schema on in auto mode: JSON mode works everywhere.
  const parameters =
    settings.structuredOutputs === 'auto'
      ? ((await list().catch(() => [])).find((listed) => listed.id === model)?.supported_parameters ?? [])
      : [];
  const capabilities: ModelCapabilities = {
    supportsStructuredOutputs:
      settings.structuredOutputs === 'on' ||
      (settings.structuredOutputs === 'auto' && parameters.includes('structured_outputs')),
    tools: parameters.includes('tools'),
    streaming: true,
    embeddings: settings.embeddingModel !== undefined,
  };
  knownCapabilities.set(key, capabilities);
  return capabilities;
}

/** The breaker of a provider (by base URL): this thread's, or the process's when it was handed one. */
function breakerFor(baseUrl: string, options: CircuitBreakerOptions): CircuitBreaker {
  let breaker = breakers.get(baseUrl);
  if (!breaker) {
    const cells = sharedLlmState()?.breakerCells(baseUrl) ?? localBreakerCells();
    breaker = new CircuitBreaker(new URL(baseUrl).host, options, cells);
    breakers.set(baseUrl, breaker);
  }
  return breaker;
}

function tokenSourceFor(credentials: IamCredentials): IamTokenSource {
  const key = `${credentials.tokenUrl} ${credentials.keyId}`;
  let source = tokenSources.get(key);
  if (!source) tokenSources.set(key, (source = new IamTokenSource(credentials)));
  return source;
}
