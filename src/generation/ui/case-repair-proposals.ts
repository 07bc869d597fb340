import { z } from 'zod';

// What the model may answer for "UI → test repair": a few edits of one failed case, in the case
// model's terms — lines of the case by number, elements and pages by their ids in the page model.
// Nothing here is code; `applyCaseRepair` checks every id and every changed expectation.

const line = z.number().int().min(0).max(500);
const elementId = z.string().min(1).max(200);

const changeSchema = z.discriminatedUnion('op', [
  /** The line's element is the wrong one: use this element of the same page instead. */
  z.object({ op: z.literal('replace-target'), line, element: elementId }),
  /** Wait until this element is visible before the step holding `before`. */
  z.object({ op: z.literal('wait-for'), before: line, element: elementId }),
  /** Open this page before the step holding `before`. */
  z.object({ op: z.literal('open-page'), before: line, page: z.string().min(1).max(200) }),
  /** Click this element (open a menu, a tab) before the step holding `before`. */
  z.object({ op: z.literal('click-first'), before: line, element: elementId }),
  /** Move the step holding `line` before the step holding `before`. */
  z.object({ op: z.literal('move-step'), line, before: line }),
  /**
   * A new expected value for the check on `line`, only with the page text it was read from:
   * `quote` must be text the page model recorded, and hold the value.
   */
  z.object({
    op: z.literal('change-expected'),
    line,
    value: z.string().max(500),
    evidence: z.object({ quote: z.string().min(1).max(500) }),
  }),
]);

export const caseRepairSchema = z.object({
  /** The id of the case being repaired, as given. */
  case: z.string().min(1).max(200),
  /** Empty when no change of this vocabulary can fix the failure. */
  changes: z.array(changeSchema).max(3),
  explanation: z.string().max(500),
});

export type CaseRepairAnswer = z.infer<typeof caseRepairSchema>;
export type CaseRepairChange = z.infer<typeof changeSchema>;
