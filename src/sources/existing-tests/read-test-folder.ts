import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TestopsError } from '../../core/errors.ts';
import {
  EXISTING_TESTS_VERSION,
  type ExistingTest,
  type ExistingTestSet,
  type ReadIssue,
} from '../../core/existing-test.ts';
import type { ParsedFile } from './code-tree.ts';
import { findPython } from './find-python.ts';
import { findTestFiles, relativeFile } from './find-test-files.ts';
import { readPageObjects, registryOf } from './page-objects.ts';
import { parsePythonFiles } from './parse-python-files.ts';
import { parseTypescriptFiles } from './parse-typescript-files.ts';
import { readPlaywrightTests } from './playwright-tests.ts';
import { readPythonTests } from './python-tests.ts';

export interface ReadTestFolderOptions {
  env?: NodeJS.ProcessEnv;
}

/**
 * Reads every test in a folder: Python through Python's own parser, TypeScript through the
 * TypeScript compiler. A file that does not parse is reported and skipped; the rest is read.
 */
export async function readTestFolder(
  folder: string,
  options: ReadTestFolderOptions = {},
): Promise<ExistingTestSet> {
  const root = resolve(folder);
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'the tests folder does not exist', {
      where: root,
      expected: 'a folder holding test files (test_*.py, *.spec.ts, *.test.ts)',
      hint: 'check the path; relative paths resolve from the current directory.',
    });
  }
  const found = await findTestFiles(root);
  if (found.python.length + found.typescriptTests.length === 0) throw noTests(root);
  const issues: ReadIssue[] = [];
  const set: ExistingTestSet = { version: EXISTING_TESTS_VERSION, root, files: [], tests: [], issues };
  const typescript = await parseTypescript([...found.typescriptTests, ...found.typescriptSupport]);
  const support = typescript.filter((file) => !found.typescriptTests.includes(file.file));
  const pages = registryOf(support.flatMap((file) => (file.ok ? readPageObjects(file.body) : [])));
  for (const parsed of support) {
    if (!parsed.ok) issues.push(issueOf(root, parsed));
    else if (readPageObjects(parsed.body).length > 0)
      set.files.push({ file: relativeFile(root, parsed.file), framework: 'page-object', tests: 0 });
  }
  const tests = typescript.filter((file) => found.typescriptTests.includes(file.file));
  for (const parsed of tests) addFile(set, parsed, (file, body) => readPlaywrightTests(file, body, pages));
  if (found.python.length > 0) {
    const python = await parsePythonFiles(await findPython(options.env), found.python);
    for (const parsed of python) addFile(set, parsed, (file, body) => readPythonTests(file, body, pages));
  }
  return set;
}

function addFile(
  set: ExistingTestSet,
  parsed: ParsedFile,
  read: (file: string, body: (ParsedFile & { ok: true })['body']) => ExistingTest[],
): void {
  if (!parsed.ok) {
    set.issues.push(issueOf(set.root, parsed));
    return;
  }
  const file = relativeFile(set.root, parsed.file);
  const tests = read(file, parsed.body);
  set.tests.push(...tests);
  const framework = tests[0]?.framework ?? (file.endsWith('.py') ? 'pytest' : 'playwright');
  set.files.push({ file, framework, tests: tests.length });
}

async function parseTypescript(paths: string[]): Promise<ParsedFile[]> {
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
  return parseTypescriptFiles(files);
}

function issueOf(root: string, parsed: ParsedFile & { ok: false }): ReadIssue {
  return { file: relativeFile(root, parsed.file), line: parsed.line ?? undefined, message: parsed.message };
}

function noTests(root: string): TestopsError {
  return new TestopsError('TESTOPS_TESTS_UNREADABLE', 'the folder holds no test files', {
    where: root,
    expected: 'test_*.py / *_test.py (pytest, Allure-as-code) or *.spec.ts / *.test.ts (Playwright Test)',
    hint: 'point to the folder of the suite (or its tests/ folder).',
  });
}
