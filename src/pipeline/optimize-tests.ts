import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ApiModel } from '../core/api-model.ts';
import { TestopsError } from '../core/errors.ts';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { OptimisationReport } from '../core/existing-test.ts';
import type { VectorIndex } from '../core/vector-index.ts';
import {
  renderOptimisationJson,
  renderOptimisationMarkdown,
} from '../emit/optimisation/render-optimisation-report.ts';
import { analyseWithModel } from './semantic-similarity.ts';
import { readTestFolder } from '../sources/existing-tests/read-test-folder.ts';
import { buildApiModel } from '../sources/openapi/build-api-model.ts';
import { loadSpec } from '../sources/openapi/load-spec.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { readRequirements } from '../sources/requirements/read-requirements.ts';
import { readSiteModel } from '../sources/web/site-model-io.ts';
import type { ModelOptions } from './model-access.ts';
import { openModelRun } from './model-run.ts';
import { CLI_VENDOR_GUARD, readDefectHistory } from './read-defect-history.ts';

export interface OptimizeTestsOptions extends ModelOptions {
  testsDir: string;
  /** OpenAPI file or URL: outdated API tests, operations × statuses. */
  spec?: string;
  /** Requirements file or folder: requirements × tests. */
  requirements?: string;
  /** Jira JSON export or CSV: ranks suggestions by defect history. */
  defects?: string;
  /** Output folder of a site exploration (its model/site-model.json): outdated UI tests, elements × tests. */
  model?: string;
  nearDuplicateThreshold?: number;
  /** From which an automated test is a manual case's twin (`--twin-threshold`). */
  twinThreshold?: number;
  /** Writes optimisation-report.json and OPTIMISATION.md here. */
  outDir?: string;
  events?: EventSink;
  env?: NodeJS.ProcessEnv;
  /** SSRF guard for a spec URL given by someone else (the service). */
  guard?: UrlGuardOptions;
  /** The project's stored embeddings (the service's): reused across runs, searched for pairs. */
  vectorIndex?: VectorIndex;
}

import {
  OPTIMISATION_REPORT_JSON as REPORT_JSON,
  OPTIMISATION_REPORT_MARKDOWN as REPORT_MARKDOWN,
} from './option-values.ts';

export { REPORT_JSON, REPORT_MARKDOWN };

/** read tests (+ spec, requirements, defects, site model) → analyse → report: the `optimize` job. */
export async function optimizeTests(options: OptimizeTestsOptions): Promise<OptimisationReport> {
  checkThreshold(options.nearDuplicateThreshold);
  checkThreshold(options.twinThreshold, 'twin');
  const run = await openModelRun(options, options.events ?? ignoreEvents);
  const { events } = run;
  const durations: Record<string, number> = {};
  const timed = async <T>(stage: string, key: string, work: () => Promise<T>): Promise<T> => {
    const { result, durationMs } = await timedStage(events, stage, work);
    durations[key] = durationMs;
    return result;
  };
  const tests = await timed('read tests', 'readTests', () =>
    readTestFolder(options.testsDir, { env: options.env }),
  );
  for (const issue of tests.issues)
    events({
      type: 'log',
      level: 'warn',
      message: `skipped ${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.message}`,
    });
  const api = options.spec
    ? await timed('load spec', 'loadSpec', () => loadApiModel(options.spec!, events, options.guard))
    : undefined;
  const requirements = options.requirements
    ? await timed('read requirements', 'readRequirements', () =>
        readRequirements(resolve(options.requirements!)),
      )
    : undefined;
  const defects = options.defects
    ? await timed('read defects', 'readDefects', () =>
        readDefectHistory(options.defects!, {
          env: process.env,
          guard: options.guard ?? CLI_VENDOR_GUARD,
        }),
      )
    : undefined;
  const site = options.model
    ? await timed('read site model', 'readModel', () => readSiteModel(resolve(options.model!)))
    : undefined;
  const input = {
    tests,
    api,
    site,
    requirements: requirements?.requirements,
    defects,
    locations: {
      spec: options.spec,
      requirements: requirements?.location,
      defects: defects?.file,
      model: options.model,
    },
    nearDuplicateThreshold: options.nearDuplicateThreshold,
    twinThreshold: options.twinThreshold,
  };
  const report = await timed('analyse', 'analyse', () => analyseWithModel(input, run, options.vectorIndex));
  report.durations = durations;
  report.model = run.section();
  if (options.outDir) await writeOptimisationReport(options.outDir, report);
  return report;
}

export async function writeOptimisationReport(outDir: string, report: OptimisationReport): Promise<void> {
  const folder = resolve(outDir);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, REPORT_JSON), renderOptimisationJson(report));
  await writeFile(join(folder, REPORT_MARKDOWN), renderOptimisationMarkdown(report));
}

async function loadApiModel(
  spec: string,
  events: EventSink,
  guard: UrlGuardOptions | undefined,
): Promise<ApiModel> {
  const model = buildApiModel(await loadSpec(spec, { guard }));
  for (const issue of model.issues)
    events({ type: 'operation-skipped', operation: issue.operation, reason: issue.message });
  return model;
}

function checkThreshold(threshold: number | undefined, what = 'near-duplicate'): void {
  if (threshold === undefined || (threshold > 0 && threshold <= 1)) return;
  throw new TestopsError(
    'TESTOPS_INVALID_ARGUMENT',
    `the ${what} threshold must be in (0, 1], got ${threshold}`,
    {
      expected: 'a similarity such as 0.75',
      hint: 'lower values report more (and looser) near duplicates; 1 reports only identical texts.',
    },
  );
}
