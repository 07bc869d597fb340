import { z } from 'zod';
import type { JobKind } from './job.ts';
import { LLM_MODES } from '../../core/model-client.ts';
import { PROJECT_ID_PATTERN } from '../store/project-slug.ts';

/**
 * What each job kind accepts: the HTTP request bodies and, after validation, the job's stored
 * input. One schema per kind keeps the HTTP contract, the OpenAPI document and the executors in
 * step. Field names follow the seed's API (snake_case).
 */

export const projectIdSchema = z
  .string()
  .regex(PROJECT_ID_PATTERN, 'a project id is lower-case letters, digits and dashes, e.g. "billing-api"');

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. https://api.example.com' });

/** A file sent inline: a relative path inside the job (no `..`, no absolute paths) and its text. */
export const inlineFileSchema = z.object({
  path: z
    .string()
    .min(1)
    .max(300)
    .refine(
      (path) => !path.startsWith('/') && !path.split(/[\\/]/).includes('..') && !/^[a-z]:/i.test(path),
      'a relative path such as tests/test_login.py (no "..", not absolute)',
    ),
  content: z.string().max(5_000_000),
});
export type InlineFile = z.infer<typeof inlineFileSchema>;

const filesSchema = z.array(inlineFileSchema).min(1).max(2_000);

/** An OpenAPI document: by URL (fetched through the SSRF guard) or inline (object or YAML/JSON text). */
const specFields = {
  openapi_url: httpUrl.optional(),
  openapi_spec: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
};

const defectsSchema = z.object({
  format: z.enum(['json', 'csv']),
  content: z.string().min(1),
});

export const API_CASE_KINDS = ['positive', 'boundary', 'negative', 'auth', 'stateful', 'pagination'] as const;

export const apiTestsInputSchema = z
  .object({
    project_id: projectIdSchema.optional(),
    ...specFields,
    base_url: httpUrl.optional(),
    /** Operations to cover, as "METHOD /path" or operationId; all when absent. */
    endpoints: z.array(z.string().min(1)).optional(),
    test_types: z.array(z.enum(API_CASE_KINDS)).optional(),
    options: z
      .object({
        format: z.enum(['playwright-ts', 'pytest']).default('playwright-ts'),
        /** Run the suite against base_url and keep only tests passing every run. */
        run: z.boolean().optional(),
        repeat: z.int().min(1).max(10).default(3),
        /** Send writes (POST/PUT/PATCH/DELETE) to a host that is not this machine. */
        allow_writes: z.boolean().default(false),
        variables: z.record(z.string(), z.string()).default({}),
        /** "Name: value" headers for the target, e.g. an Authorization header. Stored encrypted. */
        headers: z.array(z.string().regex(/^[^:\s]+:\s*.+$/, 'a header as "Name: value"')).default([]),
        /**
         * Variables whose values are secret: stored encrypted like headers, and masked (with every
         * header value) in the job's logs, events, report and artifacts. Values under 4 characters are not masked.
         */
        secret_variables: z.record(z.string(), z.string()).default({}),
      })
      .default({
        format: 'playwright-ts',
        repeat: 3,
        allow_writes: false,
        variables: {},
        headers: [],
        secret_variables: {},
      }),
  })
  .refine((input) => (input.openapi_url === undefined) !== (input.openapi_spec === undefined), {
    message: 'give exactly one of openapi_url or openapi_spec',
    path: ['openapi_url'],
  });
export type ApiTestsInput = z.infer<typeof apiTestsInputSchema>;

export const CASE_FORMATS = ['allure-python', 'markdown', 'csv', 'json'] as const;

export const testCasesInputSchema = z
  .object({
    project_id: projectIdSchema.optional(),
    /** A live web app: explored in a browser (through the SSRF guard). */
    url: httpUrl.optional(),
    /** Requirements as text: one requirement, user story or Markdown document per item. */
    requirements: z.array(z.string().min(1)).max(1_000).default([]),
    test_type: z.enum(['manual', 'automated', 'both']).default('manual'),
    options: z
      .object({
        format: z.enum(CASE_FORMATS).default('allure-python'),
        owner: z.string().min(1).max(100).optional(),
        max_pages: z.int().min(1).max(50).default(8),
        repeat: z.int().min(1).max(10).default(3),
        /** The language model: auto uses the server's when configured; required fails without one. */
        llm: z.enum(LLM_MODES).default('auto'),
        /** false: every model call is sent, even one answered before. */
        cache: z.boolean().default(true),
        /** Language of model-written cases; the requirements' language when absent. */
        output_language: z.enum(['en', 'ru']).optional(),
      })
      .default({ format: 'allure-python', max_pages: 8, repeat: 3, llm: 'auto', cache: true }),
  })
  .refine((input) => input.url !== undefined || input.requirements.length > 0, {
    message: 'give a url to explore, requirements, or both',
    path: ['url'],
  })
  .refine((input) => input.test_type === 'manual' || input.url !== undefined, {
    message: 'automated tests are generated from a live app: give its url',
    path: ['url'],
  });
export type TestCasesInput = z.infer<typeof testCasesInputSchema>;

export const validateInputSchema = z.object({
  project_id: projectIdSchema.optional(),
  files: filesSchema,
  options: z
    .object({
      /** Base URL of the system under test: requests to other hosts are reported. */
      target: httpUrl.optional(),
      /** A rules file (YAML or JSON) that changes the default rule set. */
      rules: z.string().optional(),
    })
    .default({}),
});
export type ValidateInput = z.infer<typeof validateInputSchema>;

export const optimizeInputSchema = z.object({
  project_id: projectIdSchema.optional(),
  files: filesSchema,
  ...specFields,
  requirements: z.array(z.string().min(1)).optional(),
  defects: defectsSchema.optional(),
  options: z.object({ threshold: z.number().gt(0).lte(1).optional() }).default({}),
});
export type OptimizeInput = z.infer<typeof optimizeInputSchema>;

const planFields = {
  project_id: projectIdSchema.optional(),
  ...specFields,
  requirements: z.array(z.string().min(1)).optional(),
  defects: defectsSchema.optional(),
  options: z
    .object({ format: z.enum(['markdown', 'json']).default('markdown') })
    .default({ format: 'markdown' }),
};

const oneSource = (input: { openapi_url?: unknown; openapi_spec?: unknown; requirements?: unknown[] }) =>
  [input.openapi_url, input.openapi_spec, input.requirements?.length ? input.requirements : undefined].filter(
    (value) => value !== undefined,
  ).length === 1;
const oneSourceMessage = {
  message: 'give exactly one source: requirements, openapi_url or openapi_spec',
  path: ['requirements'],
};

export const testPlanInputSchema = z
  .object({ ...planFields, files: filesSchema.optional() })
  .refine(oneSource, oneSourceMessage);
export type TestPlanInput = z.infer<typeof testPlanInputSchema>;

/** Ranks an existing suite: the plan's prioritisation applied to the tests sent in `files`. */
export const prioritizeInputSchema = z
  .object({ ...planFields, files: filesSchema })
  .refine(oneSource, oneSourceMessage);
export type PrioritizeInput = z.infer<typeof prioritizeInputSchema>;

export const jobInputSchemas = {
  'api-tests': apiTestsInputSchema,
  'test-cases': testCasesInputSchema,
  validate: validateInputSchema,
  optimize: optimizeInputSchema,
  'test-plan': testPlanInputSchema,
  prioritize: prioritizeInputSchema,
} satisfies Record<JobKind, z.ZodType>;
