import type { ErrorSummary } from './error-summary.ts';
import type { PipelineStage } from './run-pipeline.ts';

/** Parent → worker: run one spec; write its emitted suite to `suiteDir` when it is in the sample. */
export interface RunSpecMessage {
  index: number;
  specPath: string;
  suiteDir: string | undefined;
}

/** Worker → parent, as each stage starts: tells where a spec that times out was stuck. */
export interface StageStartedMessage {
  index: number;
  stageStarted: PipelineStage;
}

/** Worker → parent: how one spec went, plus the worker's RSS so the parent can recycle it. */
export type SpecOutcomeMessage = {
  index: number;
  ms: number;
  rssBytes: number;
} & (
  | {
      status: 'ok';
      operations: number;
      skipped: number;
      tests: number;
      stageMs: Record<PipelineStage, number>;
      suiteWritten: boolean;
    }
  | { status: 'failed'; error: ErrorSummary }
);
