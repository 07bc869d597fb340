import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { analyseStandards, type CheckOptions } from './check-standards.ts';
import { planLabelFixes } from './fix/label-fixes.ts';
import { planMarkerFixes } from './fix/marker-fix.ts';
import { planStepOrderFixes } from './fix/step-order-fix.ts';
import { applyEdits } from './fix/fix-plan.ts';
import type { SourceFile } from './model/source-model.ts';
import type { FixChange, StandardsReport } from './model/standards-report.ts';
import { summarisePythonFiles } from './parse/python-batch.ts';
import { findAstPython } from './parse/python-interpreter.ts';
import { createPytestConfigFinder } from './parse/pytest-config.ts';
import { firstUse } from './rules/label-rules.ts';
import { listParameter } from './rules/parameters.ts';

export interface FixOptions extends CheckOptions {
  /** Owner for cases without one (default "qa"). */
  owner?: string;
}

const FIXABLE = new Set(['labels-required', 'aaa-order', 'marker-registered']);

/**
 * `testops check --fix`: applies safe fixes only, to manual cases (Allure TestOps as code):
 * missing labels with defaults, the manual marker registered in pytest.ini, and step blocks
 * put in Arrange → Act → Assert order when that is their only problem. It never rewrites a
 * line of test logic; a fixed file that would not parse is left as it was. Returns the report
 * of a fresh check after the fixes, with what was changed (and what needs a person) in `fixes`.
 */
export async function fixStandards(paths: string[], options: FixOptions = {}): Promise<StandardsReport> {
  const { report, files, ruleSet } = await analyseStandards(paths, options);
  const findings = new Map(report.files.map((file) => [file.file, file.findings]));
  const changes: FixChange[] = [];
  const originals = new Map<string, { file: SourceFile; text: string }>();
  const markerUses: { file: SourceFile; markers: string[] }[] = [];
  const markerRule = ruleSet.rules.find((rule) => rule.id === 'marker-registered');
  for (const file of files) {
    if (file.kind !== 'allure-manual' || file.syntaxErrors.length > 0) continue;
    const own = findings.get(file.display) ?? [];
    if (!own.some((finding) => FIXABLE.has(finding.ruleId))) continue;
    const text = await readFile(file.path, 'utf8');
    const lines = text.split(/\r?\n/);
    const labels = planLabelFixes(file, lines, ruleSet, options.owner ?? 'qa');
    const order = planStepOrderFixes(file, own, ruleSet, lines);
    changes.push(...labels.changes, ...order.changes);
    const edits = [...labels.edits, ...order.edits];
    if (edits.length > 0) {
      originals.set(file.path, { file, text });
      await writeFile(file.path, applyEdits(text, edits));
    }
    // A marker we just added must be registered too, or --strict-markers runs fail.
    const added = labels.edits.some((edit) =>
      edit.lines.some((line) => line.includes('@pytest.mark.manual')),
    );
    const used = markerRule
      ? listParameter(markerRule, 'markers').filter((m) => firstUse(file, `pytest.mark.${m}`))
      : [];
    const markers = [...new Set([...used, ...(added ? ['manual'] : [])])];
    if (markers.length > 0) markerUses.push({ file, markers });
  }
  await revertUnparsable(originals, changes);
  const cwd = options.cwd ?? process.cwd();
  const display = (path: string) => (relative(cwd, path).startsWith('..') ? path : relative(cwd, path));
  const markerFixes = await planMarkerFixes(markerUses, createPytestConfigFinder(), display);
  for (const [path, text] of markerFixes.writes) await writeFile(path, text);
  changes.push(...markerFixes.changes);
  const after = await analyseStandards(paths, options);
  return { ...after.report, fixes: changes };
}

/** The promise that a fixed file parses, kept: any that does not is restored and its changes withdrawn. */
async function revertUnparsable(
  originals: Map<string, { file: SourceFile; text: string }>,
  changes: FixChange[],
): Promise<void> {
  if (originals.size === 0) return;
  const parsed = await summarisePythonFiles(await findAstPython(), [...originals.keys()]);
  for (const result of parsed) {
    if (!('error' in result)) continue;
    const { file, text } = originals.get(result.path)!;
    await writeFile(file.path, text);
    for (const change of changes)
      if (change.file === file.display && change.applied) {
        change.applied = false;
        change.description += ` (withdrawn: the fixed file did not parse: ${result.error.message})`;
      }
  }
}
