import { PipelineStageError, type PipelineStage } from './run-pipeline.ts';

export interface ErrorSummary {
  stage: PipelineStage | undefined;
  /** `TypeError`, `TestopsError`, …: a TestopsError is a deliberate refusal, anything else a bug. */
  name: string;
  firstLine: string;
  /** The innermost frame in the project's own source, `src/…/file.ts:line`, when there is one. */
  where: string | undefined;
}

/** What a crash report needs to point at the fault: the stage, the message and the engine frame. */
export function summarizeError(error: unknown): ErrorSummary {
  const stage = error instanceof PipelineStageError ? error.stage : undefined;
  const cause = error instanceof PipelineStageError ? error.cause : error;
  if (!(cause instanceof Error))
    return { stage, name: typeof cause, firstLine: String(cause), where: undefined };
  const frame = cause.stack
    ?.split('\n')
    .filter((line) => !line.includes('node_modules'))
    .map((line) => /(src\/[^\s):]+:\d+)/.exec(line)?.[1])
    .find((match) => match !== undefined);
  return {
    stage,
    name: cause.name,
    firstLine: cause.message.split('\n')[0] ?? '',
    where: frame,
  };
}
