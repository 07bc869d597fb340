import { readFileSync } from 'node:fs';
import type { ModelClient } from '../../core/model-client.ts';
import type { PageModel, SiteModel } from '../../core/page-model.ts';
import { delimitedData } from '../../core/prompt-data.ts';
import { pageDigest } from './page-digest.ts';
import { ruleIntentsSchema, type RuleIntent } from './rule-intent-proposals.ts';

const SYSTEM_PROMPT = readFileSync(new URL('./prompts/rule-intents.md', import.meta.url), 'utf8');
const LANGUAGE_NAMES = { en: 'English', ru: 'Russian' } as const;
const SCENARIOS_PER_PAGE = 6;

export const RULE_INTENTS_CAPABILITY = 'ui → business rules';

export interface RuleIntentsOutcome {
  /** Intents naming only elements of their page, with the values their actions need. */
  intents: RuleIntent[];
  proposed: number;
  /** Why each refused intent was refused (an element the page model does not have, …). */
  rejected: string[];
  repaired: number;
  failedBatches: number;
  batches: number;
  /** Estimated input tokens of each page's prompt (see `estimateTokens`). */
  tokensPerPage: Record<string, number>;
  error: unknown;
}

/**
 * Asks the model, page by page, for scenarios checking the page's business rules, over a
 * compacted page model (inside the token budget). An intent naming a page or an element the
 * model does not have is rejected; a failed page adds nothing.
 */
export async function proposeRuleIntents(
  client: ModelClient,
  site: SiteModel,
  language: 'en' | 'ru',
): Promise<RuleIntentsOutcome> {
  const pages = site.pages.filter((page) => page.elements.some((element) => element.visible));
  const outcome: RuleIntentsOutcome = {
    intents: [],
    proposed: 0,
    rejected: [],
    repaired: 0,
    failedBatches: 0,
    batches: pages.length,
    tokensPerPage: {},
    error: undefined,
  };
  const answers = await Promise.all(
    pages.map((page) => askPage(client, page, language, outcome).catch((error: unknown) => ({ error }))),
  );
  for (const [index, answer] of answers.entries()) {
    if ('error' in answer) {
      outcome.failedBatches += 1;
      outcome.error ??= answer.error;
      continue;
    }
    outcome.repaired += answer.repaired ? 1 : 0;
    for (const intent of answer.scenarios) {
      outcome.proposed += 1;
      const reason = refusal(intent, pages[index]!);
      if (reason) outcome.rejected.push(`${intent.page}: "${intent.title}": ${reason}`);
      else outcome.intents.push(intent);
    }
  }
  return outcome;
}

async function askPage(
  client: ModelClient,
  page: PageModel,
  language: 'en' | 'ru',
  outcome: RuleIntentsOutcome,
): Promise<{ scenarios: RuleIntent[]; repaired: boolean }> {
  const { digest, tokens } = pageDigest(page);
  outcome.tokensPerPage[page.id] = tokens;
  const result = await client.generateObject({
    task: RULE_INTENTS_CAPABILITY,
    system: SYSTEM_PROMPT.replace('{{language}}', LANGUAGE_NAMES[language]).replace(
      '{{maxScenarios}}',
      String(SCENARIOS_PER_PAGE),
    ),
    prompt: delimitedData('page', digest),
    schema: ruleIntentsSchema,
    schemaName: 'ui_rule_scenarios',
    temperature: 0.2,
  });
  return { scenarios: result.value.scenarios, repaired: result.repaired };
}

/** Why an intent cannot become a case on the page it was asked about, or undefined. */
function refusal(intent: RuleIntent, page: PageModel): string | undefined {
  if (intent.page !== page.id) return `names page "${intent.page}", asked about "${page.id}"`;
  const elements = new Map(page.elements.map((element) => [element.id, element]));
  const named = [...intent.actions, ...intent.expect].map((step) => step.element);
  const missing = named.filter((id) => !elements.has(id));
  if (missing.length > 0)
    return `names element(s) the page model does not have: ${[...new Set(missing)].join(', ')}`;
  for (const action of intent.actions) {
    const element = elements.get(action.element)!;
    if (
      (action.kind === 'fill' || action.kind === 'select' || action.kind === 'press') &&
      action.value === undefined
    )
      return `${action.kind} ${action.element} without a value`;
    const options = element.constraints?.options;
    if (action.kind === 'select' && options && !options.some((option) => option.value === action.value))
      return `"${action.value}" is not an option of ${action.element}`;
  }
  for (const expectation of intent.expect) {
    if ((expectation.kind === 'value' || expectation.kind === 'text') && expectation.text === undefined)
      return `expects the ${expectation.kind} of ${expectation.element} without saying which`;
    if (expectation.kind === 'state' && expectation.state === undefined)
      return `expects a state of ${expectation.element} without saying which`;
  }
  return undefined;
}
