import { isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, stdSerializers, stdTimeFunctions } from 'pino';
import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import { KnownSecrets } from './known-secrets.ts';
import { isSecretKey, redactSecretKeys } from './redact-keys.ts';
import { REDACTED, redactSecrets } from './redact-secrets.ts';

export { REDACTED, redactSecrets } from './redact-secrets.ts';
export { redactSecretKeys, SECRET_KEY_NAMES } from './redact-keys.ts';
export { KnownSecrets } from './known-secrets.ts';

/** The usual spellings of credential keys (bindings are matched exactly, unlike logged objects). */
const SECRET_KEY_SPELLINGS = [
  'token',
  'password',
  'secret',
  'apiKey',
  'api_key',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'secretKey',
  'authorization',
];

/** Credential headers as Node spells them (lowercase) in `req.headers` and `res.getHeaders()`. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'];

/**
 * pino `redact` paths for request and response headers. They apply after serializers, so they
 * catch headers a serializer copied out of a raw request or reply (pino's and Fastify's `req`
 * and `res`) — which `redactSecretKeys`, run on the logged object before serialization, never
 * sees. Exact paths only, and few: each one costs on every line, wildcards far more.
 */
export const REDACT_PATHS: readonly string[] = [
  ...['req', 'res'].flatMap((owner) => SECRET_HEADERS.map((header) => `${owner}.headers["${header}"]`)),
  // Top-level keys also reach child-logger bindings (`log.child({ apiKey })`), which pino passes
  // through no formatter.
  ...SECRET_KEY_SPELLINGS,
];

export interface LoggerSettings {
  level: string;
  /** Where JSON lines go; stdout when absent. Tests pass a stream that collects them. */
  destination?: DestinationStream;
  /**
   * Values scrubbed from every message wherever they appear: the secret key, database passwords,
   * and (with a `KnownSecrets`) the secrets of the jobs running now.
   */
  knownSecrets?: readonly string[] | KnownSecrets;
  /** Fields on every line, e.g. `{ service: 'testops-api' }`. */
  base?: Record<string, unknown>;
}

/**
 * The options of the service's logger, exported so anything that builds its own pino instance
 * (Fastify's, a worker's) logs the same shape with the same redaction.
 */
export function loggerOptions(settings: Omit<LoggerSettings, 'destination'>): LoggerOptions {
  const registry =
    settings.knownSecrets instanceof KnownSecrets
      ? settings.knownSecrets
      : new KnownSecrets(settings.knownSecrets ?? []);
  const scrubText = (text: string) => redactSecrets(text, registry.scrubber);
  return {
    level: settings.level,
    base: settings.base ?? { pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    formatters: {
      // "level":"info" reads better in log stores than pino's numeric levels.
      level: (label) => ({ level: label }),
      // Credential keys (token, password, apiKey…) at any depth of what was logged, and
      // credentials written into any string field (a URL, a curl line).
      log: (object) => redactSecretKeys(object, scrubText),
      // `base` is serialized once, apart from the lines. (pino never formats child-logger
      // bindings; only the top-level keys of REDACT_PATHS reach those.)
      bindings: (bindings) => redactSecretKeys(bindings, scrubText),
    },
    // Correlates every line with the trace it was written in, so a log line leads to its trace.
    mixin: traceFields,
    serializers: {
      err: (error: unknown) => scrubError(error, registry),
    },
    hooks: {
      // `redact` never looks inside strings; a token pasted into a message is scrubbed here.
      logMethod(args, method) {
        const scrubbed: unknown[] = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
        // Without a message pino copies the error's own message into `msg`, past this hook.
        const error = errorOf(scrubbed[0]);
        if (error && typeof scrubbed[1] !== 'string') scrubbed.splice(1, 0, scrubText(error.message));
        return method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
}

/** A JSON logger; hand it to Fastify as `Fastify({ loggerInstance })`. */
export function createLogger(settings: LoggerSettings): Logger {
  const options = loggerOptions(settings);
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const spanContext = span.spanContext();
  if (!isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

function errorOf(value: unknown): Error | undefined {
  if (value instanceof Error) return value;
  const err = (value as { err?: unknown } | null)?.err;
  return typeof value === 'object' && err instanceof Error ? err : undefined;
}

/**
 * pino's error serializer, then the same scrubbing as everything else: messages and stacks (with
 * their causes) hold URLs and tokens, and an error's own properties (a client's `config.headers`)
 * are class-instance fields the key walk never saw.
 */
function scrubError(error: unknown, registry: KnownSecrets): unknown {
  const scrubText = (text: string) => redactSecrets(text, registry.scrubber);
  if (typeof error === 'string') return scrubText(error);
  const serialized: unknown = stdSerializers.err(error as Error);
  // Not error-like: returned as given, and already scrubbed like any other field.
  if (serialized === error || serialized === null || typeof serialized !== 'object') return serialized;
  const record = serialized as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (isSecretKey(key)) record[key] = REDACTED;
    else if (typeof value === 'string') record[key] = scrubText(value);
    else if (typeof value === 'object') record[key] = redactSecretKeys(value, scrubText);
  }
  return record;
}
