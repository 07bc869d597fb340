import { join } from 'node:path';
import { optimizeTests } from '../../../pipeline/optimize-tests.ts';
import { guardFor, type JobExecutor } from '../executor.ts';
import { optimizeInputSchema } from '../job-inputs.ts';
import { modelOptionsFor } from './model-options.ts';
import { defectsFile, requirementsFile, specSource, writeInlineFiles } from './inline-inputs.ts';

/** POST /optimize: duplicates, outdated and conflicting tests, coverage and gaps of the files sent. */
export const runOptimizeJob: JobExecutor = async (raw, context) => {
  const input = optimizeInputSchema.parse(raw);
  const testsDir = await writeInlineFiles(join(context.inputDir, 'tests'), input.files);
  const spec = await specSource(context.inputDir, input);
  const requirements = input.requirements?.length
    ? await requirementsFile(context.inputDir, input.requirements)
    : undefined;
  const defects = await defectsFile(context.inputDir, input.defects);
  const report = await optimizeTests({
    testsDir,
    ...(spec ? { spec } : {}),
    ...(requirements ? { requirements } : {}),
    ...(defects ? { defects } : {}),
    ...(input.options.threshold ? { nearDuplicateThreshold: input.options.threshold } : {}),
    ...(input.options.twin_threshold ? { twinThreshold: input.options.twin_threshold } : {}),
    outDir: context.outputDir,
    guard: guardFor(context, input.openapi_url),
    ...modelOptionsFor(input.options, context),
    ...(context.vectorIndex ? { vectorIndex: context.vectorIndex } : {}),
    events: context.events,
  });
  return {
    summary: { ...report.summary, ...(report.model ? { model: report.model } : {}) },
    tests: [],
    report: { kind: 'optimisation', report: report as unknown as Record<string, unknown> },
    errors: [],
  };
};
