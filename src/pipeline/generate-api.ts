import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { ApiModel } from '../core/api-model.ts';
import type { RunReport } from '../core/run-report.ts';
import type { ApiSuite } from '../core/test-case.ts';
import { emitPlaywrightSuite } from '../emit/playwright-ts/emit-playwright-suite.ts';
import { buildRunReport } from '../emit/report/build-run-report.ts';
import { generateApiSuite } from '../generation/api/generate-api-suite.ts';
import type { ValueRepair } from '../generation/api/value-repairs.ts';
import { buildApiModel } from '../sources/openapi/build-api-model.ts';
import { loadSpec } from '../sources/openapi/load-spec.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { learnValues, successCases, type ProbeRun } from './learn-values.ts';
import { runSuite, writeReport, type RunSuiteOptions } from './run-suite.ts';
import { MANIFEST_FILE, manifestOf, type Manifest } from './suite-manifest.ts';
import { writeEmittedFiles } from './write-files.ts';
import type { ModelOptions } from './model-access.ts';
import { openModelRun } from './model-run.ts';
import { modelTestData } from './api-test-data.ts';
import { gateModelCode } from './standards-gate.ts';
import { recordApiCaseRepairs, repairApiCases, type ApiRepairResult } from './api-case-repair.ts';
import { FIELD_VALUES_CAPABILITY } from '../generation/api/model-field-values.ts';
import { RULE_CASES_CAPABILITY } from '../generation/api/model-rule-cases.ts';
import { modelApiRuleCases, recordApiRuleCases } from './api-rule-cases.ts';
import { separateUnconfirmed } from './unconfirmed-scenarios.ts';

export interface GenerateApiOptions extends ModelOptions {
  spec: string;
  outDir: string;
  format: 'playwright-ts' | 'pytest';
  baseUrl?: string;
  headers?: string[];
  variables?: Record<string, string>;
  /** Values the suite needs that are secret: given to the run, never to the generator (`.env.example`). */
  secretVariables?: Record<string, string>;
  only?: string[];
  /** See GenerateApiSuiteOptions.authScheme. */
  authScheme?: string;
  run?: boolean;
  repeat?: number;
  allowWrites?: boolean;
  /** See RunSuiteOptions.conformance. */
  conformance?: 'strict' | 'lenient';
  /** Only these case kinds (positive, negative, boundary, auth, …); all when absent or empty. */
  kinds?: string[];
  /** SSRF guard for a spec URL given by someone else (the service); the CLI trusts its user. */
  guard?: UrlGuardOptions;
  /** SSRF guard for the base URL the suite runs against (the service); see runSuite. */
  targetGuard?: UrlGuardOptions;
  events?: EventSink;
  /**
   * Before verification, run the success tests once and repair inputs the target refuses by name
   * (default on with `run`; see learnValues).
   */
  learn?: boolean;
  /** Stops the verification run in progress (see runSuite). */
  signal?: AbortSignal;
  /**
   * Test seam, not an option of the CLI or the service: changes the designed suite before it is
   * emitted (a test plants a test mistake to watch it repaired).
   */
  alterDesign?: (suite: ApiSuite) => ApiSuite;
}

/** load → model → design → emit, then (with `run`) execute and verify: the `generate api` job. */
export async function generateApi(options: GenerateApiOptions): Promise<RunReport> {
  const run = await openModelRun(options, options.events ?? ignoreEvents);
  const { events } = run;
  const outDir = resolve(options.outDir);
  const durations: Record<string, number> = {};
  const loaded = await timedStage(events, 'load spec', () =>
    loadSpec(options.spec, { guard: options.guard }),
  );
  durations['load'] = loaded.durationMs;
  const model = buildApiModel(loaded.result);
  for (const issue of model.issues)
    events({ type: 'operation-skipped', operation: issue.operation, reason: issue.message });
  for (const warning of model.warnings ?? [])
    events({ type: 'log', level: 'warn', message: `${warning.operation}: ${warning.message}` });
  const modelValues = await modelTestData(run, model, {
    only: options.only ?? [],
    variables: options.variables ?? {},
    required: options.llm === 'required',
    ...(options.outputLanguage ? { outputLanguage: options.outputLanguage } : {}),
  });
  const learning =
    options.run && options.learn !== false
      ? await timedStage(events, 'learn values from the target', () =>
          learnValues({ model, events, probe: probeRun(model, options, outDir, modelValues) }),
        )
      : undefined;
  if (learning) durations['learn'] = learning.durationMs;
  // Values learned from the target come last: they override the model's.
  const learned = learning?.result.repairs ?? [];
  const designed = await timedStage(events, 'design tests', () =>
    designSuite(model, options, {
      repairs: [...modelValues, ...learned],
      events,
      served: loaded.result.served,
    }),
  );
  durations['generate'] = designed.durationMs;
  const rules = await modelApiRuleCases(run, model, designed.result, {
    language: options.outputLanguage,
    kinds: options.kinds,
  });
  const ruleCases = rules?.cases ?? [];
  const assisted = keepKinds(
    { ...designed.result, cases: [...designed.result.cases, ...ruleCases] },
    options.kinds,
  );
  const gated =
    modelValues.length === 0 && ruleCases.length === 0
      ? assisted
      : await gateModelCode(
          run,
          {
            assisted,
            deterministic: () =>
              keepKinds(
                designSuite(model, options, {
                  repairs: learned,
                  events: ignoreEvents,
                  served: loaded.result.served,
                }),
                options.kinds,
              ),
          },
          (candidate) => emitFiles(candidate, options),
          {
            capability: modelValues.length > 0 ? FIELD_VALUES_CAPABILITY : RULE_CASES_CAPABILITY,
            target: options.baseUrl,
          },
        );
  const suite = options.alterDesign ? options.alterDesign(gated) : gated;
  const emitted = await timedStage(events, `emit ${options.format}`, () => emitSuite(suite, options, outDir));
  durations['emit'] = emitted.durationMs;
  if (options.run) {
    const repair: ApiRepairResult = { suite, repairs: [] };
    const report = await runSuite({
      ...runOptions(options, outDir),
      events,
      durations,
      guessed: new Set(ruleCases.map((testCase) => testCase.title)),
      // Between the run and the verdicts: failed tests that were the test's mistake get one repair.
      afterRun: (after) =>
        repairApiCases(
          {
            run,
            model,
            suite,
            outDir,
            baseUrl: options.baseUrl,
            language: options.outputLanguage ?? 'en',
            emit: (candidate) => emitFiles(candidate, options),
          },
          after,
          repair,
        ),
    });
    recordApiCaseRepairs(run, repair, options.llm === 'required');
    if (rules) recordApiRuleCases(run, rules, report, options.llm === 'required');
    // The model's failing rules are wrong guesses until someone checks: not defects (see unconfirmed-scenarios.ts).
    const separated = separateUnconfirmed(report, new Set(ruleCases.map((testCase) => testCase.title)));
    const learned = learning?.result.learned ?? [];
    const section = run.section();
    const finished = {
      ...separated.report,
      ...(learned.length > 0 ? { learned } : {}),
      ...(repair.repairs.length > 0 ? { repairs: repair.repairs } : {}),
      model:
        separated.unconfirmed.length > 0
          ? { ...section, unconfirmedScenarios: separated.unconfirmed }
          : section,
    };
    await writeReport(outDir, finished);
    return finished;
  }
  if (rules) recordApiRuleCases(run, rules, undefined, options.llm === 'required');
  const built = buildRunReport({
    manifest: emitted.result,
    baseUrl: options.baseUrl,
    repeat: 0,
    outcomes: undefined,
    defects: [],
    durations,
  });
  const report = { ...built, model: run.section() };
  await writeReport(outDir, report);
  return report;
}

