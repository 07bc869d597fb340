import type { OptimisationReport } from '../../core/existing-test.ts';
import { markdownTable } from './markdown-table.ts';

/** Operations × documented statuses: each cell says how many tests expect that status. */
export function operationsSection(report: OptimisationReport): string[] {
  const operations = report.coverage.operations;
  if (!operations) return [];
  const rows = operations.map((entry) => [
    entry.operation,
    String(entry.tests.length),
    entry.statuses
      .map((status) => `${status.status}${status.tests.length > 0 ? ` ✓${status.tests.length}` : ' ✗'}`)
      .join(' '),
    entry.undocumented.map((status) => `${status.status} (${status.tests.length})`).join(' '),
  ]);
  return [
    '## Coverage: operations × statuses',
    '',
    markdownTable(
      [
        'operation',
        'tests',
        'documented statuses (✓ tests expecting it, ✗ none)',
        'expected but undocumented',
      ],
      rows,
    ),
    '',
  ];
}

export function requirementsSection(report: OptimisationReport): string[] {
  const requirements = report.coverage.requirements;
  if (!requirements) return [];
  const rows = requirements.map((entry) => [
    entry.requirement,
    entry.text,
    entry.tests
      .map(
        (test) =>
          `${test.test} (${test.match === 'id' ? 'names it' : `${Math.round(test.score * 100)}% alike`})`,
      )
      .join('<br>') || '✗',
  ]);
  return ['## Coverage: requirements × tests', '', markdownTable(['requirement', 'text', 'tests'], rows), ''];
}

export function elementsSection(report: OptimisationReport): string[] {
  const elements = report.coverage.elements;
  if (!elements) return [];
  const rows = elements.map((entry) => [
    entry.page,
    `${entry.role} "${entry.name}"`,
    entry.tests.join('<br>') || '✗',
  ]);
  return ['## Coverage: page elements × tests', '', markdownTable(['page', 'element', 'tests'], rows), ''];
}

export function gapsSection(report: OptimisationReport): string[] {
  const rows = report.gaps.map((gap) => [gap.kind, gap.ref, gap.description]);
  return ['## Gaps', '', markdownTable(['kind', 'what', 'detail'], rows), ''];
}
