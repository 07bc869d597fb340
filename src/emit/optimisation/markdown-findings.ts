import type { OptimisationReport } from '../../core/existing-test.ts';
import { markdownTable, testLabel } from './markdown-table.ts';

export function suggestionsSection(report: OptimisationReport): string[] {
  const rows = report.suggestions.map((suggestion) => [
    String(suggestion.rank),
    suggestion.criticality,
    suggestion.action,
    suggestion.title,
    suggestion.reason,
    suggestion.factors.join('; '),
  ]);
  return [
    '## Suggestions',
    '',
    markdownTable(['#', 'criticality', 'action', 'what', 'why', 'rank factors'], rows),
  ];
}

export function duplicatesSection(report: OptimisationReport): string[] {
  const exact = report.duplicates.exact.map((group) => [
    testLabel(group.keep),
    group.duplicates.map(testLabel).join('<br>'),
    group.reason,
  ]);
  const near = report.duplicates.near.map((pair) => [
    testLabel(pair.tests[0]),
    testLabel(pair.tests[1]),
    `${Math.round(pair.similarity * 100)}%`,
    pair.reason,
  ]);
  return [
    '## Duplicates',
    '',
    '### Exact',
    '',
    markdownTable(['keep', 'duplicates', 'why'], exact),
    '',
    `### Near (similarity ≥ ${report.inputs.nearDuplicateThreshold}, ${report.inputs.similarity})`,
    '',
    markdownTable(['test', 'alike to', 'similarity', 'why'], near),
  ];
}

export function outdatedSection(report: OptimisationReport): string[] {
  const rows = report.outdated.flatMap((entry) =>
    entry.problems.map((problem) => [
      testLabel(entry.test),
      problem.kind,
      problem.reference,
      `${problem.message} (line ${problem.line})`,
    ]),
  );
  return ['## Outdated tests', '', markdownTable(['test', 'problem', 'reference', 'detail'], rows)];
}

export function conflictsSection(report: OptimisationReport): string[] {
  const rows = report.conflicts.map((conflict) => [
    conflict.kind,
    conflict.input,
    conflict.expectations.map((entry) => `${entry.expected}: ${testLabel(entry.test)}`).join('<br>'),
  ]);
  return ['## Conflicting tests', '', markdownTable(['kind', 'same input', 'expectations'], rows)];
}

export function issuesSection(report: OptimisationReport): string[] {
  if (report.issues.length === 0) return [];
  const rows = report.issues.map((issue) => [
    `${issue.file}${issue.line ? `:${issue.line}` : ''}`,
    issue.message,
  ]);
  return ['## Not read', '', markdownTable(['where', 'why'], rows), ''];
}
