import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** `testops` processes the service benchmarks start, measure and stop. */

const BIN = new URL('../../bin/testops.js', import.meta.url).pathname;

/** Starts `testops <args>` and resolves with its URL once it says it listens; `started` tracks it for cleanup. */
export async function startProcess(
  args: string[],
  processEnv: NodeJS.ProcessEnv,
  started: ChildProcess[] = [],
): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: processEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /API on (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.on('exit', (code) =>
      reject(new Error(`testops ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
  return { url, process: child };
}

/** Resident memory of a child process, in MB (Linux /proc). */
export async function rssOf(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
