import { join } from 'node:path';
import { generatePlan } from '../../../pipeline/generate-plan.ts';
import { guardFor, type ExecutorContext, type ExecutorResult, type JobExecutor } from '../executor.ts';
import { prioritizeInputSchema, testPlanInputSchema, type TestPlanInput } from '../job-inputs.ts';
import { modelOptionsFor } from './model-options.ts';
import { defectsFile, requirementsFile, specSource, writeInlineFiles } from './inline-inputs.ts';

/** POST /test-plan/generate: the prioritised plan from one source, weighed by tests and defects sent. */
export const runTestPlanJob: JobExecutor = async (raw, context) =>
  plan(testPlanInputSchema.parse(raw), context);

/** POST /test-plan/prioritize: the same ranking applied to an existing suite (the files sent). */
export const runPrioritizeJob: JobExecutor = async (raw, context) =>
  plan(prioritizeInputSchema.parse(raw), context);

async function plan(input: TestPlanInput, context: ExecutorContext): Promise<ExecutorResult> {
  const spec = await specSource(context.inputDir, input);
  const requirements = input.requirements?.length
    ? await requirementsFile(context.inputDir, input.requirements)
    : undefined;
  const tests = input.files
    ? await writeInlineFiles(join(context.inputDir, 'tests'), input.files)
    : undefined;
  const defects = await defectsFile(context.inputDir, input.defects);
  const generated = await generatePlan({
    ...(spec ? { spec } : {}),
    ...(requirements ? { requirements } : {}),
    ...(tests ? { tests } : {}),
    ...(defects ? { defects } : {}),
    format: input.options.format,
    outDir: context.outputDir,
    guard: guardFor(context, input.openapi_url),
    ...modelOptionsFor(input.options, context),
    events: context.events,
  });
  const { plan: testPlan } = generated;
  return {
    summary: {
      title: testPlan.title,
      features: testPlan.features.length,
      cases: testPlan.prioritisation.cases.length,
      ranked_existing_tests: testPlan.prioritisation.existingTests.length,
      effort_hours: testPlan.schedule.totalHours,
      warnings: testPlan.warnings.length,
      model: generated.model,
    },
    tests: [],
    report: { kind: 'test-plan', report: testPlan as unknown as Record<string, unknown> },
    errors: testPlan.warnings.map((message) => ({ code: 'TESTOPS_INPUT_WARNING', message })),
  };
}
