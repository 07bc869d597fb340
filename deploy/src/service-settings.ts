import { DEFAULT_JOB_TIMEOUTS_MS, timeoutVariable } from '../../src/service/jobs/job-limits.ts';
import { JOB_KINDS } from '../../src/service/jobs/job.ts';
import {
  loadServiceConfig,
  OPTIONAL_SECRET_SERVICE_VARIABLES,
  SECRET_SERVICE_VARIABLES,
  SERVICE_VARIABLES,
} from '../../src/service/config.ts';
import type { Environment } from './environment.ts';

/** The port `testops serve` listens on in the image (its CMD and EXPOSE). */
export const API_PORT = 8080;

/** The image's TESTOPS_DATA_DIR: job working folders, on a writable scratch volume. */
export const DATA_DIR = '/data';

/** The queue's Redis key prefix, shared by the service and KEDA's scaler. */
export const QUEUE_PREFIX = 'testops';

/**
 * Variables given to the pods that the service does not read (yet): each with the reason it is there.
 * A name here that the service starts to read must move to the service's own list.
 */
export const EXTRA_VARIABLES: Readonly<Record<string, string>> = {
  HOME: 'the root filesystem is read-only: Chromium, Python and npm write their caches under $HOME',
};

/**
 * The plain (non-secret) settings of one environment, one entry per variable the service reads.
 * Defaults come from the service's own reader, so the manifests state the values it would use.
 */
export function serviceSettings(env: Environment): Record<string, string> {
  const defaults = loadServiceConfig({});
  const limits = defaults.inputLimits;
  const settings: Record<string, string> = {
    TESTOPS_HOST: '0.0.0.0',
    PORT: String(API_PORT),
    TESTOPS_PORT: String(API_PORT),
    TESTOPS_DATA_DIR: DATA_DIR,
    TESTOPS_QUEUE_PREFIX: QUEUE_PREFIX,
    TESTOPS_CONCURRENCY: String(env.worker.concurrency),
    // Bound to 0.0.0.0 the service requires API keys anyway; stated so nobody wonders.
    TESTOPS_REQUIRE_AUTH: '1',
    TESTOPS_CORS_ORIGINS: '',
    TESTOPS_RATE_LIMIT: String(defaults.rateLimitPerMinute),
    TESTOPS_BODY_LIMIT: String(defaults.bodyLimitBytes),
    TESTOPS_LIMIT_BODY_DEPTH: String(limits.bodyDepth),
    TESTOPS_LIMIT_REQUIREMENTS: String(limits.requirementItems),
    TESTOPS_LIMIT_REQUIREMENTS_BYTES: String(limits.requirementsBytes),
    TESTOPS_LIMIT_FILES: String(limits.files),
    TESTOPS_LIMIT_FILE_BYTES: String(limits.fileBytes),
    TESTOPS_LIMIT_FILES_BYTES: String(limits.filesBytes),
    TESTOPS_LIMIT_SPEC_BYTES: String(limits.specBytes),
    // Jobs test public targets; a cluster's own services stay out of reach.
    TESTOPS_ALLOW_PRIVATE_TARGETS: '0',
    TESTOPS_JOB_LEASE_MS: String(defaults.jobLeaseMs),
    // Empty: every kind has its own limit below.
    TESTOPS_JOB_TIMEOUT_MS: '',
    ...Object.fromEntries(
      JOB_KINDS.map((kind) => [timeoutVariable(kind), String(DEFAULT_JOB_TIMEOUTS_MS[kind])]),
    ),
    TESTOPS_JOB_MEMORY_MB: String(env.worker.jobMemoryMb),
    TESTOPS_JOB_STOP_GRACE_MS: String(defaults.jobStopGraceMs),
    OTEL_EXPORTER_OTLP_ENDPOINT: env.otlpEndpoint,
    LOG_LEVEL: env.logLevel,
    // No model by default: empty values are unset for the service, which then runs deterministic
    // only; an environment with a model sets the provider here and seals its key.
    ...Object.fromEntries(modelVariables().map((name) => [name, ''])),
    // The shipped crew by default; an environment may point at a mounted file or a Notion page
    // (its token sealed as TESTOPS_NOTION_TOKEN).
    TESTOPS_BEHAVIOR_FILE: '',
    TESTOPS_BEHAVIOR_NOTION_PAGE: '',
    TESTOPS_NOTION_BASE_URL: '',
    TESTOPS_BEHAVIOR_POLL_MS: '60000',
  };
  assertEveryVariableSet(settings);
  return settings;
}

function modelVariables(): string[] {
  return SERVICE_VARIABLES.filter(
    (name) => name.startsWith('TESTOPS_LLM_') && !OPTIONAL_SECRET_SERVICE_VARIABLES.includes(name),
  );
}

/** A setting the service learns to read must be given a value here before anything renders. */
function assertEveryVariableSet(settings: Record<string, string>): void {
  const plain = SERVICE_VARIABLES.filter(
    (name) => !SECRET_SERVICE_VARIABLES.includes(name) && !OPTIONAL_SECRET_SERVICE_VARIABLES.includes(name),
  );
  const missing = plain.filter((name) => !(name in settings));
  const unknown = Object.keys(settings).filter((name) => !plain.includes(name));
  if (missing.length > 0 || unknown.length > 0)
    throw new Error(
      `deploy/src/service-settings.ts: ${[...missing.map((name) => `${name} has no value`), ...unknown.map((name) => `${name} is not a setting the service reads`)].join('; ')}. Keep it in step with SERVICE_VARIABLES in src/service/config.ts.`,
    );
}
