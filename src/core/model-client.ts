/**
 * The model port: what a stage that gains model help receives from the pipeline. Types only —
 * the adapter (AI SDK over any OpenAI-compatible server) lives in `src/llm/`, which stages never
 * import. Every answer reaching a stage has been schema-validated: stages never see model text.
 */
import type { ZodType } from 'zod';

/** `--llm`: off never calls a model; auto uses one when configured; required fails without one. */
export const LLM_MODES = ['off', 'auto', 'required'] as const;
export type LlmMode = (typeof LLM_MODES)[number];

/** What a model was found to support (probed once per model and cached). */
export interface ModelCapabilities {
  /** `response_format: json_schema` is honoured; else JSON mode with the schema in the prompt. */
  supportsStructuredOutputs: boolean;
  tools: boolean;
  streaming: boolean;
  embeddings: boolean;
}

/** One model call, as metrics, the run report and job events count it. */
export interface ModelUsage {
  provider: string;
  model: string;
  /** What the call was for: `requirements → cases`. */
  task: string;
  inputTokens: number;
  outputTokens: number;
  /** Input tokens the provider served from its own prompt cache. */
  cachedInputTokens: number;
  latencyMs: number;
  /** Answered from our response cache: no request was sent. */
  fromCache: boolean;
  outcome: 'ok' | 'repaired' | 'failed';
  costUsd: number | undefined;
  costRub: number | undefined;
}

export interface StructuredRequest<T> {
  task: string;
  /** Instructions: ours, never the user's text. */
  system: string;
  /** The user's data goes here, delimited (see `delimitedData`). */
  prompt: string;
  schema: ZodType<T>;
  /** A name for the schema, sent with `json_schema` response formats. */
  schemaName: string;
  temperature?: number;
  maxOutputTokens?: number;
}

export interface StructuredResult<T> {
  value: T;
  /** Every call made for this result (a repair adds one). */
  usage: ModelUsage[];
  repaired: boolean;
}

/**
 * A model a capability may ask for structured output. Failures throw `ModelError` (see
 * `model-errors.ts`); a capability then falls back to its deterministic result.
 */
export interface ModelClient {
  readonly provider: string;
  readonly model: string;
  /** The model `embed` uses (TESTOPS_LLM_EMBEDDING_MODEL). */
  readonly embeddingModel?: string | undefined;
  generateObject<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>>;
  /**
   * The provider's embeddings, one vector per text (batched, cached, and checked: one finite,
   * non-zero vector per text, all of one dimension); present when an embedding model is configured.
   */
  embed?(values: string[]): Promise<number[][]>;
}

/** Usage records as the pipeline hands them to its consumers. */
export type UsageSink = (usage: ModelUsage) => void;

/**
 * How a capability used the model in one run, for the report, the CLI summary and job results.
 * `unavailable`: every model call failed and the result is the deterministic one.
 */
export interface ModelAssistReport {
  capability: string;
  status: 'off' | 'not-configured' | 'used' | 'partial' | 'unavailable';
  /** `model unavailable — deterministic result` when the model failed; else what it added. */
  message: string;
  proposed: number;
  /** Proposals refused after validation (e.g. naming a requirement they were not given). */
  rejected: number;
  duplicates: number;
  delivered: number;
  /** Answers that matched their schema only after the repair call. */
  repaired: number;
  failedBatches: number;
  /** What the run's model calls used and cost (absent when no call was made). */
  usage?: UsageTotals;
}

/** Model calls of one run, summed: for the CLI summary and the job's result. */
export interface UsageTotals {
  calls: number;
  fromCache: number;
  failed: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Undefined when the price table has no price for the model. */
  costUsd: number | undefined;
  costRub: number | undefined;
}

export const MODEL_UNAVAILABLE_MESSAGE = 'model unavailable — deterministic result';

/**
 * The model section of a run's report (`testops-report.json`, plan and optimisation results,
 * job summaries): present on every run, `off` included, so a reader can tell a deterministic
 * result from a run where the model was unavailable.
 */
export interface ModelSection {
  mode: LlmMode;
  status: ModelAssistReport['status'];
  message: string;
  /** One entry per capability that ran with a model client. */
  capabilities: ModelAssistReport[];
  /** `model unavailable — deterministic result` lines, one per capability that fell back. */
  fallbacks: string[];
  usage?: UsageTotals;
  /**
   * Scenarios the model proposed that failed or were flaky on the target: most likely a wrong
   * guess about the product, so never reported as suspected defects; kept out of the suite.
   */
  unconfirmedScenarios?: UnconfirmedScenario[];
}

export const UNCONFIRMED_NOTE = 'unconfirmed — check by hand' as const;

/** A model-proposed scenario that did not pass every run, with what the run showed. */
export interface UnconfirmedScenario {
  test: string;
  /** The page (its id) the scenario is about. */
  page: string;
  verdict: 'failed' | 'flaky';
  expected: string;
  actual: string;
  /** Path, relative to the suite, of the evidence file (absent for flaky tests). */
  evidence: string | undefined;
  note: typeof UNCONFIRMED_NOTE;
}
