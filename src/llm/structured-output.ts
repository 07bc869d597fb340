import { z, type ZodType } from 'zod';
import type {
  ModelCapabilities,
  ModelUsage,
  StructuredRequest,
  StructuredResult,
  UsageSink,
} from '../core/model-client.ts';
import { ModelError } from '../core/model-errors.ts';
import type { ResponseCache } from '../core/response-cache.ts';
import { cacheKeyOf } from './cache-key.ts';
import { parseJsonText } from './json-text.ts';
import type { PriceTable } from './price-table.ts';
import type { ChatMessage, CompletionResult, TextCompletion } from './text-completion.ts';
import { usageRecord } from './usage-record.ts';

export interface StructuredOptions {
  capabilities: Pick<ModelCapabilities, 'supportsStructuredOutputs'>;
  cache?: ResponseCache | undefined;
  prices?: PriceTable;
  onUsage?: UsageSink;
}

type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * The one way model text becomes data: JSON-schema response format when the model honours it,
 * else JSON mode with the schema in the prompt; fences stripped; zod-validated; one repair call
 * that sends the problems back; then TESTOPS_LLM_OUTPUT_INVALID with the raw text as evidence.
 */
export async function generateStructured<T>(
  completion: TextCompletion,
  request: StructuredRequest<T>,
  options: StructuredOptions,
): Promise<StructuredResult<T>> {
  const schema = z.toJSONSchema(request.schema, { io: 'input' }) as Record<string, unknown>;
  const native = options.capabilities.supportsStructuredOutputs;
  const messages: ChatMessage[] = [
    {
      role: 'system',
      content: native ? request.system : `${request.system}\n\n${schemaInstruction(schema)}`,
    },
    { role: 'user', content: request.prompt },
  ];
  const parameters = { temperature: request.temperature, maxOutputTokens: request.maxOutputTokens, native };
  const key = cacheKeyOf({
    provider: completion.provider,
    model: completion.model,
    messages,
    schema,
    parameters,
  });
  const cached = await fromCache(options.cache, key, request.schema);
  if (cached !== undefined) {
    const usage = usageOf(completion, request.task, undefined, 'ok', options.prices);
    options.onUsage?.(usage);
    return { value: cached, usage: [usage], repaired: false };
  }
  const call = (conversation: ChatMessage[]) =>
    completion.complete({
      task: request.task,
      messages: conversation,
      json: { name: request.schemaName, schema: native ? schema : undefined },
      temperature: request.temperature,
      maxOutputTokens: request.maxOutputTokens,
    });
  const usages: ModelUsage[] = [];
  const record = (result: CompletionResult | undefined, outcome: ModelUsage['outcome']) => {
    const usage = usageOf(completion, request.task, result, outcome, options.prices);
    usages.push(usage);
    options.onUsage?.(usage);
  };
  const first = await tracked(() => call(messages), record);
  const checked = check(first.text, request.schema);
  if (checked.ok) {
    record(first, 'ok');
    await toCache(options.cache, key, checked.value);
    return { value: checked.value, usage: usages, repaired: false };
  }
  record(first, 'failed');
  const repairMessages: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: first.text },
    { role: 'user', content: repairInstruction(checked.problems) },
  ];
  const second = await tracked(() => call(repairMessages), record);
  const repaired = check(second.text, request.schema);
  if (repaired.ok) {
    record(second, 'repaired');
    await toCache(options.cache, key, repaired.value);
    return { value: repaired.value, usage: usages, repaired: true };
  }
  record(second, 'failed');
  throw new ModelError(
    'TESTOPS_LLM_OUTPUT_INVALID',
    `the model's answer for ${request.task} does not match its schema`,
    {
      provider: completion.provider,
      model: completion.model,
      where: `${completion.provider} ${completion.model}`,
      expected: `JSON matching the ${request.schemaName} schema: ${repaired.problems.slice(0, 3).join('; ')}`,
      rawText: second.text,
    },
  );
}

/** A call that throws still counts as a failed request in the usage records. */
async function tracked(
  work: () => Promise<CompletionResult>,
  record: (result: CompletionResult | undefined, outcome: ModelUsage['outcome']) => void,
): Promise<CompletionResult> {
  try {
    return await work();
  } catch (error) {
    record(undefined, 'failed');
    throw error;
  }
}

function check<T>(text: string, schema: ZodType<T>): Checked<T> {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, problems: [json.problem] };
  const parsed = schema.safeParse(json.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues
      .slice(0, 20)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  };
}

function schemaInstruction(schema: Record<string, unknown>): string {
  return [
    'Answer with one JSON value and nothing else: no prose, no Markdown fences.',
    'It must match this JSON Schema:',
    JSON.stringify(schema),
  ].join('\n');
}

function repairInstruction(problems: string[]): string {
  return [
    'Your answer could not be used. Problems found:',
    ...problems.map((problem) => `- ${problem}`),
    'Answer again with the corrected JSON only.',
  ].join('\n');
}

async function fromCache<T>(
  cache: ResponseCache | undefined,
  key: string,
  schema: ZodType<T>,
): Promise<T | undefined> {
  if (!cache) return undefined;
  try {
    const text = await cache.get(key);
    if (text === undefined) return undefined;
    const checked = check(text, schema);
    return checked.ok ? checked.value : undefined;
  } catch {
    return undefined;
  }
}

async function toCache(cache: ResponseCache | undefined, key: string, value: unknown): Promise<void> {
  try {
    await cache?.set(key, JSON.stringify(value));
  } catch {
    // A cache that fails costs a second call next time, never this result.
  }
}

function usageOf(
  completion: TextCompletion,
  task: string,
  result: CompletionResult | undefined,
  outcome: ModelUsage['outcome'],
  prices: PriceTable = {},
): ModelUsage {
  return usageRecord(completion, task, result, outcome, prices);
}
