// Starting and stopping a target application: its own process group, so stopping it by the
// PID we started also ends the workers it forked; output kept in a log file for diagnosis.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

export interface TargetProcess {
  pid: number;
  logFile: string;
  /** Resolves when the process has exited; `exited` tells whether it already has. */
  exitedPromise: Promise<void>;
  exited: () => boolean;
}

export interface SpawnOptions {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  logFile: string;
}

export function spawnTarget(options: SpawnOptions): TargetProcess {
  const log = createWriteStream(options.logFile);
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let done = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', () => {
      done = true;
      resolve();
    }),
  );
  if (child.pid === undefined) throw new Error(`could not start ${options.command}`);
  return { pid: child.pid, logFile: options.logFile, exitedPromise, exited: () => done };
}

/** SIGTERM to the group we started, SIGKILL after a grace period. */
export async function stopTarget(target: TargetProcess, graceMs = 8_000): Promise<void> {
  if (target.exited()) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-target.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs));
  if ((await Promise.race([target.exitedPromise, timer])) === 'timeout') signalGroup('SIGKILL');
  // Forked workers may outlive the leader: make sure the whole group is gone.
  signalGroup('SIGKILL');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `url` until `ready` accepts the response, the process exits, or the time is up. */
export async function waitUntilReady(options: {
  url: string;
  target: TargetProcess;
  timeoutMs: number;
  ready?: (response: Response) => boolean;
}): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const ready = options.ready ?? ((response: Response) => response.status < 500);
  while (Date.now() < deadline) {
    if (options.target.exited())
      throw new Error(`the target exited before it was ready (log: ${options.target.logFile})`);
    const response = await fetch(options.url, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
    if (response && ready(response)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `not ready after ${options.timeoutMs / 1000} s: ${options.url} (log: ${options.target.logFile})`,
  );
}

/**
 * Spawns the target and waits until it answers; on failure stops it (and runs `cleanup`) before
 * rethrowing, so a target that never became ready leaves nothing behind.
 */
export async function launchTarget(options: {
  spawn: SpawnOptions;
  readyUrl: string;
  timeoutMs: number;
  ready?: (response: Response) => boolean;
  cleanup?: () => Promise<void>;
}): Promise<{ process: TargetProcess; stop: () => Promise<void> }> {
  const target = spawnTarget(options.spawn);
  const stop = async () => {
    await stopTarget(target);
    await options.cleanup?.();
  };
  try {
    await waitUntilReady({
      url: options.readyUrl,
      target,
      timeoutMs: options.timeoutMs,
      ready: options.ready,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { process: target, stop };
}
