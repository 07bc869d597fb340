import type { TestOutcome } from '../core/run-report.ts';
import { quote } from '../emit/playwright-ts/render-expression.ts';
import { pyString } from '../emit/pytest/python-literal.ts';

/**
 * A repaired test ran in a suite of its own, then went into rewritten files: its outcome's place
 * follows its title there. Playwright's `file:line` moves with the lines; a pytest id
 * (`tests/test_x.py::TestX::test_name`) takes the function name the full module gave it, which
 * may differ from the one it had alone (a sibling with the same name gets `_2`).
 */
export function relocateOutcome(outcome: TestOutcome, files: Record<string, string>): TestOutcome {
  const pytest = /^(.+?\.py)::(.+)$/.exec(outcome.file);
  return pytest ? relocatePytest(outcome, files, pytest[1]!, pytest[2]!) : relocatePlaywright(outcome, files);
}

function relocatePlaywright(outcome: TestOutcome, files: Record<string, string>): TestOutcome {
  const file = /^(.*):\d+$/.exec(outcome.file)?.[1] ?? outcome.file;
  const source = files[file] ?? files[`tests/${file.replace(/^tests\//, '')}`];
  if (!source) return outcome;
  const index = source.split('\n').findIndex((line) => line.includes(`test(${quote(outcome.title)},`));
  return index < 0 ? outcome : { ...outcome, file: `${file}:${index + 1}` };
}

function relocatePytest(
  outcome: TestOutcome,
  files: Record<string, string>,
  module: string,
  path: string,
): TestOutcome {
  const lines = files[module]?.split('\n');
  if (!lines) return outcome;
  // The test's `testops` mark names its title; its `def` is the next one below.
  const marked = lines.findIndex((line) => line.includes(`title=${pyString(outcome.title)},`));
  const defined = lines
    .slice(marked + 1)
    .map((line) => /^\s*(?:async\s+)?def\s+(\w+)\(/.exec(line)?.[1])
    .find(Boolean);
  if (marked < 0 || !defined) return outcome;
  const parts = path.split('::');
  // A parametrised instance keeps its id (`[case-1]`).
  const instance = /\[.*\]$/.exec(parts.at(-1)!)?.[0] ?? '';
  return { ...outcome, file: [module, ...parts.slice(0, -1), defined + instance].join('::') };
}
