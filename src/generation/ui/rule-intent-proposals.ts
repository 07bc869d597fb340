import { z } from 'zod';

// What the model may answer for "UI → business rules": scenarios as intents over element ids of
// the page model. Ids it names are checked against the model before a case is built.

const text = (max: number) => z.string().trim().min(3).max(max);
const elementId = z.string().min(1).max(200);

const actionSchema = z.object({
  kind: z.enum(['click', 'fill', 'select', 'check', 'uncheck', 'press']),
  element: elementId,
  /** Text to enter, option value to select, or key to press. */
  value: z.string().max(200).optional(),
});

const expectationSchema = z.object({
  kind: z.enum(['visible', 'hidden', 'value', 'text', 'state']),
  element: elementId,
  /** The exact value or whole text for `value` and `text`. */
  text: z.string().max(200).optional(),
  state: z.enum(['enabled', 'disabled', 'checked', 'unchecked', 'invalid', 'valid']).optional(),
});

export const ruleIntentSchema = z.object({
  page: z.string().min(1).max(200),
  /** The business rule, in the page's own words. */
  rule: text(200),
  title: text(100),
  actions: z.array(actionSchema).min(1).max(6),
  expect: z.array(expectationSchema).min(1).max(4),
});

export const ruleIntentsSchema = z.object({ scenarios: z.array(ruleIntentSchema).max(10) });

export type RuleIntent = z.infer<typeof ruleIntentSchema>;
export type RuleIntentAction = z.infer<typeof actionSchema>;
export type RuleExpectation = z.infer<typeof expectationSchema>;
