import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export type BenchPart = 'github' | 'corpus';

export interface BenchOptions {
  /** Run one part only; both when absent. */
  only: BenchPart | undefined;
  /** How many emitted corpus suites to type-check. */
  sample: number;
  /** Only the first N corpus specs (sorted by path): for quick runs while fixing a crash. */
  limit: number | undefined;
}

export const DEFAULT_SAMPLE = 200;

/**
 * Parses the flags after the entry script. The entry is located by URL rather than by a fixed
 * argv index so the script works under `bin/run-ts.js`, `tsx` or any other launcher.
 */
export function parseBenchOptions(argv: string[], entryUrl: string): BenchOptions {
  const entryIndex = argv.findIndex((arg) => pathToFileURL(resolve(arg)).href === entryUrl);
  const { values } = parseArgs({
    args: argv.slice(entryIndex + 1),
    options: {
      only: { type: 'string' },
      sample: { type: 'string' },
      limit: { type: 'string' },
    },
    strict: true,
  });
  if (values.only !== undefined && values.only !== 'github' && values.only !== 'corpus') {
    throw new Error(`--only must be "github" or "corpus", not ${JSON.stringify(values.only)}`);
  }
  return {
    only: values.only,
    sample: values.sample === undefined ? DEFAULT_SAMPLE : count('--sample', values.sample),
    limit: values.limit === undefined ? undefined : count('--limit', values.limit),
  };
}

function count(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${flag} must be a whole number, not ${value}`);
  return parsed;
}
