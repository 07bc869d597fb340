import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatRequestSchema, embeddingsRequestSchema, type ChatRequest } from './chat-request-shape.ts';

// A local OpenAI-compatible server for tests and benchmarks: real HTTP on 127.0.0.1, port 0,
// answering from recorded fixture files in test/fixtures/llm/. Scenario files list responses
// served in order (the last repeats); answer files hold the model's content.

const FIXTURES = new URL('../fixtures/llm/', import.meta.url);

export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  content?: string;
  answer?: string;
  wrap?: 'fence';
  stallAfterChunks?: number;
  /** Pause between streamed chunks (5 ms when absent). */
  chunkDelayMs?: number;
  /**
   * Calls this tool when the request offers it; once the conversation holds the tool's result,
   * answers with `content`. Absent, a request with tools calls the first one with `{}`; null,
   * the step answers with `content` whatever tools are offered.
   */
  toolCall?: { name: string; arguments?: Record<string, unknown> } | null;
}

export interface RecordedRequest {
  path: string;
  body: unknown;
  authorization: string | undefined;
}

export interface ModelServerOptions {
  /** Fixed scenario; otherwise the request's model names it when a file has that name, else `success`. */
  scenario?: string;
  /** Fails this share of chat calls with 500 (a seeded sequence, so runs repeat). */
  failureRate?: number;
  /** Added before every chat answer: a model's own latency. */
  latencyMs?: number;
  /** `expires_in` of the tokens the IAM endpoint (`POST /api/v1/auth/token`) hands out. */
  tokenLifetimeS?: number;
}

export interface ModelServer {
  /** Base URL with `/v1`, as TESTOPS_LLM_BASE_URL takes it. */
  baseUrl: string;
  requests: RecordedRequest[];
  scenario: string | undefined;
  /** Chat requests being answered now, and the most there were at once. */
  inFlight: number;
  peakInFlight: number;
  /** Added before every chat answer (`latencyMs` of the options; may be changed while running). */
  latencyMs: number;
  close(): Promise<void>;
}

export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const calls = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  let seed = 7;
  let tokens = 0;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const state: ModelServer = {
    baseUrl: '',
    requests,
    scenario: options.scenario,
    inFlight: 0,
    peakInFlight: 0,
    latencyMs: options.latencyMs ?? 0,
    close: async () => {},
  };
  const server = createServer((request, response) => {
    open.add(response);
    response.on('close', () => open.delete(response));
    void handle(request, response).catch((error: unknown) =>
      send(response, 500, { error: { message: String(error) } }),
    );
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    const text = await bodyOf(request);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      return send(response, 400, openAiError('We could not parse the JSON body of your request.'));
    }
    requests.push({ path, body, authorization: request.headers.authorization });
    if (request.method === 'GET' && path === '/v1/models') return send(response, 200, fixture('models.json'));
    if (request.method === 'POST' && path === '/api/v1/auth/token') {
      // Cloud.ru's IAM exchange: a key id and secret for a short-lived access token.
      const { keyId, secret } = (body ?? {}) as { keyId?: unknown; secret?: unknown };
      if (typeof keyId !== 'string' || typeof secret !== 'string')
        return send(response, 400, openAiError('keyId and secret are required'));
      tokens += 1;
      return send(response, 200, {
        access_token: `iam-token-${tokens}`,
        expires_in: options.tokenLifetimeS ?? 3600,
        token_type: 'Bearer',
      });
    }
    if (request.method === 'POST' && path === '/v1/embeddings') return embeddings(body, response);
    if (request.method !== 'POST' || path !== '/v1/chat/completions')
      return send(response, 404, openAiError(`Unknown request URL: ${request.method} ${path}`));
    const parsed = chatRequestSchema.safeParse(body);
    if (!parsed.success)
      return send(
        response,
        400,
        openAiError(parsed.error.issues[0]!.message, parsed.error.issues[0]!.path.join('.')),
      );
    state.inFlight += 1;
    state.peakInFlight = Math.max(state.peakInFlight, state.inFlight);
    response.once('close', () => (state.inFlight -= 1));
    if (state.latencyMs) await delay(state.latencyMs);
    if (options.failureRate && random() < options.failureRate)
      return send(response, 500, openAiError('The server had an error while processing your request.'));
    const scenario = state.scenario ?? (scenarioExists(parsed.data.model) ? parsed.data.model : 'success');
    const index = calls.get(scenario) ?? 0;
    calls.set(scenario, index + 1);
    const steps = (fixture(`scenarios/${scenario}.json`) as { responses: FixtureResponse[] }).responses;
    return answer(parsed.data, steps[Math.min(index, steps.length - 1)]!, response);
  }
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  state.close = async () => {
    // Stalled streams stay open by design; end them so close() returns.
    for (const response of open) response.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}