function designSuite(
  model: ApiModel,
  options: GenerateApiOptions,
  extra: { repairs: ValueRepair[]; events: EventSink; served?: Record<string, unknown> | undefined },
): ApiSuite {
  return generateApiSuite(model, {
    specSource: options.spec,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(extra.served ? { servedDocument: extra.served } : {}),
    variables: options.variables ?? {},
    only: options.only ?? [],
    ...(options.authScheme ? { authScheme: options.authScheme } : {}),
    repairs: extra.repairs,
    events: extra.events,
  });
}

async function emitSuite(suite: ApiSuite, options: GenerateApiOptions, outDir: string): Promise<Manifest> {
  const files = await emitFiles(suite, options);
  await writeEmittedFiles(outDir, files);
  const manifest = manifestOf(suite, options.format, options.baseUrl);
  await writeFile(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function runOptions(options: GenerateApiOptions, outDir: string): RunSuiteOptions {
  return {
    suiteDir: outDir,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    repeat: options.repeat,
    headers: options.headers,
    variables: options.variables,
    secretVariables: options.secretVariables,
    allowWrites: options.allowWrites,
    ...(options.conformance ? { conformance: options.conformance } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.targetGuard ? { guard: options.targetGuard } : {}),
    verifyingDesign: true,
  };
}

/**
 * The learning probe: the success tests alone, designed with the repairs so far, emitted where
 * the suite goes (its runner is installed once) and run once. The final emit replaces it.
 */
function probeRun(
  model: ApiModel,
  options: GenerateApiOptions,
  outDir: string,
  modelValues: ValueRepair[],
): ProbeRun {
  return {
    async run(repairs) {
      const suite = successCases(
        designSuite(model, options, { repairs: [...modelValues, ...repairs], events: ignoreEvents }),
      );
      if (suite.cases.length === 0) return { suiteDir: outDir, evidence: [] };
      await emitSuite(suite, options, outDir);
      const report = await runSuite({ ...runOptions(options, outDir), repeat: 1, events: ignoreEvents });
      // Refusals it may repair are not reached (not defects) in the report: both are read.
      const refused = (report.notReached ?? []).flatMap((entry) => entry.tests.map((test) => test.evidence));
      return {
        suiteDir: outDir,
        evidence: [...new Set([...report.suspectedDefects.map((defect) => defect.evidence), ...refused])],
      };
    },
  };
}

async function emitFiles(
  suite: Parameters<typeof emitPlaywrightSuite>[0],
  options: GenerateApiOptions,
): Promise<Record<string, string>> {
  if (options.format === 'pytest') {
    // Loaded lazily: the pytest emitter is optional for Playwright-only users.
    const { emitPytestSuite } = await import('../emit/pytest/emit-pytest-suite.ts');
    return emitPytestSuite(suite, { baseUrl: options.baseUrl });
  }
  return emitPlaywrightSuite(suite, { baseUrl: options.baseUrl });
}

function keepKinds<T extends { cases: { kind: string }[] }>(suite: T, kinds: string[] | undefined): T {
  if (!kinds || kinds.length === 0) return suite;
  return { ...suite, cases: suite.cases.filter((testCase) => kinds.includes(testCase.kind)) };
}
