import { describe, expect, it } from 'vitest';
import type { ManualCaseSet } from '../../../src/core/manual-case.ts';
import { emitManualCases } from '../../../src/emit/cases/emit-manual-cases.ts';
import { checkStandards } from '../../../src/validation/standards/index.ts';
import {
  FULL_SPEC,
  REQUIREMENTS,
  SUBSET_SPEC,
  apiCases,
  pageCases,
  requirementCases,
} from '../../generation/cases/case-targets.ts';
import { writeTemp } from './emit-case-files.ts';
import { findPython } from './python-check.ts';

// The standards check (validation/standards) reads the emitted Allure TestOps as code like any
// team's cases: every target must pass it without a single error. Requirements are linked to
// Jira and to where the document is published, as a team would run it.

const options = {
  owner: 'qa-team',
  jiraBase: 'https://jira.example.com',
  sourceUrl: 'https://gitlab.example.com/qa/requirements/-/blob/main',
};

async function targets(): Promise<[string, ManualCaseSet][]> {
  return [
    ['full spec', (await apiCases(FULL_SPEC, options)).set],
    ['subset spec', (await apiCases(SUBSET_SPEC, options)).set],
    ...(await Promise.all(
      Object.entries(REQUIREMENTS).map(
        async ([name, file]) =>
          [`requirements ${name}`, await requirementCases(file, options)] as [string, ManualCaseSet],
      ),
    )),
    ['site model', pageCases(undefined, options)],
  ];
}

describe.runIf(findPython() !== undefined)('the standards check on emitted cases', () => {
  it('finds no error in any target', async () => {
    for (const [name, set] of await targets()) {
      const folder = await writeTemp(emitManualCases(set, 'allure-python'), 'standards-');
      const report = await checkStandards([folder], { cwd: folder });
      const errors = report.files.flatMap((file) =>
        file.findings
          .filter((finding) => finding.severity === 'error')
          .map((finding) => `${file.file}:${finding.line} ${finding.ruleId} ${finding.message}`),
      );
      expect(errors, name).toEqual([]);
      expect(report.summary.tests, name).toBe(set.cases.length);
    }
  });
});
