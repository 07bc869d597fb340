import { join } from 'node:path';
import { TestopsError } from '../../../core/errors.ts';
import { generateApi } from '../../../pipeline/generate-api.ts';
import { readManifest } from '../../../pipeline/suite-manifest.ts';
import { checkTargetUrl } from '../../../pipeline/target-guard.ts';
import { guardFor, type JobExecutor } from '../executor.ts';
import { apiTestsInputSchema } from '../job-inputs.ts';
import { specSource } from './inline-inputs.ts';
import { modelOptionsFor } from './model-options.ts';
import { runResults, skippedOperations, suiteSummary, suiteTests } from './suite-tests.ts';

/** POST /generate/api-tests: load the spec → design → emit → (with a base URL) run and verify. */
export const runApiTestsJob: JobExecutor = async (raw, context) => {
  const input = apiTestsInputSchema.parse(raw);
  const spec = await specSource(context.inputDir, input);
  const run = input.options.run ?? input.base_url !== undefined;
  if (run && !input.base_url) {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', 'options.run needs the API to run against', {
      where: 'base_url',
      expected: 'the base URL of the API under test, e.g. https://staging.example.com',
      hint: 'add base_url, or set options.run to false to only generate.',
    });
  }
  // The generated tests send requests there: the same guard as for fetched specs.
  if (input.base_url) await checkTargetUrl(new URL(input.base_url), guardFor(context, input.base_url));
  const { headers, secretVariables } = context.secrets;
  const outDir = join(context.outputDir, 'api-suite');
  const report = await generateApi({
    spec: spec!,
    outDir,
    format: input.options.format,
    ...(input.base_url ? { baseUrl: input.base_url } : {}),
    headers,
    variables: input.options.variables,
    secretVariables,
    only: input.endpoints ?? [],
    kinds: input.test_types ?? [],
    run,
    repeat: input.options.repeat,
    allowWrites: input.options.allow_writes,
    guard: guardFor(context, input.openapi_url),
    targetGuard: guardFor(context, input.base_url),
    ...modelOptionsFor(input.options, context),
    events: context.events,
    signal: context.signal,
  });
  const tests = suiteTests('api', await readManifest(outDir), report);
  return {
    summary: suiteSummary(report),
    tests,
    report: {
      kind: 'run-report',
      report: report as unknown as Record<string, unknown>,
      results: runResults(context.job.id, report, tests),
    },
    errors: skippedOperations(report),
  };
};