async function answer(request: ChatRequest, step: FixtureResponse, response: ServerResponse): Promise<void> {
  if (step.delayMs) await delay(step.delayMs);
  if ((step.status ?? 200) !== 200) return send(response, step.status!, step.body, step.headers);
  const usage = {
    prompt_tokens: Math.ceil(JSON.stringify(request.messages).length / 4),
    completion_tokens: 0,
    prompt_tokens_details: { cached_tokens: 0 },
  };
  const call = toolCallOf(request, step);
  if (call) {
    if (!request.stream)
      return send(
        response,
        200,
        completion(
          request.model,
          { role: 'assistant', content: null, tool_calls: [call] },
          'tool_calls',
          usage,
        ),
      );
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.write(
      `data: ${JSON.stringify(chunk(request.model, { role: 'assistant', tool_calls: [{ index: 0, ...call }] }, null))}\n\n`,
    );
    response.write(`data: ${JSON.stringify({ ...chunk(request.model, {}, 'tool_calls'), usage })}\n\n`);
    return void response.end('data: [DONE]\n\n');
  }
  const content = contentOf(step, request);
  usage.completion_tokens = Math.ceil(content.length / 4);
  if (!request.stream)
    return send(response, 200, completion(request.model, { role: 'assistant', content }, 'stop', usage));
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const pieces = content.match(/[\s\S]{1,40}/g) ?? [''];
  for (const [index, piece] of pieces.entries()) {
    if (step.stallAfterChunks !== undefined && index >= step.stallAfterChunks) return; // never ends
    response.write(`data: ${JSON.stringify(chunk(request.model, { content: piece }, null))}\n\n`);
    await delay(step.chunkDelayMs ?? 5);
  }
  response.write(`data: ${JSON.stringify({ ...chunk(request.model, {}, 'stop'), usage })}\n\n`);
  response.end('data: [DONE]\n\n');
}

/** The tool call this step makes, if any: none once the conversation holds a tool's result. */
function toolCallOf(request: ChatRequest, step: FixtureResponse) {
  if (!request.tools || request.tools.length === 0 || request.tool_choice === 'none') return undefined;
  if (step.toolCall === null || request.messages.at(-1)?.role === 'tool') return undefined;
  const offered = request.tools.map((offer) => offer.function.name);
  const name = step.toolCall ? step.toolCall.name : offered[0]!;
  if (!offered.includes(name)) return undefined;
  return {
    id: `call_fixture_${request.messages.length}`,
    type: 'function',
    function: { name, arguments: JSON.stringify(step.toolCall?.arguments ?? {}) },
  };
}

function contentOf(step: FixtureResponse, request: ChatRequest): string {
  let content = step.content ?? '';
  if (step.answer) {
    const recorded = fixture(`answers/${step.answer}.json`) as {
      casesByRequirement?: Record<string, unknown[]>;
      scenariosByPage?: Record<string, unknown[]>;
      repairsByCase?: Record<string, unknown>;
      ruleCasesByOperation?: Record<string, unknown[]>;
      otherCalls?: unknown;
    };
    const prompt = request.messages
      .map((message) => (typeof message.content === 'string' ? message.content : ''))
      .join('\n');
    if (recorded.ruleCasesByOperation) {
      // API business rules: answered for the operations the prompt offers; other calls of the
      // same run (test data) get the file's answer for them.
      const format = request.response_format;
      const schemaName = format?.type === 'json_schema' ? format.json_schema.name : undefined;
      // JSON mode sends no schema name; the schema is in the prompt then.
      const asksRules = schemaName === 'api_rule_cases' || prompt.includes('expectStatus');
      if (!asksRules) return wrapped(step, JSON.stringify(recorded.otherCalls ?? {}));
      const offered = new Set([...prompt.matchAll(/"operation": "([^"]+)"/g)].map((match) => match[1]!));
      const cases = Object.entries(recorded.ruleCasesByOperation).flatMap(([key, list]) =>
        offered.has(key) ? list : [],
      );
      return wrapped(step, JSON.stringify({ cases }));
    }
    // Test repairs: answered for the failed case the prompt holds.
    const repairCase = /"case": "([^"]+)"/.exec(prompt)?.[1];
    if (recorded.repairsByCase && repairCase !== undefined)
      return wrapped(
        step,
        JSON.stringify(
          recorded.repairsByCase[repairCase] ?? {
            case: repairCase,
            changes: [],
            explanation: 'no recorded repair',
          },
        ),
      );
    if (recorded.scenariosByPage) {
      // UI scenarios: answered for the page the prompt describes.
      const page = /"page": "([^"]+)"/.exec(prompt)?.[1] ?? '';
      return wrapped(step, JSON.stringify({ scenarios: recorded.scenariosByPage[page] ?? [] }));
    }
    const ids = new Set([...prompt.matchAll(/"id": "([^"]+)"/g)].map((match) => match[1]!));
    const cases = Object.entries(recorded.casesByRequirement ?? {}).flatMap(([id, list]) =>
      ids.has(id) ? list : [],
    );
    content = JSON.stringify({ cases });
  }
  return wrapped(step, content);
}

