import type { SourceFile, TestNode } from './model/source-model.ts';
import type { Finding } from './model/standards-report.ts';
import type { PytestConfigFinder } from './parse/pytest-config.ts';
import { isSetRule, type Draft, type RuleContext } from './rules/rule-check.ts';
import { RULE_CHECKS, RULES_FOR_UNPARSABLE_FILES } from './rules/rule-registry.ts';
import type { RuleDefinition, RuleSet } from './ruleset/rule-types.ts';

/** Runs every enabled rule on the files it applies to; findings by file, in line order. */
export async function runRules(
  files: SourceFile[],
  ruleSet: RuleSet,
  pytestConfig: PytestConfigFinder,
): Promise<Map<SourceFile, Finding[]>> {
  const found = new Map<SourceFile, Finding[]>(files.map((file) => [file, []]));
  for (const rule of ruleSet.rules) {
    const check = RULE_CHECKS.get(rule.id);
    // The schema of rules files only knows ids of the default set, and each has code.
    if (!check) throw new Error(`rule "${rule.id}" of the default rule set has no implementation`);
    const context: RuleContext = { rule, ruleSet, pytestConfig };
    const applicable = files.filter((file) => appliesTo(rule, file));
    if (isSetRule(check)) {
      for (const { file, draft } of check.checkSet(applicable, context))
        found.get(file)!.push(toFinding(rule, file, draft));
      continue;
    }
    await Promise.all(
      applicable.map(async (file) => {
        const drafts = await check.checkFile(file, context);
        found.get(file)!.push(...drafts.map((draft) => toFinding(rule, file, draft)));
      }),
    );
  }
  for (const findings of found.values()) findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return found;
}

function appliesTo(rule: RuleDefinition, file: SourceFile): boolean {
  if (!rule.appliesTo.includes(file.kind)) return false;
  return file.syntaxErrors.length === 0 || RULES_FOR_UNPARSABLE_FILES.has(rule.id);
}

function toFinding(rule: RuleDefinition, file: SourceFile, draft: Draft): Finding {
  const test = draft.test ?? testAt(file.tests, draft.line);
  return {
    ruleId: rule.id,
    severity: rule.severity,
    file: file.display,
    line: draft.line,
    column: draft.column,
    message: draft.message,
    recommendation: draft.recommendation ?? rule.recommendation,
    test: test?.id,
  };
}

function testAt(tests: TestNode[], line: number): TestNode | undefined {
  return tests.find((test) => line >= test.startLine && line <= test.endLine);
}
