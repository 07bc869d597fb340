/**
 * The standards check (the Validator agent): checks Allure TestOps as code manual cases, pytest
 * autotests and Playwright specs against a rule set that is data, scores them, renders the
 * report, and applies safe fixes.
 */
export { analyseStandards, checkStandards, type CheckOptions } from './check-standards.ts';
export { fixStandards, type FixOptions } from './fix-standards.ts';
export type {
  CheckedTest,
  FileReport,
  Finding,
  FixChange,
  Severity,
  StandardsReport,
  StandardsSummary,
} from './model/standards-report.ts';
export type { TestFileKind } from './model/source-model.ts';
export { renderJunit } from './render/render-junit.ts';
export { renderMarkdown } from './render/render-markdown.ts';
export { renderStandardsReport, STANDARDS_FORMATS, type StandardsFormat } from './render/render-report.ts';
export { renderText, summaryLine } from './render/render-text.ts';
export { defaultRuleSet, loadRuleSet } from './ruleset/rule-set.ts';
export type { RuleDefinition, RuleSet, RulesOverrides } from './ruleset/rule-types.ts';
