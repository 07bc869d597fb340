import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSpecMessage } from './corpus-protocol.ts';
import { SuiteTypeChecker } from './suite-type-checker.ts';

const PROGRESS_EVERY = 100;

export interface TypeCheckFailure {
  spec: string;
  errors: number;
  firstError: string;
  /** Kept on disk for a look; the suites that pass are deleted. */
  suiteDir: string;
}

export interface TypeCheckFigures {
  sampleWanted: number;
  checked: number;
  passed: number;
  failures: TypeCheckFailure[];
  wallMs: number;
}

/**
 * Type-checks the first `sample` specs, in hash order, whose suite was emitted (`emitted` holds
 * their indexes into `specs` and `jobs`), each on its own.
 */
export function typeCheckSample(
  specs: string[],
  ranked: string[],
  emitted: Set<number>,
  jobs: RunSpecMessage[],
  sample: number,
): TypeCheckFigures {
  const started = performance.now();
  const indexOf = new Map(specs.map((spec, index) => [spec, index]));
  const chosen = ranked
    .map((spec) => indexOf.get(spec)!)
    .filter((index) => emitted.has(index))
    .slice(0, sample);
  const checker = new SuiteTypeChecker();
  const failures: TypeCheckFailure[] = [];
  chosen.forEach((index, position) => {
    const suiteDir = jobs[index]!.suiteDir!;
    const result = checker.check(suiteDir);
    if (result.errors > 0) {
      failures.push({
        spec: specs[index]!,
        errors: result.errors,
        firstError: result.firstError ?? '',
        suiteDir,
      });
    }
    if ((position + 1) % PROGRESS_EVERY === 0 || position + 1 === chosen.length) {
      process.stderr.write(
        `[type-check] ${position + 1}/${chosen.length} suites, ${failures.length} failing\n`,
      );
    }
  });
  return {
    sampleWanted: sample,
    checked: chosen.length,
    passed: chosen.length - failures.length,
    failures,
    wallMs: performance.now() - started,
  };
}

/** Deletes the sample's suites but the failing ones, which are kept for a look. */
export async function removePassingSuites(root: string, failures: TypeCheckFailure[]): Promise<void> {
  if (failures.length === 0) {
    await rm(root, { recursive: true, force: true });
    return;
  }
  const keep = new Set(failures.map((failure) => failure.suiteDir));
  for (const entry of await readdir(root)) {
    const dir = join(root, entry);
    if (!keep.has(dir)) await rm(dir, { recursive: true, force: true });
  }
}
