// Plants duplicates and conflicts into copies of real generated suites: test blocks are cut out
// of the generated files at the lines the reader reports, changed as a person would change
// them, and written to a new file next to the originals.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExistingTest } from '../../src/core/existing-test.ts';

export interface Plant {
  /** Which generated test to start from. */
  pick: (test: ExistingTest) => boolean;
  /** New title (and, for Python, the method name gets a suffix). */
  title: string;
  change: (block: string) => string;
}

export function findTest(tests: ExistingTest[], pick: (test: ExistingTest) => boolean): ExistingTest {
  const found = tests.find(pick);
  if (!found) throw new Error('the generated suite lacks a test the planted suite starts from');
  return found;
}

/** The source of one test: Playwright from `test(` to its end, Python with its decorators. */
export async function testBlock(root: string, test: ExistingTest): Promise<string> {
  const lines = (await readFile(join(root, test.file), 'utf8')).split('\n');
  let start = test.line - 1;
  if (test.file.endsWith('.py')) while (lines[start - 1]?.trim().startsWith('@')) start--;
  return lines.slice(start, test.endLine).join('\n');
}

export async function plantPlaywright(
  root: string,
  tests: ExistingTest[],
  plants: Plant[],
): Promise<ExistingTest[]> {
  const source = findTest(tests, plants[0]!.pick);
  const header = (await readFile(join(root, source.file), 'utf8'))
    .split('\n')
    .filter((line) => line.startsWith('import '));
  const blocks: string[] = [];
  const originals: ExistingTest[] = [];
  for (const plant of plants) {
    const original = findTest(tests, plant.pick);
    originals.push(original);
    const block = (await testBlock(root, original)).replace(
      quoted(original.title, "'"),
      quoted(plant.title, "'"),
    );
    blocks.push(plant.change(block));
  }
  const file = [...header, '', "test.describe('Planted', () => {", ...blocks, '});', ''].join('\n');
  await writeFile(join(root, 'tests', 'planted.spec.ts'), file);
  return originals;
}

export async function plantPytest(
  root: string,
  tests: ExistingTest[],
  plants: Plant[],
): Promise<ExistingTest[]> {
  const source = findTest(tests, plants[0]!.pick);
  const text = await readFile(join(root, source.file), 'utf8');
  const header = text.slice(0, text.indexOf('\nclass ')).trimEnd();
  const blocks: string[] = [];
  const originals: ExistingTest[] = [];
  for (const [index, plant] of plants.entries()) {
    const original = findTest(tests, plant.pick);
    originals.push(original);
    const block = (await testBlock(root, original))
      .split(quoted(original.title, '"'))
      .join(quoted(plant.title, '"'))
      .replace(`def ${original.name}(`, `def ${original.name}_planted_${index}(`);
    blocks.push(plant.change(block));
  }
  const file = [header, '', '', 'class TestPlanted:', ...blocks.map((block) => `${block}\n`), ''].join('\n');
  await writeFile(join(root, 'tests', 'test_planted.py'), file);
  return originals;
}

/** A title as the emitter quotes it (JSON-style escapes fit both TypeScript and Python here). */
function quoted(title: string, quote: "'" | '"'): string {
  const escaped = title.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}
