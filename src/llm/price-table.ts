import { z } from 'zod';

const money = z.object({
  usd: z.number().nonnegative().optional(),
  rub: z.number().nonnegative().optional(),
});

/** Prices per million tokens, per model id; configurable because providers change them. */
export const priceTableSchema = z.record(
  z.string(),
  z.object({ inputPer1M: money, outputPer1M: money, cachedInputPer1M: money.optional() }),
);
export type PriceTable = z.infer<typeof priceTableSchema>;

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

/** Cost of one call in each currency the table has for the model; undefined when it has none. */
export function costOf(
  table: PriceTable,
  model: string,
  tokens: TokenCounts,
): { usd: number | undefined; rub: number | undefined } {
  const price = table[model];
  if (!price) return { usd: undefined, rub: undefined };
  const cost = (currency: 'usd' | 'rub') => {
    const input = price.inputPer1M[currency];
    const output = price.outputPer1M[currency];
    if (input === undefined || output === undefined) return undefined;
    // Cached input is billed at its own rate where the table has one, else as plain input.
    const cached = price.cachedInputPer1M?.[currency] ?? input;
    const plainInput = tokens.inputTokens - tokens.cachedInputTokens;
    return (
      (plainInput * input + tokens.cachedInputTokens * cached + tokens.outputTokens * output) / 1_000_000
    );
  };
  return { usd: cost('usd'), rub: cost('rub') };
}
