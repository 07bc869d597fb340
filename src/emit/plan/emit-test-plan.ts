import { renderPlanMarkdown } from './render-plan-markdown.ts';
import type { TestPlan } from '../../core/test-plan.ts';

export type PlanFormat = 'markdown' | 'json';

export const PLAN_FILES: Record<PlanFormat, string> = { markdown: 'TEST-PLAN.md', json: 'test-plan.json' };

/** The plan's files by path relative to the output folder. */
export function emitTestPlan(plan: TestPlan, format: PlanFormat): Record<string, string> {
  switch (format) {
    case 'markdown':
      return { [PLAN_FILES.markdown]: renderPlanMarkdown(plan) };
    case 'json':
      return { [PLAN_FILES.json]: renderPlanJson(plan) };
  }
}

/** test-plan.json: the plan contract as is, versioned by its `version` field. */
export function renderPlanJson(plan: TestPlan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
