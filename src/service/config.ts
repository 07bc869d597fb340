import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  LLM_VARIABLES,
  readLlmSettings,
  SECRET_LLM_VARIABLES,
  type LlmSettings,
} from '../llm/llm-settings.ts';
import { TestopsError } from '../core/errors.ts';
import { JOB_KINDS, type JobKind } from './jobs/job.ts';
import {
  DEFAULT_JOB_MEMORY_MB,
  DEFAULT_JOB_STOP_GRACE_MS,
  DEFAULT_JOB_TIMEOUTS_MS,
  timeoutVariable,
} from './jobs/job-limits.ts';

/**
 * Everything the service reads from its environment, in one place. Embedded by default (PGlite
 * in a data directory, in-process jobs); distributed when DATABASE_URL and REDIS_URL are set.
 */
export interface ServiceConfig {
  host: string;
  port: number;
  /** PGlite's data directory, the key file and job working folders live here. */
  dataDir: string;
  /** PostgreSQL connection string; PGlite in `dataDir` when absent. */
  databaseUrl: string | undefined;
  /** Redis connection string; jobs run in-process when absent. */
  redisUrl: string | undefined;
  /** Redis key prefix of the queue: several installations (or test runs) can share one Redis. */
  queuePrefix: string;
  /** 32-byte key (base64 or hex) that encrypts secrets at rest; generated into dataDir when absent in embedded mode. */
  secretKey: string | undefined;
  /** Jobs run at once by this process's worker pool (embedded) or by `testops worker`. */
  concurrency: number;
  /** Require an API key on every /api route. Forced on when bound to anything but loopback. */
  requireAuth: boolean;
  /** Allowed CORS origins; none by default. */
  corsOrigins: string[];
  /** Requests per minute per client (API key or address). */
  rateLimitPerMinute: number;
  /** Largest request body accepted (bytes). */
  bodyLimitBytes: number;
  /** What one job may be given: what the engine handles in reasonable time and memory. */
  inputLimits: InputLimits;
  /** Let jobs fetch specs/pages on private networks and this machine (the bundled demos need it). */
  allowPrivateTargets: boolean;
  /** How long a worker's claim on a job lasts without renewal: a crashed worker's job runs again after it. */
  jobLeaseMs: number;
  /**
   * How long one attempt of each kind may run before its thread is stopped and the attempt
   * fails (TESTOPS_JOB_TIMEOUT_MS for every kind, TESTOPS_JOB_TIMEOUT_MS_<KIND> for one).
   */
  jobTimeoutsMs: Record<JobKind, number>;
  /** Heap limit of each job's thread, in MB: a job that exceeds it fails instead of the process. */
  jobMemoryMb: number;
  /** How long a cancelled or timed-out job's thread may take to stop before it is terminated. */
  jobStopGraceMs: number;
  otlpEndpoint: string | undefined;
  logLevel: string;
  /** The model provider, when one is configured (`TESTOPS_LLM_*`); validated with the rest. */
  llm: Readonly<LlmSettings> | undefined;
  /** Where the crews' behaviour comes from: the shipped crew, a file, or a Notion page. */
  behavior: BehaviorSettings;
}

/**
 * The active crew behaviour's source. A file (TESTOPS_BEHAVIOR_FILE) is watched and reread on
 * SIGHUP; a Notion page (TESTOPS_BEHAVIOR_NOTION_PAGE with TESTOPS_NOTION_TOKEN) is polled.
 */
export interface BehaviorSettings {
  file: string | undefined;
  notion: { pageId: string; token: string; baseUrl: string | undefined } | undefined;
  /** How often the Notion page's last edit time is asked (ms); 0 only on SIGHUP. */
  pollMs: number;
}

/**
 * Per-field limits of job inputs, checked before a job is stored (413 for sizes, 400 for counts).
 * Counts above the contract's own maxima (1,000 requirements, 2,000 files) stay refused by it.
 */
