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
  | { type: 'model-fallback'; capability: string; code: string; message: string }
  /** One step of a crew's agent: a tool call and its result, a delegation, an answer, a failure. */
  | { type: 'crew-step'; step: CrewStep };

/** What a crew's agent did in one step (the job's SSE stream and the CLI show these). */
export interface CrewStep {
  task: string;
  agent: string;
  /** 1-based step of this agent on this task. */
  iteration: number;
  action:
    | 'task-start'
    | 'tool-call'
    | 'tool-result'
    | 'delegate'
    | 'answer'
    | 'fallback'
    | 'task-end'
    | 'task-failed';
  /** `model`: the model chose the step; `tool`: the task's tool ran directly (no model, or a fallback). */
  mode: 'model' | 'tool';
  tool?: string;
  coworker?: string;
  /** A short, secret-free description: the arguments' names, a result's first line, an error. */
  detail?: string;
  durationMs?: number;
}

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
