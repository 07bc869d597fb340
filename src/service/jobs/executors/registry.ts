import type { ExecutorRegistry, JobExecutor } from '../executor.ts';

/**
 * The engine behind each job kind, loaded on first use: an API process that only enqueues never
 * loads the engine (the TypeScript compiler, Playwright, the OpenAPI tooling) into memory.
 */
export const engineExecutors: ExecutorRegistry = {
  'api-tests': lazy(async () => (await import('./api-tests.ts')).runApiTestsJob),
  'test-cases': lazy(async () => (await import('./test-cases.ts')).runTestCasesJob),
  validate: lazy(async () => (await import('./validate.ts')).runValidateJob),
  optimize: lazy(async () => (await import('./optimize.ts')).runOptimizeJob),
  'test-plan': lazy(async () => (await import('./test-plan.ts')).runTestPlanJob),
  prioritize: lazy(async () => (await import('./test-plan.ts')).runPrioritizeJob),
  export: lazy(async () => (await import('./export.ts')).runExportJob),
};

function lazy(load: () => Promise<JobExecutor>): JobExecutor {
  let loaded: Promise<JobExecutor> | undefined;
  return async (input, context) => (await (loaded ??= load()))(input, context);
}
