import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { TestopsError } from '../../../core/errors.ts';
import type { FilePlace } from '../model/source-model.ts';

export interface CollectedFile extends FilePlace {
  language: 'python' | 'typescript';
}

const TEST_FILE = /^test_.*\.py$|_test\.py$|\.(spec|test)\.ts$/;
// Dependencies, caches and run output hold no tests of the suite's own.
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  '.venv',
  'venv',
  '__pycache__',
  '.pytest_cache',
  'test-results',
  'playwright-report',
  'allure-results',
]);

/**
 * The files to check: a file is taken as given (its naming is then a finding), a folder is
 * searched for test files (`test_*.py`, `*_test.py`, `*.spec.ts`, `*.test.ts`).
 */
export async function collectFiles(paths: string[], cwd: string): Promise<CollectedFile[]> {
  const found = new Map<string, CollectedFile>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw notFound(given);
    const files = info.isDirectory() ? await testFilesUnder(path) : [checkedExtension(path, given)];
    const root = info.isDirectory() ? path : dirname(path);
    for (const file of files)
      if (!found.has(file))
        found.set(file, { path: file, display: displayPath(file, cwd), root, language: languageOf(file) });
  }
  if (found.size === 0)
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', 'no test files to check', {
      where: paths.join(', '),
      expected: 'test_*.py, *_test.py, *.spec.ts or *.test.ts files in the folders given',
      hint: 'pass the suite folder (e.g. tests/) or the test files themselves.',
    });
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

async function testFilesUnder(folder: string): Promise<string[]> {
  const entries: Dirent[] = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : testFilesUnder(path);
      return entry.isFile() && TEST_FILE.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

function checkedExtension(path: string, given: string): string {
  if (['.py', '.ts'].includes(extname(path))) return path;
  throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `cannot check "${basename(path)}"`, {
    where: given,
    expected: 'a Python (.py) or TypeScript (.ts) test file, or a folder of them',
    hint: 'pass Allure-as-code or pytest files (test_*.py) and Playwright specs (*.spec.ts).',
  });
}

function notFound(given: string): TestopsError {
  return new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'path not found', {
    where: given,
    expected: 'an existing test file or folder',
    hint: 'check the path; folders are searched for test_*.py, *_test.py, *.spec.ts and *.test.ts.',
  });
}

function languageOf(path: string): 'python' | 'typescript' {
  return extname(path) === '.py' ? 'python' : 'typescript';
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}
