import { z } from 'zod';

// What the model may answer for "API → business rules": cases over the operations it was shown.
// Each is judged before it becomes a test: the rule quoted from the operation's own text, the
// fields the request already sends, values valid for their schema, a documented status.

const scalar = z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]);
const jsonValue = z.union([scalar, z.array(scalar).max(50), z.record(z.string(), scalar)]);

export const ruleCaseProposalSchema = z.object({
  operation: z.string().min(1).max(300),
  /** What the case checks, in a few words: "a second disk with the same name is refused". */
  title: z.string().trim().min(3).max(160),
  /** The rule, quoted word for word from the operation's text (summary, description, statuses, fields). */
  rule: z.string().trim().min(3).max(400),
  /** `same-request-first`: the request is sent once (and must succeed) before the one checked. */
  setup: z.enum(['none', 'same-request-first']),
  fields: z
    .array(
      z.object({
        in: z.enum(['body', 'query']),
        field: z.string().min(1).max(300),
        value: jsonValue,
      }),
    )
    .max(10),
  expectStatus: z.number().int().min(100).max(599),
});

export const ruleCaseProposalsSchema = z.object({
  cases: z.array(ruleCaseProposalSchema).max(60),
});

export type RuleCaseProposal = z.infer<typeof ruleCaseProposalSchema>;
