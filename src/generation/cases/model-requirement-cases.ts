import { readFileSync } from 'node:fs';
import type { ModelClient } from '../../core/model-client.ts';
import type { Requirement } from '../../core/manual-case.ts';
import { delimitedData } from '../../core/prompt-data.ts';
import type { CaseDraft, CaseDesignOptions } from './case-set.ts';
import { act, arrange, check } from './manual-steps.ts';
import { describeRequirement, requirementDraftBase, type RequirementContext } from './requirement-context.ts';
import type { Language } from './requirement-phrases.ts';
import { caseProposalsSchema, type ProposedCase } from './requirement-case-proposals.ts';
import { isDuplicateCase } from './similar-cases.ts';

const SYSTEM_PROMPT = readFileSync(new URL('./prompts/requirement-cases.md', import.meta.url), 'utf8');
/** Requirements per call: keeps each prompt small and lets one failed call cost only its batch. */
const BATCH_SIZE = 25;
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Russian' };

export const MODEL_CASE_TAG = 'model-proposed';

export interface ModelCaseInput {
  title: string;
  requirements: Requirement[];
  contexts: Map<string, RequirementContext>;
  /** The deterministic drafts: the model adds to them, duplicates of them are dropped. */
  existing: CaseDraft[];
  language: Language;
}

/** What one batch gave: drafts to add, or why there are none (the model failed). */
export type BatchOutcome =
  | {
      ok: true;
      drafts: CaseDraft[];
      proposed: number;
      rejected: string[];
      duplicates: number;
      repaired: boolean;
    }
  | { ok: false; error: unknown };

/**
 * Asks the model for cases the deterministic design lacks, batch by batch; every proposal is
 * schema-validated (by the model layer), must name requirements it was given, and is dropped when
 * it repeats an existing case. A failed batch gives nothing: the deterministic cases stand.
 */
export async function proposeRequirementCases(
  model: ModelClient,
  input: ModelCaseInput,
  options: CaseDesignOptions,
): Promise<BatchOutcome[]> {
  const testable = input.requirements.filter((requirement) =>
    input.existing.some((draft) => tracesTo(draft, requirement.id)),
  );
  const batches: Requirement[][] = [];
  for (let start = 0; start < testable.length; start += BATCH_SIZE)
    batches.push(testable.slice(start, start + BATCH_SIZE));
  const taken = [...input.existing];
  const outcomes = await Promise.all(batches.map((batch) => askBatch(model, input, batch, options)));
  // Duplicates are judged in batch order, so the result does not depend on which call came back first.
  return outcomes.map((outcome) => (outcome.ok ? keepNew(outcome, taken) : outcome));
}

async function askBatch(
  model: ModelClient,
  input: ModelCaseInput,
  batch: Requirement[],
  options: CaseDesignOptions,
): Promise<BatchOutcome> {
  const existing = input.existing.filter((draft) =>
    batch.some((requirement) => tracesTo(draft, requirement.id)),
  );
  const prompt = [
    delimitedData(
      'requirements',
      batch.map(({ id, section, text }) => ({ id, section, text })),
    ),
    delimitedData(
      'existing-cases',
      existing.map((draft) => draft.title),
    ),
  ].join('\n\n');
  const system = SYSTEM_PROMPT.replace('{{language}}', LANGUAGE_NAMES[input.language]).replace(
    '{{maxCases}}',
    String(Math.min(60, batch.length * 2)),
  );
  try {
    const result = await model.generateObject({
      task: 'requirements → cases',
      system,
      prompt,
      schema: caseProposalsSchema,
      schemaName: 'manual_case_proposals',
      temperature: 0.2,
    });
    // Any requirement of the document may be named: a case may combine rules from two batches.
    const known = new Map(input.requirements.map((requirement) => [requirement.id, requirement]));
    const drafts: CaseDraft[] = [];
    const rejected: string[] = [];
    for (const proposal of result.value.cases) {
      const unknown = proposal.requirementIds.filter((id) => !known.has(id));
      if (unknown.length > 0)
        rejected.push(`${proposal.title}: names unknown requirement(s) ${unknown.join(', ')}`);
      else drafts.push(draftOf(proposal, input.contexts.get(proposal.requirementIds[0]!)!, known, options));
    }
    return {
      ok: true,
      drafts,
      proposed: result.value.cases.length,
      rejected,
      duplicates: 0,
      repaired: result.repaired,
    };
  } catch (error) {
    return { ok: false, error };
  }
}

function keepNew(outcome: Extract<BatchOutcome, { ok: true }>, taken: CaseDraft[]): BatchOutcome {
  const drafts: CaseDraft[] = [];
  for (const draft of outcome.drafts) {
    if (taken.some((existing) => isDuplicateCase(existing, draft))) continue;
    taken.push(draft);
    drafts.push(draft);
  }
  return { ...outcome, drafts, duplicates: outcome.drafts.length - drafts.length };
}

function draftOf(
  proposal: ProposedCase,
  context: RequirementContext,
  known: Map<string, Requirement>,
  options: CaseDesignOptions,
): CaseDraft {
  const base = requirementDraftBase(context, options);
  const requirements = proposal.requirementIds.map((id) => known.get(id)!);
  return {
    ...base,
    title: proposal.title,
    description: describeRequirement(context),
    kind: proposal.kind,
    priority: proposal.priority,
    preconditions: [...base.preconditions, ...proposal.preconditions],
    tags: [...new Set([...requirements.map((requirement) => requirement.id), MODEL_CASE_TAG])],
    trace: requirements.map((requirement) => ({
      kind: 'requirement',
      id: requirement.id,
      text: requirement.text,
    })),
    steps: proposal.steps.map((step) => {
      switch (step.phase) {
        case 'arrange':
          return arrange(step.action, step.expected);
        case 'act':
          return act(step.action, step.expected!);
        case 'assert':
          return check(step.action, step.expected!);
      }
    }),
  };
}

function tracesTo(draft: CaseDraft, id: string): boolean {
  return draft.trace.some((trace) => trace.kind === 'requirement' && trace.id === id);
}
