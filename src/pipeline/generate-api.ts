import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { RunReport } from '../core/run-report.ts';
import { emitPlaywrightSuite } from '../emit/playwright-ts/emit-playwright-suite.ts';
import { buildRunReport } from '../emit/report/build-run-report.ts';
import { generateApiSuite } from '../generation/api/generate-api-suite.ts';
import { buildApiModel } from '../sources/openapi/build-api-model.ts';
import { loadSpec } from '../sources/openapi/load-spec.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { runSuite, writeReport } from './run-suite.ts';
import { MANIFEST_FILE, manifestOf } from './suite-manifest.ts';
import { writeEmittedFiles } from './write-files.ts';

export interface GenerateApiOptions {
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
  /** Stops the verification run in progress (see runSuite). */
  signal?: AbortSignal;
}

/** load → model → design → emit, then (with `run`) execute and verify: the `generate api` job. */
export async function generateApi(options: GenerateApiOptions): Promise<RunReport> {
  const events = options.events ?? ignoreEvents;
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
  const designed = await timedStage(events, 'design tests', () =>
    generateApiSuite(model, {
      specSource: options.spec,
      variables: options.variables ?? {},
      only: options.only ?? [],
      ...(options.authScheme ? { authScheme: options.authScheme } : {}),
      events,
    }),
  );
  durations['generate'] = designed.durationMs;
  const suite = keepKinds(designed.result, options.kinds);
  const emitted = await timedStage(events, `emit ${options.format}`, async () => {
    const files = await emitFiles(suite, options);
    await writeEmittedFiles(outDir, files);
    const manifest = manifestOf(suite, options.format, options.baseUrl);
    await writeFile(join(outDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  });
  durations['emit'] = emitted.durationMs;
  if (options.run) {
    return runSuite({
      suiteDir: outDir,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      repeat: options.repeat,
      headers: options.headers,
      variables: options.variables,
      secretVariables: options.secretVariables,
      allowWrites: options.allowWrites,
      ...(options.conformance ? { conformance: options.conformance } : {}),
      events,
      durations,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.targetGuard ? { guard: options.targetGuard } : {}),
    });
  }
  const report = buildRunReport({
    manifest: emitted.result,
    baseUrl: options.baseUrl,
    repeat: 0,
    outcomes: undefined,
    defects: [],
    durations,
  });
  await writeReport(outDir, report);
  return report;
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
