import { readFileSync } from 'node:fs';
import type { ModelClient } from '../../core/model-client.ts';
import type { SiteModel } from '../../core/page-model.ts';
import { delimitedData } from '../../core/prompt-data.ts';
import type { UiTestCase } from '../../core/ui-test-case.ts';
import { caseLines, type CaseLine } from './case-lines.ts';
import { caseRepairSchema, type CaseRepairAnswer } from './case-repair-proposals.ts';
import { pageDigest } from './page-digest.ts';

const SYSTEM_PROMPT = readFileSync(new URL('./prompts/case-repair.md', import.meta.url), 'utf8');
const LANGUAGE_NAMES = { en: 'English', ru: 'Russian' } as const;
/** The runner's message is long (call log, snapshot): its head says what failed. */
const FAILURE_CHARS = 2_000;

export const CASE_REPAIR_CAPABILITY = 'ui → test repair';

export interface CaseRepairRequest {
  testCase: UiTestCase;
  site: SiteModel;
  /** The runner's error message for the failure. */
  failure: string;
  /** The classification, in words (`locator not found: …`). */
  reason: string;
  language: 'en' | 'ru';
}

/**
 * Asks the model for a structured repair of one failed case, over the pages the case touches
 * (each compacted like the business-rule prompt). The answer is only schema-checked here:
 * `applyCaseRepair` decides whether it names things that exist.
 */
export async function proposeCaseRepair(
  client: ModelClient,
  request: CaseRepairRequest,
): Promise<{ answer: CaseRepairAnswer; repaired: boolean }> {
  const lines = caseLines(request.testCase, request.site);
  const pages = request.site.pages.filter((page) => pagesOf(request.testCase, lines).has(page.id));
  const result = await client.generateObject({
    task: CASE_REPAIR_CAPABILITY,
    system: SYSTEM_PROMPT.replace('{{language}}', LANGUAGE_NAMES[request.language]),
    prompt: [
      delimitedData('case', {
        case: request.testCase.id,
        title: request.testCase.title,
        lines: lines.map((line) => `${line.line} [${line.phase}] ${line.text}`),
      }),
      delimitedData('failure', {
        classified: request.reason,
        error: request.failure.slice(0, FAILURE_CHARS),
      }),
      ...pages.map((page) => delimitedData('page', pageDigest(page).digest)),
    ].join('\n\n'),
    schema: caseRepairSchema,
    schemaName: 'ui_case_repair',
    temperature: 0,
  });
  return { answer: result.value, repaired: result.repaired };
}

function pagesOf(testCase: UiTestCase, lines: CaseLine[]): Set<string> {
  const pages = new Set([testCase.page]);
  for (const line of lines) if (line.target) pages.add(line.target.page);
  for (const step of testCase.steps)
    for (const action of step.actions) if (action.kind === 'goto') pages.add(action.page);
  return pages;
}
