import { z } from 'zod';

// What the model may answer for "API → test repair": a few edits of one failed case, in the API
// case model's terms — steps by number, parameters and body fields by name, resource kinds by the
// names of the suite's recipes (the kinds the resource graph can create). Nothing here is code;
// `applyApiCaseRepair` checks every name and every changed expectation.

const step = z.number().int().min(0).max(50);
const name = z.string().min(1).max(200);

const changeSchema = z.discriminatedUnion('op', [
  /**
   * The step's path parameter, query parameter or top-level body field names something that does
   * not exist: use the identifier of a resource of this kind, created for the test first.
   */
  z.object({
    op: z.literal('use-created'),
    step,
    in: z.enum(['path', 'query', 'body']),
    name,
    kind: name,
  }),
  /** Create a resource of this kind before the test (and delete it after). */
  z.object({ op: z.literal('add-prerequisite'), kind: name }),
  /** Send the suite's credentials with the step's request. */
  z.object({ op: z.literal('use-auth'), step }),
  /**
   * A new expected status for the step, only with the spec's words for it: `quote` must be the
   * documented response of that operation (its status and description) and name `status`.
   */
  z.object({
    op: z.literal('change-status'),
    step,
    status: z.number().int().min(100).max(599),
    evidence: z.object({ quote: z.string().min(1).max(500) }),
  }),
]);

export const apiCaseRepairSchema = z.object({
  /** The id of the case being repaired, as given. */
  case: z.string().min(1).max(200),
  /** Empty when no change of this vocabulary can fix the failure. */
  changes: z.array(changeSchema).max(3),
  explanation: z.string().max(500),
});

export type ApiCaseRepairAnswer = z.infer<typeof apiCaseRepairSchema>;
export type ApiCaseRepairChange = z.infer<typeof changeSchema>;
