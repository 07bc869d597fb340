// Texts a suite's tests create with a mark (see UiStepAction's `fill`): every string the code
// uses that holds a mark becomes `uniqueText(...)`, so a run types and expects letters of its own.
// Titles of tests and steps keep the text as explored: they name the test, and stay stable.
import type { UiSuite } from '../../core/ui-test-case.ts';

/** The marks of the suite's fills, longest first. */
export function marksOf(suite: UiSuite): string[] {
  const marks = new Set<string>();
  for (const testCase of suite.cases)
    for (const step of testCase.steps)
      for (const action of step.actions) if (action.kind === 'fill' && action.mark) marks.add(action.mark);
  return [...marks].sort((a, b) => b.length - a.length);
}

// A single-quoted literal as `quote` writes it, with what precedes it on the line.
const LITERAL = /(test(?:\.step|\.describe)?\(|description: )?('(?:[^'\\\n]|\\.)*')/g;
const IMPORT = "import { uniqueText } from '../support/unique-text.ts';";

/** The code with marked literals made unique per run, and the import they need; else unchanged. */
export function withUniqueTexts(code: string, marks: string[]): string {
  if (marks.length === 0) return code;
  let changed = false;
  const lines = code.split('\n').map((line) => {
    if (/^\s*(\/\/|\/\*|\*)/.test(line)) return line;
    return line.replace(LITERAL, (whole, title: string | undefined, literal: string) => {
      const mark = title ? undefined : marks.find((candidate) => literal.includes(candidate));
      if (!mark) return whole;
      changed = true;
      return `uniqueText(${literal}, '${mark}')`;
    });
  });
  if (!changed) return code;
  const lastImport = lines.reduce((last, line, index) => (line.startsWith('import ') ? index : last), -1);
  lines.splice(lastImport + 1, 0, IMPORT);
  return lines.join('\n');
}
