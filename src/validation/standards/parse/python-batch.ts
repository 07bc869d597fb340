import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { describeError } from '../../../core/errors.ts';
import type { RawPythonFile } from './python-raw.ts';

const SCRIPT_URL = new URL('./python-ast-summary.py', import.meta.url);
// Big enough that start-up (~20–50 ms per interpreter) is paid rarely, small enough that
// a run of a thousand files still spreads over every core.
const BATCH_SIZE = 150;

let script: Promise<string> | undefined;

/** The summary script's text, read once per process. */
export function summaryScript(): Promise<string> {
  script ??= readFile(SCRIPT_URL, 'utf8');
  return script;
}

/**
 * Parses Python files with the real Python parser, one `python -c` process per batch of files,
 * batches in parallel. A file Python cannot parse comes back with its syntax error; the other
 * files of its batch are unaffected.
 */
export async function summarisePythonFiles(python: string, paths: string[]): Promise<RawPythonFile[]> {
  if (paths.length === 0) return [];
  const source = await summaryScript();
  const batches: string[][] = [];
  const size = Math.max(1, Math.min(BATCH_SIZE, Math.ceil(paths.length / availableParallelism())));
  for (let start = 0; start < paths.length; start += size) batches.push(paths.slice(start, start + size));
  const results: RawPythonFile[][] = new Array(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await summariseBatch(python, source, batches[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), batches.length) }, worker));
  return results.flat();
}

async function summariseBatch(python: string, source: string, paths: string[]): Promise<RawPythonFile[]> {
  const result = await runScript(python, source, JSON.stringify(paths));
  if (result.ok) return JSON.parse(result.stdout) as RawPythonFile[];
  // The script itself failed (e.g. a file nested too deep for the parser): find which one.
  if (paths.length > 1)
    return (await Promise.all(paths.map((path) => summariseBatch(python, source, [path])))).flat();
  const reason = result.stderr.trim().split('\n').pop() ?? 'unknown failure';
  return [
    {
      path: paths[0]!,
      error: { message: `Python could not summarise the file: ${reason}`, line: 1, col: 1 },
    },
  ];
}

function runScript(
  python: string,
  source: string,
  input: string,
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(python, ['-c', source], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => resolve({ ok: false, stdout: '', stderr: describeError(error) }));
    child.on('close', (code) =>
      resolve({
        ok: code === 0,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    // EPIPE when the interpreter dies early is reported through 'close' with its stderr.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
