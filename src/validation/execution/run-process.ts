import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How long a runner asked to stop (SIGTERM: Playwright closes its workers and browsers) may take. */
const STOP_GRACE_MS = 5_000;

/**
 * Runs a command to completion, capturing its output (bounded) and never throwing on exit codes.
 * An aborted `signal` stops it: SIGTERM, then SIGKILL if it is still there after a grace period.
 */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; signal?: AbortSignal },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const keep = (buffer: string, chunk: Buffer) =>
      buffer.length > 2_000_000 ? buffer : buffer + chunk.toString();
    child.stdout.on('data', (chunk: Buffer) => (stdout = keep(stdout, chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = keep(stderr, chunk)));
    const timers: NodeJS.Timeout[] = [];
    if (options.timeoutMs) timers.push(setTimeout(() => child.kill('SIGKILL'), options.timeoutMs));
    const stop = () => {
      child.kill('SIGTERM');
      timers.push(setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS));
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
    const settle = () => {
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    };
    child.on('error', (error) => {
      settle();
      reject(error);
    });
    child.on('close', (code) => {
      settle();
      resolve({ code, stdout, stderr });
    });
  });
}
