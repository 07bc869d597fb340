// Waits for a child started in its own process group (`detached: true`), killing the whole group
// when it outlives its time: a test runner's workers or a CLI's browsers go with it.
import type { ChildProcess } from 'node:child_process';

export async function waitBounded(
  child: ChildProcess,
  timeoutMs: number,
): Promise<{ exitCode: number | null; timedOut: boolean }> {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((done) => child.once('close', done));
  clearTimeout(timer);
  return { exitCode, timedOut };
}
