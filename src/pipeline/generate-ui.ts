import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { SiteModel } from '../core/page-model.ts';
import type { RunReport } from '../core/run-report.ts';
import type { UiCaseKind, UiSuite } from '../core/ui-test-case.ts';
import { emitPlaywrightUiSuite } from '../emit/playwright-ui/emit-playwright-ui-suite.ts';
import { buildRunReport } from '../emit/report/build-run-report.ts';
import { generateUiSuite } from '../generation/ui/generate-ui-suite.ts';
import { exploreSite, type ExploreSiteOptions } from '../sources/web/explore-site.ts';
import { readLoginSteps } from '../sources/web/login-steps.ts';
import { readSiteModel, writeSiteModel } from '../sources/web/site-model-io.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { runSuite, writeReport } from './run-suite.ts';
import { MANIFEST_FILE, type Manifest } from './suite-manifest.ts';
import { writeEmittedFiles } from './write-files.ts';
import type { ModelOptions } from './model-access.ts';
import { openModelRun } from './model-run.ts';
import { gateModelCode } from './standards-gate.ts';
import { RULE_INTENTS_CAPABILITY } from '../generation/ui/model-rule-intents.ts';
import type { RuleIntent } from '../generation/ui/rule-intent-proposals.ts';
import { modelRuleIntents, recordRuleIntents, ruleCasesOf } from './ui-rule-intents.ts';
import { recordCaseRepairs, repairUiCases, type UiRepairResult } from './ui-case-repair.ts';
import { separateUnconfirmed } from './unconfirmed-scenarios.ts';

export type ExploreOptions = Omit<ExploreSiteOptions, 'outDir' | 'events'> & {
  outDir: string;
  events?: EventSink;
};

/** `testops explore`: the site model, written under `<out>/model/`. */
export async function exploreUi(
  options: ExploreOptions,
): Promise<{ model: SiteModel; file: string; durationMs: number }> {
  const events = options.events ?? ignoreEvents;
  const outDir = resolve(options.outDir);
  const { result: model, durationMs } = await timedStage(events, 'explore', () =>
    exploreSite({ ...options, outDir, events }),
  );
  for (const issue of model.issues)
    events({ type: 'log', level: 'warn', message: `${issue.url}: ${issue.message}` });
  const file = await writeSiteModel(outDir, model);
  return { model, file, durationMs };
}

export interface GenerateUiOptions extends ExploreOptions, ModelOptions {
  /** Reuse a model written by `testops explore` instead of exploring again. */
  model?: string;
  run?: boolean;
  repeat?: number;
  failOnA11y?: boolean;
  /** Only these kinds of cases (default: all). */
  kinds?: UiCaseKind[];
  /** Stops the verification run in progress (see runSuite). */
  signal?: AbortSignal;
  /** SSRF guard for the app the suite runs against (the service); see runSuite. */
  targetGuard?: UrlGuardOptions;
  /**
   * Test seam, not an option of the CLI or the service: changes the designed suite before it is
   * emitted (a test plants a broken locator to watch it repaired).
   */
  alterDesign?: (suite: UiSuite) => UiSuite;
}

