import { join } from 'node:path';
import { ensureCorpus, GITHUB_SPEC_PACKAGE } from './corpus-cache.ts';
import { runPipeline, type PipelineStage } from './run-pipeline.ts';
import { startRssSampler } from './rss-sampler.ts';

export const GITHUB_TARGETS = {
  wallMs: 30_000,
  wallLabel: '< 30 s',
  peakRssBytes: 2 * 1024 ** 3,
  peakRssLabel: '< 2 GB',
} as const;

export interface GithubSpecFigures {
  spec: string;
  packageVersion: string;
  wallMs: number;
  stageMs: Record<PipelineStage, number>;
  /** Highest RSS seen by the 50 ms sampler. */
  sampledPeakRssBytes: number;
  /** The kernel's high-water mark for the whole process, loader and all. */
  maxRssBytes: number;
  operationsModelled: number;
  operationsSkipped: number;
  firstSkipReasons: { operation: string; reason: string }[];
  testsGenerated: number;
  filesEmitted: number;
}

/** The GitHub REST spec (~1,200 operations) end to end in this process: wall time and peak memory. */
export async function benchGithubSpec(): Promise<GithubSpecFigures> {
  const corpus = await ensureCorpus(GITHUB_SPEC_PACKAGE);
  const spec = join(corpus.dir, 'generated', 'api.github.com.json');
  const sampler = startRssSampler(50);
  const started = performance.now();
  const output = await runPipeline(spec);
  const wallMs = performance.now() - started;
  const { peakBytes } = await sampler.stop();
  const skipped = output.suite.skippedOperations;
  return {
    spec,
    packageVersion: corpus.version,
    wallMs,
    stageMs: output.stageMs,
    sampledPeakRssBytes: peakBytes,
    // maxRSS is in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    operationsModelled: output.model.operations.length,
    operationsSkipped: skipped.length,
    firstSkipReasons: skipped.slice(0, 5),
    testsGenerated: output.suite.cases.length,
    filesEmitted: Object.keys(output.files).length,
  };
}
