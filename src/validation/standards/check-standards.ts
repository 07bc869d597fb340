import type { SourceFile } from './model/source-model.ts';
import type { StandardsReport } from './model/standards-report.ts';
import { collectFiles, type CollectedFile } from './parse/collect-files.ts';
import { summarisePythonFiles, summaryScript } from './parse/python-batch.ts';
import { findAstPython } from './parse/python-interpreter.ts';
import { pythonSourceFile } from './parse/python-model.ts';
import { typeScriptSourceFiles } from './parse/typescript-files.ts';
import { createPytestConfigFinder } from './parse/pytest-config.ts';
import { runRules } from './run-rules.ts';
import { loadRuleSet } from './ruleset/rule-set.ts';
import type { RuleSet } from './ruleset/rule-types.ts';
import { buildReport } from './score-report.ts';

export interface CheckOptions {
  /** A YAML or JSON rules file that changes the default rule set. */
  rulesFile?: string;
  /** Base URL of the system under test: its host is allowed for requests. */
  target?: string;
  /** Folder paths are resolved against and reports are relative to (default: process.cwd()). */
  cwd?: string;
}

export interface StandardsAnalysis {
  report: StandardsReport;
  files: SourceFile[];
  ruleSet: RuleSet;
}

/**
 * The standards check: collects the test files under `paths`, parses them (Python with Python,
 * TypeScript with the TypeScript compiler), runs the configured rules and scores the result.
 * Bad input (a missing path, an invalid rules file, no Python for Python files) throws a
 * TestopsError; a file that does not parse is a finding, and every other file is still checked.
 */
export async function checkStandards(paths: string[], options: CheckOptions = {}): Promise<StandardsReport> {
  return (await analyseStandards(paths, options)).report;
}

/** The check, also returning the parsed files and rules (what `--fix` works from). */
export async function analyseStandards(
  paths: string[],
  options: CheckOptions = {},
): Promise<StandardsAnalysis> {
  const ruleSet = await loadRuleSet({
    ...(options.rulesFile ? { rulesFile: options.rulesFile } : {}),
    ...(options.target ? { target: options.target } : {}),
  });
  const collected = await collectFiles(paths, options.cwd ?? process.cwd());
  const files = await parseFiles(collected);
  const findings = await runRules(files, ruleSet, createPytestConfigFinder());
  return { report: buildReport(files, findings, ruleSet), files, ruleSet };
}

/**
 * Every collected file as the rules' model: Python through Python's own parser (batched), and
 * TypeScript through the TypeScript compiler, both at once. Python is looked for only when
 * there are Python files, so a Playwright-only check needs no Python installed.
 */
async function parseFiles(files: CollectedFile[]): Promise<SourceFile[]> {
  const python = files.filter((file) => file.language === 'python');
  const typescript = files.filter((file) => file.language === 'typescript');
  // Python is found first, so its batches are running before TypeScript parsing (synchronous)
  // holds the event loop: the two then overlap.
  const interpreter = python.length > 0 ? await findAstPython() : undefined;
  if (interpreter) await summaryScript();
  const paths = python.map((file) => file.path);
  const [summaries, typeScriptFiles] = await Promise.all([
    interpreter ? summarisePythonFiles(interpreter, paths) : [],
    typeScriptSourceFiles(typescript.map(({ path, display, root }) => ({ path, display, root }))),
  ]);
  const places = new Map(python.map(({ path, display, root }) => [path, { path, display, root }]));
  const parsed = [
    ...summaries.map((summary) => pythonSourceFile(summary, places.get(summary.path)!)),
    ...typeScriptFiles,
  ];
  const byPath = new Map(parsed.map((file) => [file.path, file]));
  return files.map((file) => byPath.get(file.path)!);
}
