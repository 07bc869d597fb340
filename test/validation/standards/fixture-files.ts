import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, StandardsReport } from '../../../src/validation/standards/index.ts';

/** Test inputs of the standards check: real Allure-as-code files, some with planted problems. */
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** 1-based line of the first line containing `marker` (fixtures mark planted problems in comments). */
export async function lineOf(file: string, marker: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findIndex((line) => line.includes(marker));
  if (index === -1) throw new Error(`${marker} not found in ${file}`);
  return index + 1;
}

export function allFindings(report: StandardsReport): Finding[] {
  return report.files.flatMap((file) => file.findings);
}

/** A scratch copy of a fixture folder, for tests that change files (--fix). */
export async function copyFixture(name: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `testops-check-${name}-`));
  await cp(join(FIXTURES, name), dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function scratchDir(name: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `testops-check-${name}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
