import { bulletList, markdownTable } from './markdown-table.ts';
import type { TestPlan } from '../../core/test-plan.ts';

export function prioritisedCasesSection(plan: TestPlan): string[] {
  const prioritisation = plan.prioritisation;
  return [
    '## 7. Prioritised cases',
    '',
    `Priority: ${prioritisation.formula}.`,
    '',
    `Ties: ${prioritisation.tieBreak}.`,
    '',
    ...markdownTable(
      [
        'rank',
        'score',
        'case',
        'title',
        'feature',
        'suite',
        'kind',
        'priority',
        'criticality',
        'history',
        'coverage',
        'why',
      ],
      prioritisation.cases.map((entry) => [
        entry.rank,
        entry.score,
        entry.id,
        entry.title,
        entry.feature,
        entry.suite,
        entry.kind,
        entry.priority,
        entry.criticality,
        entry.history,
        entry.coverage,
        [...entry.reasons, ...entry.coveredBy.map((test) => `covered by ${test}`)].join('; '),
      ]),
    ),
    '',
  ];
}

export function existingTestsSection(plan: TestPlan): string[] {
  const tests = plan.prioritisation.existingTests;
  return [
    '## 8. Existing automated tests, in run order',
    '',
    ...(tests.length > 0
      ? [
          'Score = criticality × (1 + history), as for cases: an automated test is its own coverage.',
          '',
          ...markdownTable(
            ['rank', 'score', 'test', 'title', 'file', 'criticality', 'history', 'why'],
            tests.map((test) => [
              test.rank,
              test.score,
              test.id,
              test.title,
              test.file,
              test.criticality,
              test.history,
              test.reasons.join('; '),
            ]),
          ),
        ]
      : ['- no existing suite given (`--tests <dir>`)']),
    '',
  ];
}

export function warningsSection(plan: TestPlan): string[] {
  return ['## Warnings', '', ...bulletList(plan.warnings, 'none: every input was read in full'), ''];
}
