import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { TestopsError } from '../../core/errors.ts';
import type { ManualCase, ManualCaseSet } from '../../core/manual-case.ts';
import { readAllureIds, writeAllureIds } from './allure-ids-in-code.ts';

/** A folder written by `testops generate cases --format allure-python`, with the Allure ID of each case found in its code. */
export interface AllureCasesFolder {
  dir: string;
  cases: ManualCase[];
  /** The module (relative path) that holds each case's method. */
  modules: Map<string, string>;
  /** Allure IDs already written in the code, by case id. */
  ids: Map<string, number>;
}

const CASES_FILE = 'test-cases.json';

// The fields of a manual case an export sends, checked: the folder is the user's to edit.
const caseShape = z.object({
  id: z.string().regex(/^[A-Za-z0-9_]+$/),
  title: z.string().min(1),
  description: z.string(),
  feature: z.string(),
  story: z.string(),
  suite: z.enum(['UI', 'API']),
  owner: z.string(),
  priority: z.enum(['CRITICAL', 'NORMAL', 'LOW']),
  tags: z.array(z.string()),
  links: z.array(z.object({ url: z.string(), name: z.string() })),
  preconditions: z.array(z.string()),
  steps: z.array(
    z.object({
      phase: z.enum(['arrange', 'act', 'assert']),
      action: z.string(),
      expected: z.string().optional().nullable(),
    }),
  ),
});
const setShape = z.object({ version: z.literal(1), cases: z.array(caseShape) });
const DEF = /^\s*def test_([A-Za-z0-9_]+)\s*\(/gm;

export async function readAllureCasesFolder(path: string): Promise<AllureCasesFolder> {
  const dir = resolve(path);
  const set = await readCaseSet(dir);
  const modules = new Map<string, string>();
  const ids = new Map<string, number>();
  for (const name of await pythonModules(dir)) {
    const source = await readFile(join(dir, 'tests', name), 'utf8');
    for (const match of source.matchAll(DEF)) modules.set(match[1]!, `tests/${name}`);
    for (const [caseId, id] of readAllureIds(source)) ids.set(caseId, id);
  }
  const cases = set.cases.filter((manualCase) => modules.has(manualCase.id));
  if (cases.length === 0) {
    throw new TestopsError(
      'TESTOPS_INVALID_ARGUMENT',
      'no case of test-cases.json has its method in tests/*.py',
      {
        where: dir,
        expected:
          'a folder written by `testops generate cases --format allure-python` (test-cases.json and tests/test_*.py)',
        hint: 'generate the cases with --format allure-python: the Allure ID of each case is kept in that code.',
      },
    );
  }
  return { dir, cases, modules, ids };
}

/** Writes `@allure.id("…")` into each module for the cases given. */
export async function writeIdsIntoModules(
  folder: AllureCasesFolder,
  ids: ReadonlyMap<string, number>,
): Promise<string[]> {
  const byModule = new Map<string, Map<string, number>>();
  for (const [caseId, id] of ids) {
    const module = folder.modules.get(caseId);
    if (!module) continue;
    const entry = byModule.get(module) ?? new Map<string, number>();
    entry.set(caseId, id);
    byModule.set(module, entry);
  }
  const changed: string[] = [];
  for (const [module, moduleIds] of byModule) {
    const file = join(folder.dir, module);
    const source = await readFile(file, 'utf8');
    const updated = writeAllureIds(source, moduleIds);
    if (updated !== source) {
      await writeFile(file, updated);
      changed.push(module);
    }
  }
  return changed;
}

async function readCaseSet(dir: string): Promise<ManualCaseSet> {
  const file = join(dir, CASES_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', `the cases folder has no ${CASES_FILE}`, {
      where: file,
      expected: 'a folder written by `testops generate cases --format allure-python`',
      hint: 'pass the --out folder of `testops generate cases`.',
    });
  }
  let set: ManualCaseSet;
  try {
    set = JSON.parse(text) as ManualCaseSet;
  } catch (error) {
    throw invalidSet(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const parsed = setShape.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidSet(file, `${issue.path.join('.')}: ${issue.message}`);
  }
  return set;
}

async function pythonModules(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'tests')).catch(() => [] as string[]);
  return names.filter((name) => /^test_.*\.py$/.test(name)).sort();
}

function invalidSet(file: string, problem: string): TestopsError {
  return new TestopsError('TESTOPS_INVALID_ARGUMENT', `${CASES_FILE} cannot be read: ${problem}`, {
    where: file,
    expected: 'the test-cases.json written by `testops generate cases`, unchanged',
    hint: 'generate the cases again, or restore the file.',
  });
}
