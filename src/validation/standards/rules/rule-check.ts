import type { PytestConfigFinder } from '../parse/pytest-config.ts';
import type { Position, SourceFile, TestNode } from '../model/source-model.ts';
import type { RuleDefinition, RuleSet } from '../ruleset/rule-types.ts';

/**
 * How a rule is written: it reads the language-neutral model of a file (or of every file, for
 * rules across the set) and returns drafts; the engine adds the rule id, severity, file and
 * recommendation, and files a draft under the test whose lines contain it.
 */
export interface RuleContext {
  /** The rule as configured: severity and parameters after the rules file. */
  rule: RuleDefinition;
  ruleSet: RuleSet;
  pytestConfig: PytestConfigFinder;
}

export interface Draft extends Position {
  message: string;
  /** The test it is about; when absent, the test whose lines contain it (if any). */
  test?: TestNode;
  /** Replaces the rule's general recommendation when the fix is specific. */
  recommendation?: string;
}

export interface FileRule {
  id: string;
  checkFile(file: SourceFile, context: RuleContext): Draft[] | Promise<Draft[]>;
}

export interface SetRule {
  id: string;
  checkSet(files: SourceFile[], context: RuleContext): { file: SourceFile; draft: Draft }[];
}

export type RuleCheck = FileRule | SetRule;

export function isSetRule(rule: RuleCheck): rule is SetRule {
  return 'checkSet' in rule;
}

/** Just the position of a node, for a draft. */
export function at(node: Position): Position {
  return { line: node.line, column: node.column };
}
