import type { ManualCaseSet, Requirement } from '../../core/manual-case.ts';
import { caseSet, finaliseCases, type CaseDraft, type CaseDesignOptions } from './case-set.ts';
import { gherkinCase } from './gherkin-cases.ts';
import { limitCases } from './limit-cases.ts';
import { requirementContext, type RequirementContext } from './requirement-context.ts';
import { languageOf, type Language } from './requirement-phrases.ts';
import { statementCases } from './statement-cases.ts';
import { untestableReason } from './statement-rules.ts';
import { storyParts } from './story-goal.ts';
import { storyCase } from './story-cases.ts';

/** What the requirements reader hands over (structurally: stages share only core types). */
export interface RequirementsInput {
  location: string;
  title: string;
  requirements: Requirement[];
}

type Outcome = { drafts: CaseDraft[] } | { unused: string };

/** The deterministic design before ids are given: what the model-assisted design adds to. */
export interface RequirementDrafts {
  drafts: CaseDraft[];
  unused: ManualCaseSet['unused'];
  language: Language;
  contexts: Map<string, RequirementContext>;
}

/**
 * One or more cases per testable statement: the statement itself, boundary cases for the
 * limits it writes, the forbidden path of "only" rules; Gherkin scenarios map step by step.
 * Notes, questions and stories covered by their acceptance criteria are reported as unused.
 */
export function designRequirementCases(input: RequirementsInput, options: CaseDesignOptions): ManualCaseSet {
  return requirementCaseSet(input, options, requirementDrafts(input, options));
}

export function requirementDrafts(input: RequirementsInput, options: CaseDesignOptions): RequirementDrafts {
  const drafts: CaseDraft[] = [];
  const unused: ManualCaseSet['unused'] = [];
  const contexts = new Map<string, RequirementContext>();
  let role: string | undefined;
  const language = languageOf(input.requirements.map((requirement) => requirement.text).join(' '));
  const document = { title: input.title, language, location: input.location };
  input.requirements.forEach((requirement, index) => {
    // Acceptance criteria follow their story: they inherit its role as a precondition.
    if (requirement.form === 'user-story') role = storyParts(requirement.text)?.role;
    else if (requirement.form !== 'acceptance-criterion') role = undefined;
    const context = requirementContext(
      requirement,
      document,
      requirement.form === 'acceptance-criterion' ? role : undefined,
    );
    contexts.set(requirement.id, context);
    // Counted for stories only: counting for every criterion was O(n²) on a long criteria list.
    const criteria = requirement.form === 'user-story' ? criteriaCount(input.requirements, index) : 0;
    const outcome = design(context, criteria, options);
    if ('unused' in outcome) unused.push({ ref: refOf(requirement), reason: outcome.unused });
    else for (const draft of outcome.drafts) drafts.push(draft);
  });
  return { drafts, unused, language, contexts };
}

/** The set of the given drafts, ids and unique titles given in draft order. */
export function requirementCaseSet(
  input: RequirementsInput,
  options: CaseDesignOptions,
  { drafts, unused }: Pick<RequirementDrafts, 'drafts' | 'unused'>,
): ManualCaseSet {
  return caseSet({
    title: input.title,
    source: { kind: 'requirements', location: input.location },
    requirements: input.requirements,
    cases: finaliseCases(drafts, options.owner),
    unused,
  });
}

function design(context: RequirementContext, criteria: number, options: CaseDesignOptions): Outcome {
  const { requirement } = context;
  if (requirement.form === 'gherkin') {
    const drafted = gherkinCase(context, options);
    return drafted
      ? { drafts: [drafted] }
      : { unused: 'a scenario without a Then step has nothing to check' };
  }
  const reason = untestableReason(requirement.text);
  if (reason) return { unused: reason };
  if (requirement.form === 'user-story') {
    if (criteria > 0) return { unused: `covered by its ${criteria} acceptance criteria` };
    const story = storyParts(requirement.text);
    if (story) return { drafts: [storyCase(context, options, story)] };
  }
  const boundaries = limitCases(context, options);
  return { drafts: [...boundaries, ...statementCases(context, options, boundaries.length === 0)] };
}

/** How many acceptance criteria directly follow the story at `index`. */
function criteriaCount(requirements: Requirement[], index: number): number {
  let count = 0;
  while (requirements[index + 1 + count]?.form === 'acceptance-criterion') count += 1;
  return count;
}

function refOf(requirement: Requirement): string {
  return `${requirement.id} (${requirement.source.file}:${requirement.source.line})`;
}
