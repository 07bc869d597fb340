import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { TestOutcome } from '../core/run-report.ts';

/** Where a run's failure artifacts wait, inside the suite, while another run of it goes on. */
const HELD = '.testops-held';

/**
 * Copies every failure's artifacts (screenshots, traces, exchange files) of a finished run to a
 * folder no runner clears, and answers the outcomes pointing at the copies. A second run of the
 * same suite (the paced run of rate-limited tests) starts by wiping `test-results/` or
 * `results/`, which would take the first run's evidence of its real failures with it.
 */
export async function holdArtifacts(
  suiteDir: string,
  outcomes: readonly TestOutcome[],
): Promise<TestOutcome[]> {
  let count = 0;
  const held: TestOutcome[] = [];
  for (const outcome of outcomes) {
    const failure = outcome.failure;
    if (!failure || failure.artifacts.length === 0) {
      held.push(outcome);
      continue;
    }
    const artifacts: string[] = [];
    for (const path of failure.artifacts) {
      const target = join(HELD, `${count++}-${basename(path)}`);
      await mkdir(join(suiteDir, HELD), { recursive: true });
      const copied = await copyFile(
        isAbsolute(path) ? path : join(suiteDir, path),
        join(suiteDir, target),
      ).then(
        () => true,
        () => false,
      );
      // One that is already gone stays as it was: evidence leaves out what it cannot copy.
      artifacts.push(copied ? target : path);
    }
    held.push({ ...outcome, failure: { ...failure, artifacts } });
  }
  return held;
}

/** Removes the held copies once evidence has kept what it needs. */
export async function releaseArtifacts(suiteDir: string): Promise<void> {
  await rm(join(suiteDir, HELD), { recursive: true, force: true });
}
