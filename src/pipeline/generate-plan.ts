import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ApiModel } from '../core/api-model.ts';
import type { DefectRecord } from '../core/defect.ts';
import { TestopsError } from '../core/errors.ts';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { ExistingTest } from '../core/existing-test.ts';
import type { SiteModel } from '../core/page-model.ts';
import { emitTestPlan, PLAN_FILES, type PlanFormat } from '../emit/plan/emit-test-plan.ts';
import { generateTestPlan } from '../generation/plan/generate-test-plan.ts';
import type { TestPlan } from '../core/test-plan.ts';
import { readTestFolder } from '../sources/existing-tests/read-test-folder.ts';
import { buildApiModel } from '../sources/openapi/build-api-model.ts';
import { loadSpec } from '../sources/openapi/load-spec.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { readSiteModel } from '../sources/web/site-model-io.ts';
import { generateCases, type CasesSource } from './generate-cases.ts';
import type { ModelSection } from '../core/model-client.ts';
import type { ModelOptions } from './model-access.ts';
import { CLI_VENDOR_GUARD, readDefectHistory } from './read-defect-history.ts';

export type { PlanFormat } from '../emit/plan/emit-test-plan.ts';
export { PLAN_FORMATS } from './option-values.ts';

export interface GeneratePlanOptions extends ModelOptions {
  /** Exactly one source: the cases of the plan are designed from it. */
  requirements?: string;
  spec?: string;
  model?: string;
  /** Existing automated tests: what they cover ranks lower, and they are ranked too. */
  tests?: string;
  /** Jira JSON or CSV export of defects. */
  defects?: string;
  format: PlanFormat;
  outDir: string;
  /** SSRF guard for a spec URL given by someone else (the service). */
  guard?: UrlGuardOptions;
  events?: EventSink;
  env?: NodeJS.ProcessEnv;
}

export interface GeneratedPlan {
  plan: TestPlan;
  /** The plan file written: `<out>/TEST-PLAN.md` or `<out>/test-plan.json`. */
  file: string;
  /** The designed cases the plan ranks, written beside it in `<out>/cases/`. */
  casesDir: string;
  /** How the model took part in designing the plan's cases. */
  model: ModelSection;
}

/** design cases (generate cases) + defects + existing tests → plan → TEST-PLAN.md / test-plan.json. */
export async function generatePlan(options: GeneratePlanOptions): Promise<GeneratedPlan> {
  const events = options.events ?? ignoreEvents;
  const source = sourceOf(options);
  const outDir = resolve(options.outDir);
  const casesDir = join(outDir, 'cases');
  // The cases are written beside the plan (in the plan's format) so every id it ranks can be read.
  const { set, modelSection } = await generateCases({
    source,
    format: options.format,
    outDir: casesDir,
    events,
    llm: options.llm,
    cache: options.cache,
    ...(options.responseCache ? { responseCache: options.responseCache } : {}),
    ...(options.modelClient ? { modelClient: options.modelClient } : {}),
    ...(options.outputLanguage ? { outputLanguage: options.outputLanguage } : {}),
  });
  const context = await timedStage(events, 'read plan context', () => readContext(source, options, events));
  const plan = await timedStage(events, 'plan', () => generateTestPlan({ cases: set, ...context.result }));
  for (const warning of plan.result.warnings) events({ type: 'log', level: 'warn', message: warning });
  const file = join(outDir, PLAN_FILES[options.format]);
  await timedStage(events, `emit ${options.format} plan`, async () => {
    await mkdir(outDir, { recursive: true });
    await writeFile(file, emitTestPlan(plan.result, options.format)[PLAN_FILES[options.format]] ?? '');
  });
  return { plan: plan.result, file, casesDir, model: modelSection };
}

function sourceOf(options: GeneratePlanOptions): CasesSource {
  const given = [options.requirements, options.spec, options.model].filter((value) => value !== undefined);
  if (given.length !== 1) {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `plan needs exactly one source, got ${given.length}`, {
      where: 'testops plan',
      expected: 'one of --requirements <file>, --spec <file|url>, --model <dir>',
      hint: 'make one plan per source; add --tests and --defects to weigh it.',
    });
  }
  if (options.requirements !== undefined) return { kind: 'requirements', path: options.requirements };
  if (options.spec !== undefined) return { kind: 'openapi', spec: options.spec, guard: options.guard };
  return { kind: 'page-model', dir: options.model ?? '' };
}

interface PlanContext {
  api?: ApiModel;
  site?: SiteModel;
  defects: DefectRecord[];
  existingTests: ExistingTest[];
  locations: { defects?: string; existingTests?: string };
  warnings: string[];
}

/** What the plan weighs the cases with; reader problems become warnings, never a failed plan. */
async function readContext(
  source: CasesSource,
  options: GeneratePlanOptions,
  events: EventSink,
): Promise<PlanContext> {
  const context: PlanContext = { defects: [], existingTests: [], locations: {}, warnings: [] };
  // generate cases does not hand its model back: read again for base URLs, variables, pages.
  if (source.kind === 'openapi')
    context.api = buildApiModel(await loadSpec(source.spec, { guard: options.guard }));
  if (source.kind === 'page-model') context.site = await readSiteModel(source.dir);
  if (options.defects !== undefined) {
    const history = await readDefectHistory(options.defects, {
      env: options.env ?? process.env,
      guard: options.guard ?? CLI_VENDOR_GUARD,
    });
    context.defects = history.records;
    context.locations.defects = history.file;
    context.warnings.push(
      ...history.issues.map((issue) => `${history.file}:${issue.line}: ${issue.message}`),
    );
  }
  if (options.tests !== undefined) {
    const tests = await readTestFolder(options.tests, { env: options.env });
    context.existingTests = tests.tests;
    context.locations.existingTests = tests.root;
    context.warnings.push(
      ...tests.issues.map(
        (issue) => `${tests.root}/${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.message}`,
      ),
    );
  }
  events({
    type: 'log',
    level: 'info',
    message: `${context.defects.length} defects, ${context.existingTests.length} existing tests`,
  });
  return context;
}
