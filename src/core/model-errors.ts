import { TestopsError, type TestopsErrorCode, type TestopsErrorDetails } from './errors.ts';

/** The catalogue codes a model call may fail with. */
export type ModelErrorCode = Extract<
  TestopsErrorCode,
  | 'TESTOPS_LLM_CONFIG_INVALID'
  | 'TESTOPS_LLM_NOT_CONFIGURED'
  | 'TESTOPS_LLM_UNAVAILABLE'
  | 'TESTOPS_LLM_TIMEOUT'
  | 'TESTOPS_LLM_CIRCUIT_OPEN'
  | 'TESTOPS_LLM_OUTPUT_INVALID'
>;

export interface ModelErrorDetails extends TestopsErrorDetails {
  provider?: string;
  model?: string;
  /** HTTP status of the provider's answer, when there was one. */
  status?: number;
  /** The model's own text, kept as evidence when it could not be used (never our prompt or key). */
  rawText?: string;
}

/** A model call that did not give a usable answer: the caller falls back to its deterministic path. */
export class ModelError extends TestopsError {
  override readonly code: ModelErrorCode;
  readonly provider: string | undefined;
  readonly model: string | undefined;
  readonly status: number | undefined;
  readonly rawText: string | undefined;

  constructor(code: ModelErrorCode, problem: string, details: ModelErrorDetails = {}) {
    super(code, problem, details);
    this.name = 'ModelError';
    this.code = code;
    this.provider = details.provider;
    this.model = details.model;
    this.status = details.status;
    this.rawText = details.rawText;
  }
}

export function isModelError(error: unknown): error is ModelError {
  return error instanceof ModelError;
}
