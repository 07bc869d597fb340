import { z } from 'zod';

// What the model may answer for "requirements → manual cases": a subset of the engine's own case
// model (`core/manual-case.ts`); ids, owner, links and traces are filled in by us, not by it.

const text = (max: number) => z.string().trim().min(3).max(max);

const stepSchema = z.object({
  phase: z.enum(['arrange', 'act', 'assert']),
  action: text(300),
  expected: text(300).optional(),
});

const PHASE_ORDER = { arrange: 0, act: 1, assert: 2 } as const;

export const proposedCaseSchema = z
  .object({
    requirementIds: z.array(z.string().min(1)).min(1).max(5),
    title: text(100),
    kind: z.enum(['positive', 'negative', 'boundary', 'state-transition', 'validation']),
    priority: z.enum(['CRITICAL', 'NORMAL', 'LOW']),
    preconditions: z.array(text(200)).max(5),
    steps: z.array(stepSchema).min(2).max(12),
  })
  .refine(
    (proposal) =>
      proposal.steps.every(
        (step, index) =>
          index === 0 || PHASE_ORDER[proposal.steps[index - 1]!.phase] <= PHASE_ORDER[step.phase],
      ),
    { message: 'steps must be arrange, then act, then assert', path: ['steps'] },
  )
  .refine((proposal) => proposal.steps.some((step) => step.phase === 'assert'), {
    message: 'at least one assert step is needed',
    path: ['steps'],
  })
  .refine((proposal) => proposal.steps.every((step) => step.phase === 'arrange' || step.expected), {
    message: 'every act and assert step needs an expected result',
    path: ['steps'],
  });

export const caseProposalsSchema = z.object({ cases: z.array(proposedCaseSchema).max(60) });

export type ProposedCase = z.infer<typeof proposedCaseSchema>;
export type CaseProposals = z.infer<typeof caseProposalsSchema>;