function wrapped(step: FixtureResponse, content: string): string {
  return step.wrap === 'fence' ? `Here are the cases:\n\n\`\`\`json\n${content}\n\`\`\`\n` : content;
}

function embeddings(body: unknown, response: ServerResponse): void {
  const parsed = embeddingsRequestSchema.safeParse(body);
  if (!parsed.success) return send(response, 400, openAiError(parsed.error.issues[0]!.message));
  const inputs = typeof parsed.data.input === 'string' ? [parsed.data.input] : parsed.data.input;
  const failure = embeddingRules().failures[parsed.data.model];
  if (failure === 'down')
    return send(response, 500, openAiError('The server had an error while processing your request.'));
  send(response, 200, {
    object: 'list',
    // Garbage: one vector short, the rest of zeros; a client must not use any of it.
    data: (failure === 'garbage' ? inputs.slice(1) : inputs).map((text, index) => ({
      object: 'embedding',
      index,
      embedding: failure === 'garbage' ? fixtureVector('').map(() => 0) : fixtureVector(text),
    })),
    model: parsed.data.model,
    usage: { prompt_tokens: inputs.join(' ').length, total_tokens: inputs.join(' ').length },
  });
}

interface EmbeddingRules {
  dimensions: number;
  concepts: Record<string, string[]>;
  stopWords: string[];
  failures: Record<string, 'garbage' | 'down'>;
}

let rules: EmbeddingRules | undefined;
const embeddingRules = () => (rules ??= fixture('embeddings.json') as EmbeddingRules);

/**
 * The fixture's embedding of a text (see test/fixtures/llm/embeddings.json): the same text always
 * gets the same vector, paraphrases built from one concept list get the same direction.
 */
export function fixtureVector(text: string): number[] {
  const { dimensions, concepts, stopWords } = embeddingRules();
  let folded = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  // Longest phrases first, so "home page" is one concept before "page" is another.
  const phrases = Object.entries(concepts)
    .flatMap(([concept, list]) => list.map((phrase) => [phrase, concept] as const))
    .sort((a, b) => b[0].length - a[0].length);
  for (const [phrase, concept] of phrases)
    folded = folded.replace(new RegExp(`(?<= )${phrase}(?= )`, 'g'), `§${concept}`);
  const vector = Array.from({ length: dimensions }, () => 0);
  const words = folded.split(' ').filter((word) => word && !stopWords.includes(word));
  for (const word of words) vector[slotOf(word, dimensions)]! += 1;
  if (words.length === 0) vector[0] = 1;
  return vector;
}

/** FNV-1a: a word's dimension. */
function slotOf(word: string, dimensions: number): number {
  let hash = 0x811c9dc5;
  for (const char of word) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return hash % dimensions;
}

function completion(model: string, message: unknown, finish: string, usage: object) {
  return {
    id: 'chatcmpl-fixture',
    object: 'chat.completion',
    created: 1764547200,
    model,
    choices: [{ index: 0, message, finish_reason: finish }],
    usage,
  };
}

function chunk(model: string, delta: object, finish: string | null) {
  return {
    id: 'chatcmpl-fixture',
    object: 'chat.completion.chunk',
    created: 1764547200,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

function openAiError(message: string, param?: string) {
  return { error: { message, type: 'invalid_request_error', param: param ?? null, code: null } };
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

function scenarioExists(name: string): boolean {
  try {
    fixture(`scenarios/${name}.json`);
    return true;
  } catch {
    return false;
  }
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const part of request) chunks.push(part as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
