import type { CaseDraft, CaseDesignOptions } from './case-set.ts';
import { act, arrange, check, sentence, shorten } from './manual-steps.ts';
import { describeRequirement, requirementDraftBase, type RequirementContext } from './requirement-context.ts';
import { statementKind } from './statement-rules.ts';
import type { StoryParts } from './story-goal.ts';
import { openStep } from './statement-cases.ts';

/** A user story without acceptance criteria: its role acts out the goal and gets the benefit. */
export function storyCase(
  context: RequirementContext,
  options: CaseDesignOptions,
  story: StoryParts,
): CaseDraft {
  const { phrases, requirement } = context;
  const base = requirementDraftBase(context, options);
  return {
    ...base,
    title: shorten(sentence(story.goal), 100),
    description: describeRequirement(context),
    kind: statementKind(requirement.text),
    preconditions: [...base.preconditions, phrases.role(story.role)],
    steps: [
      arrange(phrases.freshSession),
      openStep(context),
      act(story.goal, story.benefit ?? phrases.done),
      check(
        context.language === 'ru' ? 'Проверить цель истории' : 'Check the goal of the story',
        story.benefit ?? story.goal,
      ),
    ],
  };
}
