import { verifyMarks, type FileMarker, type MarkFailure, type TestMark } from './test-marks.ts';

/** `test('title', …` or `test("title", …` with a plain (non-template) title literal. */
const PLAIN_TEST_CALL = /\btest\(\s*(['"])((?:\\.|(?!\1).)*)\1/;
const ANY_TEST_CALL = /\btest\(/;

/**
 * Playwright specs: a test whose call has its title as a plain literal becomes `test.fixme(…)`
 * with the reason above it. A test built in a loop (parametrised) shares its `test(` line with
 * its siblings, so that line is left alone and the body gets `test.fixme(<its title>, reason)`:
 * only the instance with that title is skipped.
 */
export const markPlaywrightTests: FileMarker = (source, marks) => {
  const lines = source.split('\n');
  const byLine = new Map<number, TestMark[]>();
  for (const mark of marks) {
    const line = Number(/:(\d+)$/.exec(mark.outcome.file)?.[1] ?? 0);
    byLine.set(line, [...(byLine.get(line) ?? []), mark]);
  }
  const marked: TestMark[] = [];
  const unmarked: MarkFailure[] = [];
  // Bottom-up, so inserted lines keep the earlier line numbers valid.
  for (const [line, lineMarks] of [...byLine].sort((a, b) => b[0] - a[0])) {
    const index = line - 1;
    const call = lines[index];
    if (call === undefined || !ANY_TEST_CALL.test(call)) {
      for (const mark of lineMarks) unmarked.push({ mark, reason: `no test( call on line ${line}` });
      continue;
    }
    const indent = /^\s*/.exec(call)![0];
    const literal = PLAIN_TEST_CALL.exec(call);
    const only = lineMarks[0]!;
    if (lineMarks.length === 1 && literal && unescape(literal[2]!) === only.outcome.title) {
      lines[index] = call.replace(ANY_TEST_CALL, 'test.fixme(');
      lines.splice(index, 0, `${indent}// ${only.reason}`);
      marked.push(only);
      continue;
    }
    const bodyLine = lines.findIndex((text, at) => at >= index && /=>\s*\{\s*$/.test(text));
    if (bodyLine < 0) {
      for (const mark of lineMarks) unmarked.push({ mark, reason: `no test body after line ${line}` });
      continue;
    }
    const statements = lineMarks.map(
      (mark) =>
        `${indent}  test.fixme(test.info().title === ${JSON.stringify(mark.outcome.title)}, ${JSON.stringify(mark.reason)});`,
    );
    lines.splice(bodyLine + 1, 0, ...statements);
    marked.push(...lineMarks);
  }
  return { source: lines.join('\n'), ...verifyMarks(lines.join('\n'), marked, unmarked) };
};

function unescape(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}
