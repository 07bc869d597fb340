import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface FoundFiles {
  /** `test_*.py` and `*_test.py`, as pytest collects them. */
  python: string[];
  /** `*.spec.ts`, `*.test.ts` (and .js/.mjs/.mts…), as Playwright Test collects them. */
  typescriptTests: string[];
  /** TypeScript sources that may hold page objects: `pages/*.ts`, `*.page.ts`, `LoginPage.ts`. */
  typescriptSupport: string[];
}

/** Folders that hold tools, reports or dependencies, never tests to analyse. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '__pycache__',
  'venv',
  'evidence',
  'playwright-report',
  'test-results',
  'allure-results',
  'allure-report',
  'dist',
  'build',
]);
const PYTHON_TEST = /^(test_.*|.*_test)\.py$/;
const TS_TEST = /\.(spec|test)\.(ts|mts|cts|js|mjs|cjs|tsx|jsx)$/;
const TS_SOURCE = /\.(ts|mts|tsx|js|mjs)$/;
const CONFIG_FILE = /(\.d\.ts|\.config\.(ts|js|mjs|cjs))$/;
/** Only files named for pages are parsed for page objects: a project folder may hold thousands of others. */
const PAGE_OBJECT_PATH = /pages?([-_.]?objects?)?[/\\.]|page\.[cm]?[jt]s$/i;

/** Walks a folder for test files (sorted, absolute paths), skipping hidden and tool folders. */
export async function findTestFiles(root: string): Promise<FoundFiles> {
  const found: FoundFiles = { python: [], typescriptTests: [], typescriptSupport: [] };
  await walk(root, found);
  for (const list of Object.values(found)) list.sort();
  return found;
}

async function walk(folder: string, found: FoundFiles): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(path, found);
    } else if (entry.isFile()) classify(entry.name, path, found);
  }
}

function classify(name: string, path: string, found: FoundFiles): void {
  if (PYTHON_TEST.test(name)) found.python.push(path);
  else if (TS_TEST.test(name)) found.typescriptTests.push(path);
  else if (TS_SOURCE.test(name) && !CONFIG_FILE.test(name) && PAGE_OBJECT_PATH.test(path))
    found.typescriptSupport.push(path);
}

/** A path relative to the folder read, with `/` on every platform (test ids use it). */
export function relativeFile(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
