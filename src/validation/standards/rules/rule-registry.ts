import { aaaEmptyAct, aaaOrder, aaaStepNaming } from './aaa-rules.ts';
import { duplicateTitle, duplicateTitleAcrossFiles } from './duplicate-title-rules.ts';
import { securityFileWrite } from './file-write-rule.ts';
import { securityForeignHost } from './foreign-host-rule.ts';
import { labelsRequired, labelsValidValues, markerRegistered } from './label-rules.ts';
import { structureExpectedResult, structureSignature, structureStepImport } from './manual-shape-rules.ts';
import { namingClass, namingFile, namingMethod } from './naming-rules.ts';
import type { FileRule, RuleCheck } from './rule-check.ts';
import { securitySecret } from './secret-rule.ts';
import { securityShell } from './shell-rule.ts';
import {
  structureAssertions,
  structureDescription,
  structureSteps,
  structureTitle,
} from './structure-rules.ts';

/** A file that does not parse has no structure to check; these rules still apply to it. */
export const RULES_FOR_UNPARSABLE_FILES = new Set(['syntax', 'naming-file']);

const syntax: FileRule = {
  id: 'syntax',
  checkFile: (file) =>
    file.syntaxErrors.map((error) => ({
      line: error.line,
      column: error.column,
      message: `${file.language === 'python' ? 'Python' : 'TypeScript'} syntax error: ${error.message}`,
    })),
};

/** Every rule's code, by the id `default-rules.yaml` gives it. */
export const RULE_CHECKS: ReadonlyMap<string, RuleCheck> = new Map(
  [
    syntax,
    structureTitle,
    structureDescription,
    structureSteps,
    structureExpectedResult,
    structureAssertions,
    structureSignature,
    structureStepImport,
    aaaOrder,
    aaaEmptyAct,
    aaaStepNaming,
    labelsRequired,
    labelsValidValues,
    markerRegistered,
    namingClass,
    namingMethod,
    namingFile,
    duplicateTitle,
    duplicateTitleAcrossFiles,
    securitySecret,
    securityShell,
    securityFileWrite,
    securityForeignHost,
  ].map((rule: RuleCheck) => [rule.id, rule]),
);