export interface InputLimits {
  /** Deepest nesting of a JSON request body; recursion over deeper bodies overflows the stack. */
  bodyDepth: number;
  requirementItems: number;
  /** UTF-8 bytes of all requirements of one request: case design slows sharply past ~1 MB. */
  requirementsBytes: number;
  files: number;
  fileBytes: number;
  filesBytes: number;
  /** An OpenAPI document sent inline (text or object); larger ones go by openapi_url. */
  specBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  bodyDepth: 64,
  requirementItems: 1_000,
  requirementsBytes: MIB / 2,
  files: 2_000,
  fileBytes: 2 * MIB,
  filesBytes: 8 * MIB,
  specBytes: 5 * MIB,
});

type Env = Record<string, string | undefined>;

const INPUT_LIMIT_NAMES = [
  'BODY_DEPTH',
  'REQUIREMENTS',
  'REQUIREMENTS_BYTES',
  'FILES',
  'FILE_BYTES',
  'FILES_BYTES',
  'SPEC_BYTES',
] as const;

/** Settings that are secrets: deployments give them from a secret store, never from plain configuration. */
export const SECRET_SERVICE_VARIABLES: readonly string[] = Object.freeze([
  'DATABASE_URL',
  'REDIS_URL',
  'TESTOPS_SECRET_KEY',
]);

/**
 * Every environment variable `loadServiceConfig` reads. The reader refuses a name missing here,
 * so a new setting cannot reach the service without reaching this list — and the deployment
 * manifests are checked against it.
 */
export const SERVICE_VARIABLES: readonly string[] = Object.freeze([
  'TESTOPS_HOST',
  'PORT',
  'TESTOPS_PORT',
  'TESTOPS_DATA_DIR',
  ...SECRET_SERVICE_VARIABLES,
  'TESTOPS_QUEUE_PREFIX',
  'TESTOPS_CONCURRENCY',
  'TESTOPS_REQUIRE_AUTH',
  'TESTOPS_CORS_ORIGINS',
  'TESTOPS_RATE_LIMIT',
  'TESTOPS_BODY_LIMIT',
  ...INPUT_LIMIT_NAMES.map((name) => `TESTOPS_LIMIT_${name}`),
  'TESTOPS_ALLOW_PRIVATE_TARGETS',
  'TESTOPS_JOB_LEASE_MS',
  'TESTOPS_JOB_TIMEOUT_MS',
  ...JOB_KINDS.map(timeoutVariable),
  'TESTOPS_JOB_MEMORY_MB',
  'TESTOPS_JOB_STOP_GRACE_MS',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'LOG_LEVEL',
  ...LLM_VARIABLES,
  'TESTOPS_BEHAVIOR_FILE',
  'TESTOPS_BEHAVIOR_NOTION_PAGE',
  'TESTOPS_NOTION_BASE_URL',
  'TESTOPS_BEHAVIOR_POLL_MS',
  'TESTOPS_NOTION_TOKEN',
]);

/** Secrets the service reads only when they are set: a deployment without a model has none. */
export const OPTIONAL_SECRET_SERVICE_VARIABLES: readonly string[] = Object.freeze([
  ...SECRET_LLM_VARIABLES,
  'TESTOPS_NOTION_TOKEN',
]);

const KNOWN_VARIABLES = new Set(SERVICE_VARIABLES);

type Read = (name: string) => string | undefined;

function variableReader(env: Env): Read {
  return (name) => {
    if (!KNOWN_VARIABLES.has(name))
      throw new Error(`config.ts reads ${name}, which SERVICE_VARIABLES does not list: add it there.`);
    return env[name];
  };
}

