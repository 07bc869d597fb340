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

/** The model options every generating job accepts (`--llm`, `--no-cache`, `--output-language`). */
const modelFields = {
  /** The language model: auto uses the server's when configured; required fails without one. */
  llm: z.enum(LLM_MODES).default('auto'),
  /** false: every model call is sent, even one answered before. */
  cache: z.boolean().default(true),
  /** Language of model-written text; the source's language when absent. */
  output_language: z.enum(['en', 'ru']).optional(),
};
const MODEL_DEFAULTS = { llm: 'auto', cache: true } as const;

const defectsSchema = z.object({
  format: z.enum(['json', 'csv']),
  content: z.string().min(1),
});

export const API_CASE_KINDS = [
  'positive',
  'boundary',
  'negative',
  'auth',
  'stateful',
  'pagination',
  'rule',
] as const;

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
        ...modelFields,
      })
      .default({
        format: 'playwright-ts',
        repeat: 3,
        allow_writes: false,
        variables: {},
        headers: [],
        secret_variables: {},
        ...MODEL_DEFAULTS,
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
        ...modelFields,
      })
      .default({ format: 'allure-python', max_pages: 8, repeat: 3, ...MODEL_DEFAULTS }),
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
  options: z
    .object({
      threshold: z.number().gt(0).lte(1).optional(),
      /** From which an automated test is a manual case's twin. */
      twin_threshold: z.number().gt(0).lte(1).optional(),
      ...modelFields,
    })
    .default(MODEL_DEFAULTS),
});
export type OptimizeInput = z.infer<typeof optimizeInputSchema>;

const planFields = {
  project_id: projectIdSchema.optional(),
  ...specFields,
  requirements: z.array(z.string().min(1)).optional(),
  defects: defectsSchema.optional(),
  options: z
    .object({ format: z.enum(['markdown', 'json']).default('markdown'), ...modelFields })
    .default({ format: 'markdown', ...MODEL_DEFAULTS }),
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

/** A project secret's name: letters, digits, `.`, `_`, `-` (jobs keep their own under `job:<id>:`). */
export const secretNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
    'a secret name such as gitlab-token (letters, digits, ".", "_", "-")',
  );

const repositoryTargetFields = {
  /** GitLab: group/project or its id; GitHub: owner/name. */
  repo: z.string().min(1).max(300),
  branch: z.string().min(1).max(250),
  /** The branch the merge or pull request targets; the repository's default when absent. */
  base_branch: z.string().min(1).max(250).optional(),
  /** The folder of the repository the suite goes in; the root when absent. */
  path: z.string().max(300).default(''),
  /** The instance (self-managed GitLab, GitHub Enterprise Server); the public one when absent. */
  base_url: httpUrl.optional(),
  /** Add a CI job (GitLab CI, GitHub Actions) that runs the suite and publishes JUnit and Allure results. */
  ci: z.boolean().default(false),
  /** The project secret holding the vendor token (PUT /api/v1/projects/{project}/secrets/{name}). */
  token_secret: secretNameSchema,
};

/** A task's run report (its suite folder) as one Jira issue per suspected defect. */
const jiraTargetSchema = z.object({
  vendor: z.literal('jira'),
  /** The Jira site: https://your-site.atlassian.net (Cloud) or the Server / Data Center URL. */
  base_url: httpUrl,
  /** Cloud (REST v3, ADF) or Server / Data Center (REST v2, wiki markup); by the host when absent. */
  flavour: z.enum(['cloud', 'server']).optional(),
  /** Cloud: the email of the account the API token belongs to (Basic auth); absent: the token is a PAT. */
  email: z.email().optional(),
  project_key: z.string().regex(/^[A-Z][A-Z0-9_]{0,99}$/, 'a Jira project key, e.g. CALC'),
  issue_type: z.string().min(1).max(100).default('Bug'),
  /** Linked from every issue: where the report can be read. */
  report_url: httpUrl.optional(),
  /** false leaves the project's default priority (screens without the field refuse it). */
  priority: z.boolean().default(true),
  token_secret: secretNameSchema,
});

