import { bulletList, markdownTable } from './markdown-table.ts';
import type { TestPlan } from '../../core/test-plan.ts';

export function environmentsSection(plan: TestPlan): string[] {
  const environments = plan.environments;
  return [
    '## 5. Environments and data',
    '',
    '### Base URLs',
    '',
    ...bulletList(environments.baseUrls, 'none named by the input'),
    '',
    '### Variables',
    '',
    ...(environments.variables.length > 0
      ? markdownTable(
          ['variable', 'environment', 'used by'],
          environments.variables.map((variable) => [variable.name, variable.env, variable.usedBy.join(', ')]),
        )
      : ['- none needed']),
    '',
    '### Browsers and viewports',
    '',
    ...bulletList(
      [
        ...environments.browsers,
        ...environments.viewports.map(
          (viewport) => `${viewport.name} viewport ${viewport.width}×${viewport.height}`,
        ),
      ],
      'no UI cases: no browser needed',
    ),
    '',
    '### Test data',
    '',
    ...(environments.testData.length > 0
      ? markdownTable(
          ['feature', 'case', 'values'],
          environments.testData.map((data) => [data.feature, data.caseId, data.data]),
        )
      : ['- no boundary or validation values']),
    '',
    '### Notes',
    '',
    ...bulletList(environments.notes, 'none'),
    '',
  ];
}

export function scheduleSection(plan: TestPlan): string[] {
  const schedule = plan.schedule;
  return [
    '## 6. Schedule and effort',
    '',
    `Formula: ${schedule.formula}.`,
    '',
    ...markdownTable(
      ['kind', 'minutes per case'],
      Object.entries(schedule.minutesPerKind).map(([kind, minutes]) => [kind, minutes]),
    ),
    '',
    `Plus ${schedule.minutesPerStep} minute per step; exploratory sessions: ` +
      `high risk ${schedule.exploratoryMinutes.high}, medium ${schedule.exploratoryMinutes.medium}, low ${schedule.exploratoryMinutes.low} minutes.`,
    '',
    ...markdownTable(
      ['feature', 'cases', 'steps', 'case minutes', 'exploratory minutes', 'minutes'],
      [
        ...schedule.features.map((row) => [
          row.feature,
          row.cases,
          row.steps,
          row.caseMinutes,
          row.exploratoryMinutes,
          row.minutes,
        ]),
        ['**total**', '', '', '', '', `**${schedule.totalMinutes}** (${schedule.totalHours} h)`],
      ],
    ),
    '',
  ];
}
