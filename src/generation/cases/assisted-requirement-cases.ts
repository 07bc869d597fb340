import type { ManualCaseSet } from '../../core/manual-case.ts';
import {
  MODEL_UNAVAILABLE_MESSAGE,
  type ModelAssistReport,
  type ModelClient,
} from '../../core/model-client.ts';
import { describeError } from '../../core/errors.ts';
import type { CaseDesignOptions } from './case-set.ts';
import { requirementCaseSet, requirementDrafts, type RequirementsInput } from './design-requirement-cases.ts';
import { proposeRequirementCases } from './model-requirement-cases.ts';
import type { Language } from './requirement-phrases.ts';

export const REQUIREMENT_CASES_CAPABILITY = 'requirements → cases';

export interface AssistedCaseSet {
  set: ManualCaseSet;
  report: ModelAssistReport;
  /** The first failure, for `--llm required` and the logs. */
  error: unknown;
}

/**
 * The deterministic cases plus the model's, de-duplicated, each traced to its requirements. The
 * deterministic cases come first and keep their ids; when every call fails the set is exactly
 * the deterministic one.
 */
export async function designAssistedRequirementCases(
  input: RequirementsInput,
  options: CaseDesignOptions,
  model: ModelClient,
  language?: Language,
): Promise<AssistedCaseSet> {
  const deterministic = requirementDrafts(input, options);
  const outcomes = await proposeRequirementCases(
    model,
    {
      title: input.title,
      requirements: input.requirements,
      contexts: deterministic.contexts,
      existing: deterministic.drafts,
      language: language ?? deterministic.language,
    },
    options,
  );
  const added = outcomes.flatMap((outcome) => (outcome.ok ? outcome.drafts : []));
  const failed = outcomes.filter((outcome) => !outcome.ok);
  const succeeded = outcomes.filter((outcome) => outcome.ok);
  const count = (pick: (outcome: (typeof succeeded)[number]) => number) =>
    succeeded.reduce((sum, outcome) => sum + pick(outcome), 0);
  const status = failed.length === 0 ? 'used' : succeeded.length === 0 ? 'unavailable' : 'partial';
  const report: ModelAssistReport = {
    capability: REQUIREMENT_CASES_CAPABILITY,
    status,
    message:
      status === 'unavailable'
        ? `${MODEL_UNAVAILABLE_MESSAGE} (${REQUIREMENT_CASES_CAPABILITY}: ${describeError(failed[0]!.error).split('\n')[0]})`
        : `${model.model} added ${added.length} case(s)${status === 'partial' ? `; ${failed.length} batch(es): ${MODEL_UNAVAILABLE_MESSAGE}` : ''}`,
    proposed: count((outcome) => outcome.proposed),
    rejected: count((outcome) => outcome.rejected.length),
    duplicates: count((outcome) => outcome.duplicates),
    delivered: added.length,
    repaired: count((outcome) => (outcome.repaired ? 1 : 0)),
    failedBatches: failed.length,
  };
  return {
    set: requirementCaseSet(input, options, {
      drafts: [...deterministic.drafts, ...added],
      unused: deterministic.unused,
    }),
    report,
    error: failed[0]?.error,
  };
}
