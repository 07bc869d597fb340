// Child process of the robustness run: runs the specs the parent sends, one at a time. Living in
// its own process lets the parent kill a spec that hangs in synchronous code, and start afresh
// when memory grows.
import { restrictFetchToLoopback } from './loopback-only-fetch.ts';
import type { RunSpecMessage, SpecOutcomeMessage, StageStartedMessage } from './corpus-protocol.ts';
import { summarizeError } from './error-summary.ts';
import { runPipeline } from './run-pipeline.ts';
import { writeSuite } from './write-suite.ts';

restrictFetchToLoopback();
// Library frames (Ajv, the YAML parser, …) can fill the default 10: keep enough to reach the engine's.
Error.stackTraceLimit = 50;

process.on('message', (message: RunSpecMessage) => {
  void runOne(message).then((outcome) => process.send?.(outcome));
});
process.on('disconnect', () => process.exit(0));
// Sent once the handler above is in place, so the parent's per-spec clock excludes start-up.
process.send?.('ready');

async function runOne({ index, specPath, suiteDir }: RunSpecMessage): Promise<SpecOutcomeMessage> {
  const started = performance.now();
  const measured = () => ({ index, ms: performance.now() - started, rssBytes: process.memoryUsage.rss() });
  try {
    const output = await runPipeline(specPath, (stage) =>
      process.send?.({ index, stageStarted: stage } satisfies StageStartedMessage),
    );
    // Measured before writing the sample suite: the figure is the engine's time, not the disk's.
    const figures = measured();
    if (suiteDir) await writeSuite(suiteDir, output.files);
    return {
      ...figures,
      status: 'ok',
      operations: output.model.operations.length,
      skipped: output.suite.skippedOperations.length,
      tests: output.suite.cases.length,
      stageMs: output.stageMs,
      suiteWritten: suiteDir !== undefined,
    };
  } catch (error) {
    return { ...measured(), status: 'failed', error: summarizeError(error) };
  }
}
