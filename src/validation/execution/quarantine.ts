import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestOutcome } from '../../core/run-report.ts';

/**
 * Flaky tests are not delivered as if they were reliable: each becomes `test.fixme` with the
 * reason above it, so the suite stays green and the doubt stays visible.
 */
export async function quarantineFlakyTests(suiteDir: string, outcomes: TestOutcome[]): Promise<number> {
  const flaky = outcomes.filter((outcome) => outcome.verdict === 'flaky');
  const byFile = new Map<string, { line: number; reason: string }[]>();
  for (const outcome of flaky) {
    const [file, line] = splitLocation(outcome.file);
    const reason =
      `Quarantined by TestOps Copilot: passed ${outcome.passes} of ${outcome.runs} runs. ${outcome.failure?.actual ?? ''}`.trim();
    byFile.set(file, [...(byFile.get(file) ?? []), { line, reason }]);
  }
  let changed = 0;
  for (const [file, entries] of byFile) {
    const path = join(suiteDir, 'tests', file.replace(/^tests\//, ''));
    const lines = (await readFile(path, 'utf8')).split('\n');
    // Bottom-up, so inserting comment lines keeps the earlier line numbers valid.
    for (const { line, reason } of entries.sort((a, b) => b.line - a.line)) {
      const index = line - 1;
      const source = lines[index];
      if (source === undefined || !/\btest\(/.test(source)) continue;
      const indent = /^\s*/.exec(source)?.[0] ?? '';
      lines[index] = source.replace(/\btest\(/, 'test.fixme(');
      lines.splice(index, 0, `${indent}// ${reason.replace(/\n/g, ' ').slice(0, 300)}`);
      changed += 1;
    }
    await writeFile(path, lines.join('\n'));
  }
  return changed;
}

function splitLocation(location: string): [string, number] {
  const match = /^(.*):(\d+)$/.exec(location);
  return match ? [match[1]!, Number(match[2])] : [location, 0];
}

/** The pytest counterpart: a `skip` mark with the reason above the flaky test's `def`. */
export async function quarantineFlakyPytests(suiteDir: string, outcomes: TestOutcome[]): Promise<number> {
  let changed = 0;
  for (const outcome of outcomes.filter((candidate) => candidate.verdict === 'flaky')) {
    // `tests/test_disks/TestDisks::test_name` from the JUnit class name and test name.
    const [modulePath, testName] = [outcome.file.split('::')[0]!, outcome.file.split('::').at(-1)!];
    const file = join(suiteDir, `${modulePath.split('/').slice(0, -1).join('/')}.py`);
    const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n');
    const index = lines.findIndex((line) => new RegExp(`^\\s*def ${testName}\\(`).test(line));
    if (index < 0) continue;
    const indent = /^\s*/.exec(lines[index]!)?.[0] ?? '';
    const reason =
      `Quarantined by TestOps Copilot: passed ${outcome.passes} of ${outcome.runs} runs. ${outcome.failure?.actual ?? ''}`.trim();
    lines.splice(
      index,
      0,
      `${indent}@pytest.mark.skip(reason=${JSON.stringify(reason.replace(/\n/g, ' ').slice(0, 300))})`,
    );
    await writeFile(file, lines.join('\n'));
    changed += 1;
  }
  return changed;
}
