import type { ManualCase, ManualCaseSet } from '../../core/manual-case.ts';
import { stepAction } from './step-text.ts';
import { traceText } from './trace-text.ts';

// One row per case for the CSV importers of TestRail, Qase and Allure TestOps: steps numbered
// in one multi-line cell and their expected results numbered the same way in the next, so an
// importer that splits on line breaks pairs them again. RFC 4180 quoting, CRLF row ends.

export const CSV_COLUMNS: { name: string; meaning: string }[] = [
  { name: 'ID', meaning: 'stable case id (also the Python method name without test_)' },
  { name: 'Title', meaning: 'what the case checks' },
  { name: 'Section', meaning: 'Feature > Story (TestRail creates nested sections from " > ")' },
  { name: 'Priority', meaning: 'CRITICAL, NORMAL or LOW' },
  {
    name: 'Type',
    meaning:
      'positive, negative, boundary, auth, state-transition, visibility, interaction, validation, navigation, mobile',
  },
  { name: 'Suite', meaning: 'UI or API' },
  { name: 'Owner', meaning: 'the owner label' },
  { name: 'Description', meaning: 'why the case exists and where it comes from' },
  { name: 'Preconditions', meaning: 'one per line' },
  { name: 'Steps', meaning: 'numbered "1. Arrange: …" lines' },
  { name: 'Expected Result', meaning: 'numbered like the steps they belong to' },
  { name: 'References', meaning: 'Jira keys, or the spec/page URL' },
  { name: 'Covers', meaning: 'the requirement, operation and status, or page element traced' },
];

export function emitCsvCases(set: ManualCaseSet): Record<string, string> {
  const rows = [CSV_COLUMNS.map((column) => column.name), ...set.cases.map(row)];
  return { 'test-cases.csv': rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n' };
}

function row(manualCase: ManualCase): string[] {
  const numbered = manualCase.steps.map((step, index) => ({ step, number: index + 1 }));
  return [
    manualCase.id,
    manualCase.title,
    manualCase.story === manualCase.feature
      ? manualCase.feature
      : `${manualCase.feature} > ${manualCase.story}`,
    manualCase.priority,
    manualCase.kind,
    manualCase.suite,
    manualCase.owner,
    manualCase.description,
    manualCase.preconditions.join('\n'),
    numbered.map(({ step, number }) => `${number}. ${stepAction(step)}`).join('\n'),
    numbered
      .filter(({ step }) => step.expected)
      .map(({ step, number }) => `${number}. ${step.expected}`)
      .join('\n'),
    manualCase.links
      .map((link) => (/^[A-ZА-ЯЁ][A-ZА-ЯЁ0-9_]*-\d+$/.test(link.name) ? link.name : link.url))
      .join(', '),
    manualCase.trace.map(traceText).join('; '),
  ];
}

/** Quoted when needed; a leading = + or @ gets an apostrophe so spreadsheets never run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
