import type { ApiModel } from '../../src/core/api-model.ts';
import type { ApiSuite } from '../../src/core/test-case.ts';
import {
  emitPlaywrightSuite,
  type EmittedFiles,
} from '../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { generateApiSuite } from '../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../src/sources/openapi/load-spec.ts';

export type PipelineStage = 'load' | 'model' | 'generate' | 'emit';

export interface PipelineOutput {
  model: ApiModel;
  suite: ApiSuite;
  files: EmittedFiles;
  stageMs: Record<PipelineStage, number>;
}

/** A failure tagged with the stage it happened in, so a crash report points at one module. */
export class PipelineStageError extends Error {
  readonly stage: PipelineStage;

  constructor(stage: PipelineStage, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'PipelineStageError';
    this.stage = stage;
  }
}

/** load → model → generate → emit, exactly as the product chains them, timing each stage. */
export async function runPipeline(
  specPath: string,
  onStage: (stage: PipelineStage) => void = () => {},
): Promise<PipelineOutput> {
  const stageMs: Record<PipelineStage, number> = { load: 0, model: 0, generate: 0, emit: 0 };
  const timed = <T>(stage: PipelineStage, work: () => T | Promise<T>) =>
    timeStage(stageMs, stage, onStage, work);
  const loaded = await timed('load', () => loadSpec(specPath));
  const model = await timed('model', () => buildApiModel(loaded));
  const suite = await timed('generate', () => generateApiSuite(model, { specSource: specPath }));
  // The spec's own first server, like a user who passes no --base-url: it exercises escaping of
  // whatever string a real spec puts there.
  const files = await timed('emit', () => emitPlaywrightSuite(suite, { baseUrl: model.servers[0] }));
  return { model, suite, files, stageMs };
}

async function timeStage<T>(
  stageMs: Record<PipelineStage, number>,
  stage: PipelineStage,
  onStage: (stage: PipelineStage) => void,
  work: () => T | Promise<T>,
): Promise<T> {
  onStage(stage);
  const started = performance.now();
  try {
    return await work();
  } catch (error) {
    throw new PipelineStageError(stage, error);
  } finally {
    stageMs[stage] = performance.now() - started;
  }
}