/** A task's manual cases (allure-python) as Allure TestOps test cases. */
const allureTargetSchema = z.object({
  vendor: z.literal('allure-testops'),
  /** The Allure TestOps instance. */
  base_url: httpUrl,
  project_id: z.int().min(1),
  /** The project secret holding an Allure TestOps API token. */
  token_secret: secretNameSchema,
});

/** Where an export goes, by vendor. */
export const exportTargetSchema = z.discriminatedUnion('vendor', [
  z.object({ vendor: z.literal('gitlab'), ...repositoryTargetFields }),
  z.object({ vendor: z.literal('github'), ...repositoryTargetFields }),
  jiraTargetSchema,
  allureTargetSchema,
]);
export type JiraExportTarget = z.infer<typeof jiraTargetSchema>;
export type AllureExportTarget = z.infer<typeof allureTargetSchema>;

export const exportInputSchema = z
  .object({
    project_id: projectIdSchema.optional(),
    /** A finished task of the project whose artifacts are exported. */
    task_id: z.uuid({ error: 'a task id as returned in request_id' }).optional(),
    /** The artifact folder of that task to export (e.g. api-suite); its only folder when absent. */
    task_folder: z
      .string()
      .max(300)
      .refine(
        (path) => !path.split(/[\\/]/).includes('..') && !path.startsWith('/'),
        'a folder of the task’s artifacts, e.g. api-suite',
      )
      .optional(),
    /** Or the files themselves. */
    files: filesSchema.optional(),
    target: exportTargetSchema,
    /** Report what would be sent, send nothing. */
    dry_run: z.boolean().default(false),
  })
  .refine((input) => (input.task_id === undefined) !== (input.files === undefined), {
    message: 'give exactly one of task_id (a finished task whose artifacts are exported) or files',
    path: ['task_id'],
  });
export type ExportInput = z.infer<typeof exportInputSchema>;
/** What a caller may name as a crew input: `{placeholder}` names and tool arguments. */
const CREW_INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const CREDENTIAL_NAME = /header|token|secret|password|auth|cookie|api_?key/i;

/** `POST /api/v1/projects/{id}/crews/run`: the run's inputs, the target's headers, the model mode. */
export const crewRunBodySchema = z.object({
  inputs: z
    .record(
      z.string().regex(CREW_INPUT_NAME, 'an input name of letters, digits and "_"'),
      z.string().max(2_000),
    )
    .superRefine((inputs, check) => {
      const names = Object.keys(inputs);
      if (names.length > 50) check.addIssue({ code: 'custom', message: 'at most 50 inputs' });
      for (const name of names.filter((candidate) => CREDENTIAL_NAME.test(candidate)))
        check.addIssue({
          code: 'custom',
          path: [name],
          message: 'credentials go in options.headers (stored encrypted), never in inputs',
        });
    })
    .default({}),
  /** A behaviour (YAML) for this run only; the project's, else the service's active one, when absent. */
  behavior: z
    .string()
    .min(1)
    .max(256 * 1024)
    .optional(),
  options: z
    .object({
      /** "Name: value" headers for the target, e.g. an Authorization header. Stored encrypted. */
      headers: z
        .array(z.string().regex(/^[^:\s]+:\s*.+$/, 'a header as "Name: value"'))
        .max(50)
        .default([]),
      llm: z.enum(['off', 'auto']).default('auto'),
    })
    .default({ headers: [], llm: 'auto' }),
});
export type CrewRunBody = z.infer<typeof crewRunBodySchema>;

/** The crew job's input as stored: the body with the behaviour resolved when it was submitted. */
export const crewInputSchema = crewRunBodySchema.extend({
  behavior: z.string().min(1),
  behavior_source: z.string().min(1).max(300),
});
export type CrewInput = z.infer<typeof crewInputSchema>;

export const jobInputSchemas = {
  'api-tests': apiTestsInputSchema,
  'test-cases': testCasesInputSchema,
  validate: validateInputSchema,
  optimize: optimizeInputSchema,
  'test-plan': testPlanInputSchema,
  prioritize: prioritizeInputSchema,
  export: exportInputSchema,
  crew: crewInputSchema,
} satisfies Record<JobKind, z.ZodType>;
