// The values the pipeline's entry points accept and their defaults, in a module that loads none
// of the engine: the CLI declares its options with them, and `testops serve` starts without
// loading generators, the TypeScript compiler or Playwright until a job needs them.
import type { PlanFormat } from '../emit/plan/emit-test-plan.ts';

export { CASE_FORMATS, type CaseFormat } from '../emit/cases/case-formats.ts';
export { DEFAULT_OWNER } from '../generation/cases/case-set.ts';
export { STANDARDS_FORMATS, type StandardsFormat } from '../validation/standards/render/render-report.ts';

/** Runs per test when verifying a suite: all pass → delivered, all fail → suspected defect. */
export const DEFAULT_REPEAT = 3;

/** `--conformance`: lenient reports contract deviations (status, schema, content type) as warnings. */
export const CONFORMANCE_LEVELS = ['strict', 'lenient'] as const;

export const PLAN_FORMATS: readonly PlanFormat[] = ['markdown', 'json'];

/** Files `optimize` writes to its output folder. */
export const OPTIMISATION_REPORT_JSON = 'optimisation-report.json';
export const OPTIMISATION_REPORT_MARKDOWN = 'OPTIMISATION.md';

/** `--llm` on generating commands and the `llm` job option. */
export { LLM_MODES, type LlmMode } from '../core/model-client.ts';
