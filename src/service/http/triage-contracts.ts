import { z } from 'zod';
import { LLM_MODES } from '../../core/model-client.ts';
import { FAILURE_CLASSES } from '../../core/triage.ts';

const failureClass = z.enum(FAILURE_CLASSES);
const decidedBy = z.string().describe('`rules`, `model` or `user:<name>`');

export const triageRequestSchema = z
  .object({
    report: z
      .string()
      .min(1)
      .optional()
      .describe('The run as text: our testops-report.json, Playwright JSON reporter output or JUnit XML'),
    request_id: z.uuid().optional().describe('Or a task of this project whose run report is triaged'),
    name: z.string().min(1).max(200).optional().describe('A file name for messages (default "upload")'),
    llm: z.enum(LLM_MODES).default('auto'),
  })
  .refine((body) => (body.report === undefined) !== (body.request_id === undefined), {
    message: 'send exactly one of "report" (the run as text) or "request_id" (a task of ours)',
  });

const recognitionSchema = z.object({
  memoryId: z.string(),
  match: z.enum(['signature', 'nearest']),
  distance: z.number(),
  seen: z.int(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  class: failureClass,
  decidedBy,
  corrected: z.boolean(),
  text: z.string(),
});

const clusterSchema = z.object({
  id: z.string(),
  signature: z.string(),
  title: z.string(),
  class: failureClass,
  decidedBy,
  reasons: z.array(z.string()),
  nextAction: z.enum(['open-defect', 'repair-test', 'quarantine', 'fix-environment']),
  count: z.int(),
  failures: z.array(
    z.object({
      test: z.string(),
      file: z.string().optional(),
      operation: z.string().optional(),
      message: z.string(),
    }),
  ),
  recognised: recognitionSchema.optional(),
});

export const triageResultSchema = z.object({
  version: z.literal(1),
  format: z.enum(['testops-report', 'playwright-json', 'junit-xml']),
  source: z.string(),
  runId: z.string(),
  project: z.string(),
  failures: z.int(),
  clusters: z.array(clusterSchema),
  problems: z.array(z.object({ entry: z.string(), message: z.string() })),
  model: z.object({ status: z.string(), message: z.string() }),
  embedding: z.enum(['provider', 'hashed']),
});

export const memoryClusterSchema = z.object({
  id: z.string(),
  signature: z.string(),
  title: z.string(),
  class: failureClass,
  decidedBy,
  correction: z.object({ class: failureClass, by: z.string(), note: z.string(), at: z.string() }).optional(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  count: z.int(),
  runs: z.array(
    z.object({ runId: z.string(), at: z.string(), class: failureClass, decidedBy, failures: z.int() }),
  ),
});

export const memoryListSchema = z.object({
  items: z.array(memoryClusterSchema),
  total: z.int(),
  limit: z.int(),
  offset: z.int(),
  nearest: z
    .array(z.object({ cluster: memoryClusterSchema, distance: z.number() }))
    .optional()
    .describe('With q: clusters whose signature is nearest the text'),
});

export const memoryExportSchema = z.object({
  version: z.literal(1),
  project: z.string(),
  exportedAt: z.string(),
  clusters: z.array(memoryClusterSchema),
});

export const correctionSchema = z.object({
  class: failureClass,
  note: z.string().max(2000).default(''),
  by: z.string().min(1).max(100).optional().describe('Who corrects; the API key (or caller) when absent'),
});
