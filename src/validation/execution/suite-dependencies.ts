import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestopsError } from '../../core/errors.ts';
import type { EventSink } from '../../core/events.ts';
import { runProcess } from './run-process.ts';

/** Installs the emitted project's pinned runner once; later runs reuse it. */
export async function ensureSuiteDependencies(suiteDir: string, events: EventSink): Promise<void> {
  if (existsSync(join(suiteDir, 'node_modules', '@playwright', 'test', 'package.json'))) return;
  events({
    type: 'log',
    level: 'info',
    message: 'installing the suite’s pinned dependencies (npm install)…',
  });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = await runProcess(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: suiteDir, timeoutMs: 600_000 },
  );
  if (result.code !== 0) {
    throw new TestopsError(
      'TESTOPS_DEPENDENCIES_FAILED',
      `npm install failed in the suite: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`,
      {
        where: suiteDir,
        expected: 'the suite’s package.json dependencies to install from the npm registry',
        hint: 'run `npm install` in the suite folder to see the full error (network, proxy or registry settings).',
      },
    );
  }
}
