import { bulletList, markdownTable } from './markdown-table.ts';
import type { TestPlan } from '../../core/test-plan.ts';

export function scopeSection(plan: TestPlan): string[] {
  return [
    '## 1. Scope',
    '',
    '### In scope',
    '',
    ...markdownTable(
      ['feature', 'what is tested'],
      plan.scope.inScope.map((entry) => [entry.item, entry.reason]),
    ),
    '',
    '### Out of scope',
    '',
    ...markdownTable(
      ['item', 'kind', 'why'],
      plan.scope.outOfScope.map((entry) => [entry.item, entry.kind, entry.reason]),
    ),
    '',
  ];
}

export function featuresAndRisksSection(plan: TestPlan): string[] {
  return [
    '## 2. Features and risks',
    '',
    ...markdownTable(
      ['feature', 'cases', 'CRITICAL', 'suites', 'covers', 'defect components'],
      plan.features.map((feature) => [
        feature.name,
        feature.cases,
        feature.critical,
        feature.suites.join(', '),
        feature.covers.join(', '),
        feature.components.join(', '),
      ]),
    ),
    '',
    `Risk formula: ${plan.risks.formula}.`,
    '',
    ...markdownTable(
      [
        'feature',
        'likelihood',
        'impact',
        'risk',
        'level',
        'defects open / resolved',
        'impact from',
        'mitigation',
      ],
      plan.risks.features.map((risk) => [
        risk.feature,
        risk.likelihood,
        risk.impact,
        risk.score,
        risk.level,
        `${risk.defects.open} / ${risk.defects.resolved}${risk.defects.keys.length > 0 ? ` (${risk.defects.keys.join(', ')})` : ''}`,
        risk.impactReasons.join(', '),
        risk.mitigation,
      ]),
    ),
    '',
  ];
}

export function levelsAndTypesSection(plan: TestPlan): string[] {
  return [
    '## 3. Test levels and types',
    '',
    ...markdownTable(
      ['level', 'count', 'rationale'],
      plan.levels.map((level) => [level.level, `${level.count} ${level.of}`, level.rationale]),
    ),
    '',
    ...markdownTable(
      ['type', 'cases', 'recognised from'],
      plan.types.map((type) => [type.type, type.cases, type.basis]),
    ),
    '',
  ];
}

export function criteriaSection(plan: TestPlan): string[] {
  return [
    '## 4. Entry and exit criteria',
    '',
    '### Entry criteria',
    '',
    ...bulletList(plan.entryCriteria, 'none'),
    '',
    '### Exit criteria',
    '',
    ...bulletList(plan.exitCriteria, 'none'),
    '',
  ];
}
