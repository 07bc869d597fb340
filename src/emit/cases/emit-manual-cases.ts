import type { ManualCaseSet } from '../../core/manual-case.ts';
import type { CaseFormat } from './case-formats.ts';
import { casesReadme } from './cases-readme.ts';
import { emitAllurePython } from './emit-allure-python.ts';
import { emitCsvCases } from './emit-csv-cases.ts';
import { emitMarkdownCases } from './emit-markdown-cases.ts';

const EMITTERS: Record<CaseFormat, (set: ManualCaseSet) => Record<string, string>> = {
  'allure-python': emitAllurePython,
  markdown: emitMarkdownCases,
  csv: emitCsvCases,
  json: () => ({}),
};

/**
 * The files of a case set in one format (relative path → content), with a README and the set
 * itself as `test-cases.json`, which every format carries for tools that read cases back.
 */
export function emitManualCases(set: ManualCaseSet, format: CaseFormat): Record<string, string> {
  return {
    ...EMITTERS[format](set),
    'test-cases.json': `${JSON.stringify(set, null, 2)}\n`,
    'README.md': casesReadme(set, format),
  };
}

export { CASE_FORMATS, type CaseFormat } from './case-formats.ts';
