import { z } from 'zod';

// What the model may answer for "API → test data": one value per request field. Each is checked
// against the field's documented schema (ajv) before the request builder may use it.

const scalar = z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()]);
const jsonValue = z.union([scalar, z.array(scalar).max(50), z.record(z.string(), scalar)]);

export const fieldValueProposalSchema = z.object({
  operation: z.string().min(1).max(300),
  in: z.enum(['body', 'query']),
  field: z.string().min(1).max(300),
  value: jsonValue,
  reason: z.string().trim().min(3).max(300),
});

export const fieldValueProposalsSchema = z.object({
  values: z.array(fieldValueProposalSchema).max(200),
});

export type FieldValueProposal = z.infer<typeof fieldValueProposalSchema>;