export function loadServiceConfig(
  env: Env = process.env,
  overrides: Partial<ServiceConfig> = {},
): ServiceConfig {
  const read = variableReader(env);
  const host = overrides.host ?? read('TESTOPS_HOST') ?? '127.0.0.1';
  const base: ServiceConfig = {
    host,
    port: overrides.port ?? numberFrom(read('PORT') ?? read('TESTOPS_PORT'), 8080),
    dataDir: read('TESTOPS_DATA_DIR') ?? join(homedir(), '.testops'),
    databaseUrl: nonEmpty(read('DATABASE_URL')),
    redisUrl: nonEmpty(read('REDIS_URL')),
    queuePrefix: nonEmpty(read('TESTOPS_QUEUE_PREFIX')) ?? 'testops',
    secretKey: nonEmpty(read('TESTOPS_SECRET_KEY')),
    concurrency: numberFrom(read('TESTOPS_CONCURRENCY'), 2),
    requireAuth: read('TESTOPS_REQUIRE_AUTH') === '1',
    corsOrigins: (read('TESTOPS_CORS_ORIGINS') ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    rateLimitPerMinute: numberFrom(read('TESTOPS_RATE_LIMIT'), 600),
    bodyLimitBytes: numberFrom(read('TESTOPS_BODY_LIMIT'), 10 * 1024 * 1024),
    inputLimits: inputLimitsFrom(read),
    allowPrivateTargets: read('TESTOPS_ALLOW_PRIVATE_TARGETS') === '1',
    jobLeaseMs: numberFrom(read('TESTOPS_JOB_LEASE_MS'), 30_000),
    jobTimeoutsMs: jobTimeouts(read),
    jobMemoryMb: numberFrom(read('TESTOPS_JOB_MEMORY_MB'), DEFAULT_JOB_MEMORY_MB),
    jobStopGraceMs: numberFrom(read('TESTOPS_JOB_STOP_GRACE_MS'), DEFAULT_JOB_STOP_GRACE_MS),
    otlpEndpoint: nonEmpty(read('OTEL_EXPORTER_OTLP_ENDPOINT')),
    logLevel: read('LOG_LEVEL') ?? 'info',
    llm: readLlmSettings(Object.fromEntries(LLM_VARIABLES.map((name) => [name, read(name)]))),
    behavior: behaviorSettings(read),
  };
  const config = { ...base, ...overrides };
  // Anyone who can reach a non-loopback address could drive the engine: keys become mandatory.
  if (!isLoopback(config.host)) config.requireAuth = true;
  return config;
}

function inputLimitsFrom(read: Read): InputLimits {
  const limit = (name: (typeof INPUT_LIMIT_NAMES)[number], fallback: number) =>
    numberFrom(read(`TESTOPS_LIMIT_${name}`), fallback);
  const defaults = DEFAULT_INPUT_LIMITS;
  return {
    bodyDepth: limit('BODY_DEPTH', defaults.bodyDepth),
    requirementItems: limit('REQUIREMENTS', defaults.requirementItems),
    requirementsBytes: limit('REQUIREMENTS_BYTES', defaults.requirementsBytes),
    files: limit('FILES', defaults.files),
    fileBytes: limit('FILE_BYTES', defaults.fileBytes),
    filesBytes: limit('FILES_BYTES', defaults.filesBytes),
    specBytes: limit('SPEC_BYTES', defaults.specBytes),
  };
}

/** Per kind: its own variable, else the one for every kind, else the kind's default. */
function jobTimeouts(read: Read): Record<JobKind, number> {
  const all = read('TESTOPS_JOB_TIMEOUT_MS');
  const entries = JOB_KINDS.map((kind) => {
    const fallback = numberFrom(all, DEFAULT_JOB_TIMEOUTS_MS[kind]);
    // 0 would stop every job at once: a limit must be positive.
    const value = numberFrom(read(timeoutVariable(kind)), fallback);
    return [kind, value > 0 ? value : DEFAULT_JOB_TIMEOUTS_MS[kind]] as const;
  });
  return Object.fromEntries(entries) as Record<JobKind, number>;
}

function behaviorSettings(read: Read): BehaviorSettings {
  const pageId = nonEmpty(read('TESTOPS_BEHAVIOR_NOTION_PAGE'));
  const token = nonEmpty(read('TESTOPS_NOTION_TOKEN'));
  const baseUrl = nonEmpty(read('TESTOPS_NOTION_BASE_URL'));
  if (pageId && !token)
    throw new TestopsError(
      'TESTOPS_INVALID_ARGUMENT',
      'TESTOPS_BEHAVIOR_NOTION_PAGE is set without TESTOPS_NOTION_TOKEN',
      {
        where: 'TESTOPS_NOTION_TOKEN',
        expected: 'the token of a Notion integration the page is shared with',
        hint: 'create an internal integration at notion.so/my-integrations and share the page with it.',
      },
    );
  return {
    file: nonEmpty(read('TESTOPS_BEHAVIOR_FILE')),
    notion: pageId && token ? { pageId, token, baseUrl } : undefined,
    pollMs: numberFrom(read('TESTOPS_BEHAVIOR_POLL_MS'), 60_000),
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function numberFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}
