import type { ManualStep } from '../../core/manual-case.ts';
import type { CaseDraft, CaseDesignOptions } from './case-set.ts';
import { act, arrange, check, shorten } from './manual-steps.ts';
import { requirementDraftBase, describeRequirement, type RequirementContext } from './requirement-context.ts';
import { statementAction } from './statement-actions.ts';
import {
  forbids,
  hasPredicate,
  isMobile,
  onlyRule,
  statementKind,
  type OnlyRule,
} from './statement-rules.ts';

// A testable statement gives its main case (the action it names, or opening its section, then
// the statement as the expected result) and, for "only …" rules, the case that tries the
// forbidden path. "must not" statements are themselves negative checks.

export function statementCases(
  context: RequirementContext,
  options: CaseDesignOptions,
  withMain: boolean,
): CaseDraft[] {
  const text = context.requirement.text;
  const rule = onlyRule(text);
  return [
    ...(withMain ? [mainCase(context, options)] : []),
    ...(rule ? [ruleCase(context, options, rule)] : []),
  ];
}

function mainCase(context: RequirementContext, options: CaseDesignOptions): CaseDraft {
  const { requirement, phrases } = context;
  const kind = forbids(requirement.text) ? 'negative' : statementKind(requirement.text);
  const rule = onlyRule(requirement.text);
  const found = statementAction(
    withoutPhrase(requirement.text, rule?.kind === 'once' ? rule.phrase : undefined),
    context.language,
    phrases,
  );
  const expected = hasPredicate(requirement.text) ? requirement.text : phrases.works(requirement.text);
  const mobile = isMobile(`${requirement.text} ${context.feature}`);
  const session = [arrange(phrases.freshSession), ...(mobile ? [arrange(phrases.mobileViewport)] : [])];
  const steps = found
    ? [...session, openStep(context), act(found.action, found.outcome ?? phrases.done)]
    : [...session, act(phrases.open(context.place), phrases.opened(context.place))];
  return {
    ...requirementDraftBase(context, options),
    title: shorten(requirement.text.replace(/[.!]+$/, ''), 100),
    description: describeRequirement(context),
    kind,
    steps: [...steps, check(checkAction(context), expected)],
  };
}

function ruleCase(context: RequirementContext, options: CaseDesignOptions, rule: OnlyRule): CaseDraft {
  const { requirement, phrases } = context;
  const short = shorten(requirement.text.replace(/[.!]+$/, ''), 80);
  const withoutRule = withoutPhrase(requirement.text, rule.phrase);
  const action =
    statementAction(withoutRule, context.language, phrases)?.action ?? withoutRule.replace(/[.!]+$/, '');
  const steps =
    rule.kind === 'once'
      ? [
          act(phrases.first(action), phrases.succeeds),
          act(phrases.again(action), phrases.refusedAgain),
          check(checkAction(context), phrases.onlyOnce),
        ]
      : [
          act(phrases.outside(rule.scope), phrases.unavailable),
          check(checkAction(context), phrases.notOutside(rule.scope)),
        ];
  return {
    ...requirementDraftBase(context, options),
    title: rule.kind === 'once' ? phrases.onceTitle(short) : phrases.scopeTitle(short),
    description: describeRequirement(context),
    kind: 'negative',
    steps: [openStep(context), ...steps],
  };
}

/** Arrange: the tester starts in the requirement's section. */
export function openStep(context: RequirementContext): ManualStep {
  return arrange(context.phrases.open(context.place), context.phrases.opened(context.place));
}

export function checkAction(context: RequirementContext): string {
  return context.language === 'ru'
    ? `Сверить с требованием ${context.requirement.id}`
    : `Compare with requirement ${context.requirement.id}`;
}

function withoutPhrase(text: string, phrase: string | undefined): string {
  return phrase
    ? text
        .replace(phrase, '')
        .replace(/\s+([.,;!])/g, '$1')
        .trim()
    : text;
}
