import type { ModelUsage } from './model-client.ts';

/**
 * Events the pipeline emits as it goes. The CLI prints them as progress; the service will turn
 * them into job progress and SSE. The engine never knows who listens.
 */
export type PipelineEvent =
  | { type: 'stage-start'; stage: string; detail?: string }
  | { type: 'stage-end'; stage: string; durationMs: number; detail?: string }
  | { type: 'operation-skipped'; operation: string; reason: string }
  | { type: 'run-start'; attempt: number; of: number; tests: number }
  | { type: 'run-end'; attempt: number; passed: number; failed: number; skipped: number }
  | { type: 'log'; level: 'info' | 'warn'; message: string }
  /** One model call (tokens, latency, cost): metrics, the report and job events count them. */
  | { type: 'model-call'; usage: ModelUsage }
  /** A capability delivered its deterministic result because the model failed. */
  | { type: 'model-fallback'; capability: string; code: string; message: string };

export type EventSink = (event: PipelineEvent) => void;

export const ignoreEvents: EventSink = () => {};

/** Runs a named stage, emitting start/end events and returning its duration with the result. */
export async function timedStage<T>(
  sink: EventSink,
  stage: string,
  work: () => Promise<T> | T,
): Promise<{ result: T; durationMs: number }> {
  sink({ type: 'stage-start', stage });
  const started = performance.now();
  const result = await work();
  const durationMs = Math.round(performance.now() - started);
  sink({ type: 'stage-end', stage, durationMs });
  return { result, durationMs };
}
