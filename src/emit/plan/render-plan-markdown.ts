import { environmentsSection, scheduleSection } from './markdown-execution-sections.ts';
import {
  criteriaSection,
  featuresAndRisksSection,
  levelsAndTypesSection,
  scopeSection,
} from './markdown-overview-sections.ts';
import {
  existingTestsSection,
  prioritisedCasesSection,
  warningsSection,
} from './markdown-priority-sections.ts';
import type { TestPlan } from '../../core/test-plan.ts';

/** TEST-PLAN.md: every figure of test-plan.json, in the order a reviewer reads a plan. */
export function renderPlanMarkdown(plan: TestPlan): string {
  return [
    `# ${plan.title}`,
    '',
    ...sourcesLines(plan),
    '',
    ...scopeSection(plan),
    ...featuresAndRisksSection(plan),
    ...levelsAndTypesSection(plan),
    ...criteriaSection(plan),
    ...environmentsSection(plan),
    ...scheduleSection(plan),
    ...prioritisedCasesSection(plan),
    ...existingTestsSection(plan),
    ...warningsSection(plan),
  ].join('\n');
}

function sourcesLines(plan: TestPlan): string[] {
  const { cases, defects, existingTests } = plan.sources;
  return [
    `- cases: ${cases.count} designed from ${cases.kind} \`${cases.location}\``,
    `- defect history: ${defects ? `${defects.count} defects from \`${defects.location}\`` : 'none given'}`,
    `- existing automated tests: ${existingTests ? `${existingTests.count} tests in \`${existingTests.location}\`` : 'none given'}`,
    `- plan format version ${plan.version}`,
  ];
}
