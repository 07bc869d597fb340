import type { UiAction } from '../../core/page-model.ts';
import type { UiAssertion, UiTestCase } from '../../core/ui-test-case.ts';
import { actStep, arrangeStep, assertStep, slug, uiCase } from './case-steps.ts';
import { destructiveVeto } from './destructive-policy.ts';
import { resolveActions, stepAction } from './resolve-actions.ts';
import type { RuleExpectation, RuleIntent, RuleIntentAction } from './rule-intent-proposals.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/** Covers entries of cases built from model intents start with this. */
export const RULE_COVER_PREFIX = 'rule ';

/**
 * One case per checked intent (see `proposeRuleIntents`): open the page, do the actions, check
 * the expectations. Like every case, it is delivered only if it passes every verification run.
 */
export function ruleIntentCases(context: UiGenerationContext, intents: RuleIntent[]): UiTestCase[] {
  const cases: UiTestCase[] = [];
  for (const intent of intents) {
    const built = ruleIntentCase(context, intent);
    if (typeof built === 'string') context.skip(`rule ${intent.page}: ${intent.title}`, built);
    else cases.push(built);
  }
  return cases;
}

function ruleIntentCase(context: UiGenerationContext, intent: RuleIntent): UiTestCase | string {
  const page = context.page(intent.page);
  if (!page) return `page "${intent.page}" is not in the model`;
  const resolved = resolveActions(context, page.id, intent.actions.map(uiAction));
  if (!resolved.ok) return resolved.reason;
  const last = resolved.actions.at(-1)!;
  const veto = destructiveVeto(context, resolved.actions.slice(0, -1), last);
  if (veto) return veto;
  if (resolved.page !== page.id) return 'its actions leave the page its expectations are about';
  const assertions = intent.expect.map((expectation) => assertion(context, page.id, expectation));
  return uiCase({
    id: `${page.id}-rule-${slug(intent.title)}`,
    title: `Rule: ${intent.title}`,
    kind: 'interaction',
    page: page.id,
    priority: 'critical',
    steps: [
      arrangeStep(page),
      actStep(resolved.actions.map((action) => stepAction(context, action))),
      assertStep(assertions),
    ],
    covers: [`${RULE_COVER_PREFIX}${page.id}/${slug(intent.rule)}`],
  });
}

function uiAction(action: RuleIntentAction): UiAction {
  switch (action.kind) {
    case 'fill':
    case 'select':
      return { kind: action.kind, target: action.element, value: action.value ?? '' };
    case 'press':
      return { kind: 'press', target: action.element, key: action.value ?? 'Enter' };
    case 'click':
    case 'check':
    case 'uncheck':
      return { kind: action.kind, target: action.element };
  }
}

function assertion(context: UiGenerationContext, pageId: string, expectation: RuleExpectation): UiAssertion {
  const target = context.elementTarget(pageId, context.element(pageId, expectation.element)!);
  switch (expectation.kind) {
    case 'visible':
    case 'hidden':
      return { kind: expectation.kind, target };
    case 'value':
      return { kind: 'value', target, value: expectation.text ?? '' };
    case 'text':
      return { kind: 'text', target, text: expectation.text ?? '' };
    case 'state':
      return { kind: 'state', target, state: expectation.state ?? 'valid' };
  }
}
