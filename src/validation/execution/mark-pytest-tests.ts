import { escapeRegExp } from '../../core/plain-text.ts';
import { verifyMarks, type FileMarker, type MarkFailure, type TestMark } from './test-marks.ts';

/**
 * pytest modules: a plain test gets `@pytest.mark.skip(reason=…)` above its `def`. A
 * parametrised instance (`test_x[case-1]`) shares its `def` with its siblings, so the body gets
 * a first statement that skips only the instance pytest is running (its id is in
 * PYTEST_CURRENT_TEST while the test runs).
 */
export const markPytestTests: FileMarker = (source, marks) => {
  const lines = source.split('\n');
  const marked: TestMark[] = [];
  const unmarked: MarkFailure[] = [];
  const byFunction = new Map<string, TestMark[]>();
  for (const mark of marks) {
    const name = mark.outcome.file.split('::').at(-1)!;
    const functionName = name.split('[')[0]!;
    byFunction.set(functionName, [...(byFunction.get(functionName) ?? []), mark]);
  }
  for (const [functionName, functionMarks] of byFunction) {
    const owner = functionMarks[0]!.outcome.file.split('::')[0]!.split('/').at(-1)!;
    // JUnit names the class as the module path's last part: search its methods first.
    const classLine = lines.findIndex((line) =>
      new RegExp(`^\\s*class ${escapeRegExp(owner)}\\b`).test(line),
    );
    const index = lines.findIndex((line, at) => at > classLine && defines(line, functionName));
    if (index < 0) {
      for (const mark of functionMarks) unmarked.push({ mark, reason: `no def ${functionName}(` });
      continue;
    }
    const indent = /^\s*/.exec(lines[index]!)![0];
    const plain = functionMarks.filter((mark) => !mark.outcome.file.endsWith(']'));
    const instances = functionMarks.filter((mark) => mark.outcome.file.endsWith(']'));
    if (instances.length > 0) {
      const body = bodyStart(lines, index);
      if (body === undefined) {
        for (const mark of instances) unmarked.push({ mark, reason: `no body after def ${functionName}(` });
      } else {
        lines.splice(body.at, 0, ...instances.map((mark) => skipInstance(body.indent, mark)));
        marked.push(...instances);
      }
    }
    if (plain[0]) {
      lines.splice(index, 0, `${indent}@pytest.mark.skip(reason=${JSON.stringify(plain[0].reason)})`);
      marked.push(plain[0]);
    }
  }
  if (marked.length > 0 && !lines.some((line) => /^import pytest\b/.test(line)))
    lines.unshift('import pytest');
  return { source: lines.join('\n'), ...verifyMarks(lines.join('\n'), marked, unmarked) };
};

function defines(line: string, functionName: string): boolean {
  const trimmed = line.trimStart();
  return trimmed.startsWith(`def ${functionName}(`) || trimmed.startsWith(`async def ${functionName}(`);
}

/** The first line of the function's body and its indentation (the signature may span lines). */
function bodyStart(lines: string[], defIndex: number): { at: number; indent: string } | undefined {
  let end = defIndex;
  while (end < lines.length && !/:\s*(#.*)?$/.test(lines[end]!)) end += 1;
  const first = lines.findIndex((line, at) => at > end && line.trim() !== '');
  if (first < 0) return undefined;
  return { at: first, indent: /^\s*/.exec(lines[first]!)![0] };
}

function skipInstance(indent: string, mark: TestMark): string {
  const id = `::${mark.outcome.file.split('::').at(-1)!}`;
  return `${indent}if __import__("os").environ.get("PYTEST_CURRENT_TEST", "").split(" ")[0].endswith(${JSON.stringify(id)}): pytest.skip(${JSON.stringify(mark.reason)})`;
}
