import { join } from 'node:path';
import type { ManualCaseSet } from '../../../core/manual-case.ts';
import { generateCases, type CasesSource } from '../../../pipeline/generate-cases.ts';
import { generateUi } from '../../../pipeline/generate-ui.ts';
import { readManifest } from '../../../pipeline/suite-manifest.ts';
import {
  guardFor,
  type ExecutorContext,
  type ExecutorResult,
  type JobExecutor,
  type TestDraft,
} from '../executor.ts';
import { testCasesInputSchema, type TestCasesInput } from '../job-inputs.ts';
import { requirementsFile } from './inline-inputs.ts';
import { modelOptionsFor } from './model-options.ts';
import { runResults, suiteSummary, suiteTests } from './suite-tests.ts';

/**
 * POST /generate/test-cases: manual cases from requirements and/or a live app (test_type manual),
 * a verified Playwright UI suite from the app (automated), or both.
 */
export const runTestCasesJob: JobExecutor = async (raw, context) => {
  const input = testCasesInputSchema.parse(raw);
  const summary: Record<string, unknown> = {};
  const tests: TestDraft[] = [];
  let report: ExecutorResult['report'];
  if (input.test_type !== 'automated') {
    const sources: { name: string; source: CasesSource }[] = [];
    if (input.requirements.length > 0)
      sources.push({
        name: 'requirements',
        source: { kind: 'requirements', path: await requirementsFile(context.inputDir, input.requirements) },
      });
    if (input.url)
      sources.push({
        name: 'site',
        source: {
          kind: 'url',
          url: input.url,
          allowPrivate: guardFor(context, input.url).allowPrivate,
          maxPages: input.options.max_pages,
        },
      });
    const manual: Record<string, unknown> = {};
    for (const { name, source } of sources) {
      const result = await manualCases(input, context, source, join(context.outputDir, `cases-${name}`));
      manual[name] = result.model ? { ...result.summary, model: result.model } : result.summary;
      // One by one: 4 MB of requirements give 150,000 cases, too many to spread as arguments.
      for (const draft of caseDrafts(result.set)) tests.push(draft);
    }
    summary['manual'] = manual;
  }
  if (input.test_type !== 'manual' && input.url) {
    const outDir = join(context.outputDir, 'ui-suite');
    const run = await generateUi({
      url: input.url,
      outDir,
      allowPrivate: guardFor(context, input.url).allowPrivate,
      maxPages: input.options.max_pages,
      run: true,
      repeat: input.options.repeat,
      targetGuard: guardFor(context, input.url),
      ...modelOptionsFor(input.options, context),
      events: context.events,
      signal: context.signal,
    });
    const uiTests = suiteTests('ui', await readManifest(outDir), run);
    tests.push(...uiTests);
    summary['automated'] = suiteSummary(run);
    report = {
      kind: 'run-report',
      report: run as unknown as Record<string, unknown>,
      results: runResults(context.job.id, run, uiTests),
    };
  }
  return { summary, tests, report, errors: [] };
};

async function manualCases(
  input: TestCasesInput,
  context: ExecutorContext,
  source: CasesSource,
  outDir: string,
) {
  return generateCases({
    source,
    format: input.options.format,
    outDir,
    ...(input.options.owner ? { owner: input.options.owner } : {}),
    ...modelOptionsFor(input.options, context),
    events: context.events,
  });
}

function caseDrafts(set: ManualCaseSet): TestDraft[] {
  return set.cases.map((testCase) => ({
    key: `manual:${set.source.kind}:${testCase.feature}:${testCase.id}`,
    kind: 'manual',
    status: 'unverified',
    title: testCase.title,
    target: testCase.feature,
    file: undefined,
    document: testCase as unknown as Record<string, unknown>,
  }));
}
