// Runs the product's CLI as a user would (`node bin/testops.js …`), bounded in time, and reads
// the JSON report it prints with `--json`.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { RunReport } from '../../src/core/run-report.ts';
import { waitBounded } from './bounded-child.ts';

const CLI = resolve(import.meta.dirname, '../../bin/testops.js');

export interface CliResult {
  report: RunReport | undefined;
  exitCode: number | null;
  ms: number;
  error: string | undefined;
}

export async function runCli(options: {
  args: string[];
  env?: Record<string, string>;
  logFile: string;
  timeoutMs: number;
}): Promise<CliResult> {
  const started = Date.now();
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, [CLI, ...options.args], {
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.pipe(log);
  const { exitCode, timedOut } = await waitBounded(child, options.timeoutMs);
  log.end();
  const ms = Date.now() - started;
  if (timedOut)
    return { report: undefined, exitCode, ms, error: `timed out after ${options.timeoutMs / 1000} s` };
  try {
    return { report: JSON.parse(stdout) as RunReport, exitCode, ms, error: undefined };
  } catch {
    return {
      report: undefined,
      exitCode,
      ms,
      error: `exit ${exitCode}, no JSON report (log: ${options.logFile})`,
    };
  }
}