/** explore → design → emit, then (with `run`) execute and verify: the `generate ui` job. */
export async function generateUi(options: GenerateUiOptions): Promise<RunReport> {
  const run = await openModelRun(options, options.events ?? ignoreEvents);
  const { events } = run;
  const outDir = resolve(options.outDir);
  const durations: Record<string, number> = {};
  let model: SiteModel;
  if (options.model) {
    model = await readSiteModel(options.model);
  } else {
    const explored = await exploreUi({ ...options, outDir, events });
    model = explored.model;
    durations['explore'] = explored.durationMs;
  }
  const rules = await modelRuleIntents(run, model, options.outputLanguage);
  const design = (ruleIntents: RuleIntent[]) =>
    generateUiSuite(model, { failOnA11y: options.failOnA11y ?? false, kinds: options.kinds, ruleIntents });
  const designed = await timedStage(events, 'design tests', () => design(rules?.intents ?? []));
  durations['generate'] = designed.durationMs;
  if (rules && rules.intents.length > 0)
    designed.result = await gateModelCode(
      run,
      { assisted: designed.result, deterministic: () => design([]) },
      (suite) => emitPlaywrightUiSuite(suite, { baseUrl: model.origin }),
      { capability: RULE_INTENTS_CAPABILITY, target: model.origin },
    );
  // The suite signs in as exploration did: the steps, not their secret values (read at run time).
  const signedIn = options.loginSteps
    ? { ...designed.result, loginSteps: await readLoginSteps(options.loginSteps) }
    : designed.result;
  const suite = options.alterDesign ? options.alterDesign(signedIn) : signedIn;
  const repair: UiRepairResult = { suite, repairs: [] };
  const manifest = manifestOf(model, suite);
  const emitted = await timedStage(events, 'emit playwright-ts', async () => {
    await writeEmittedFiles(outDir, emitPlaywrightUiSuite(suite, { baseUrl: model.origin }));
    await writeFile(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  });
  durations['emit'] = emitted.durationMs;
  const built = options.run
    ? await runSuite({
        suiteDir: outDir,
        baseUrl: model.origin,
        repeat: options.repeat,
        events,
        durations,
        guessed: new Set(ruleCasesOf(designed.result).map((testCase) => testCase.title)),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.targetGuard ? { guard: options.targetGuard } : {}),
        // Explored just now: what the suite expects is what this build showed.
        exploredBuild: !options.model,
        // Between the run and the verdicts: failed tests that were the test's mistake get one repair.
        afterRun: (after) =>
          repairUiCases(
            { run, site: model, suite, outDir, language: options.outputLanguage ?? 'en' },
            after,
            repair,
          ),
      })
    : buildRunReport({
        manifest,
        baseUrl: model.origin,
        repeat: 0,
        outcomes: undefined,
        defects: [],
        durations,
      });
  if (rules) recordRuleIntents(run, rules, designed.result, built, options.llm === 'required');
  recordCaseRepairs(run, repair, options.llm === 'required');
  // The model's failing scenarios are wrong guesses until someone checks: not defects (see unconfirmed-scenarios.ts).
  const separated = separateUnconfirmed(
    built,
    new Set(ruleCasesOf(designed.result).map((testCase) => testCase.title)),
  );
  const section = run.section();
  const report = {
    ...separated.report,
    ...(repair.repairs.length > 0 ? { repairs: repair.repairs } : {}),
    model:
      separated.unconfirmed.length > 0
        ? { ...section, unconfirmedScenarios: separated.unconfirmed }
        : section,
  };
  await writeReport(outDir, report);
  return report;
}

function manifestOf(model: SiteModel, suite: UiSuite): Manifest {
  return {
    version: 1,
    kind: 'ui',
    format: 'playwright-ts',
    title: suite.title,
    spec: model.startUrl,
    baseUrl: model.origin,
    generatedAt: new Date().toISOString(),
    operations: model.pages.map((page) => page.id),
    // Pages found but not explored (limits, errors) count as skipped; notes on explored pages do not.
    // Requests refused on other hosts (the browser's own traffic, third-party scripts) are no pages.
    skippedOperations: model.issues
      .filter((issue) => isSameOrigin(issue.url, model.origin))
      .filter((issue) => !model.pages.some((page) => page.url === issue.url))
      .map((issue) => ({ operation: issue.url, reason: issue.message })),
    tests: suite.cases.map((testCase) => ({
      title: testCase.title,
      operation: testCase.page,
      kind: testCase.kind,
      priority: testCase.priority,
    })),
    pages: model.pages.map((page) => ({
      page: page.id,
      path: page.path,
      exploreMs: Math.round(model.durations.perPageMs[page.id] ?? 0),
      settled: page.settled,
      elements: page.elements.length,
      // What was found in states (after a flow) counts too: a list app's items live there.
      interactions:
        page.interactions.length +
        (page.states ?? []).reduce((sum, state) => sum + state.interactions.length, 0),
      ...notesOn(model, page.url),
    })),
    variables: [],
    auth: 'none',
  };
}

/** What exploration recorded it could not do on an explored page (limits, failed actions, probes). */
function notesOn(model: SiteModel, url: string): { notes?: string[] } {
  const notes = model.issues.filter((issue) => issue.url === url).map((issue) => issue.message);
  return notes.length > 0 ? { notes } : {};
}

function isSameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
