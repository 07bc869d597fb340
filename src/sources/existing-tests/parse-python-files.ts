import { spawn } from 'node:child_process';
import { TestopsError } from '../../core/errors.ts';
import type { ParsedFile } from './code-tree.ts';
import { PYTHON_AST_SCRIPT } from './python-ast-script.ts';

/** Files per interpreter process: one process per batch keeps start-up cost off every file. */
const BATCH_SIZE = 200;
const TIMEOUT_MS = 120_000;

/** Parses Python files with a real Python parser, one process per batch of files. */
export async function parsePythonFiles(python: string, files: string[]): Promise<ParsedFile[]> {
  const parsed: ParsedFile[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    parsed.push(...(await parseBatch(python, files.slice(start, start + BATCH_SIZE))));
  }
  return parsed;
}

function parseBatch(python: string, files: string[]): Promise<ParsedFile[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', PYTHON_AST_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(parserFailed(python, error.message, error));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const output = Buffer.concat(stdout).toString('utf8');
      if (code !== 0) {
        const reason = signal ? `was stopped (${signal})` : `exited with ${code}`;
        return reject(parserFailed(python, `${reason}: ${Buffer.concat(stderr).toString('utf8').trim()}`));
      }
      try {
        resolve(JSON.parse(output) as ParsedFile[]);
      } catch (error) {
        reject(parserFailed(python, 'printed output that is not JSON', error));
      }
    });
    child.stdin.end(JSON.stringify(files));
  });
}

function parserFailed(python: string, problem: string, cause?: unknown): TestopsError {
  return new TestopsError('TESTOPS_TESTS_UNREADABLE', `the Python parser ${problem}`, {
    where: python,
    expected: 'the interpreter to run the parsing script and print JSON',
    hint: 'check that this python3 works (`python3 -c "import ast"`), or set TESTOPS_PYTHON to another one.',
    cause,
  });
}
