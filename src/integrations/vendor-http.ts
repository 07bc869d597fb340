// The one HTTP client of every vendor integration (GitLab, GitHub, Jira, Allure TestOps): the
// token in a header and never in a message, the SSRF guard at connect time (base URLs are the
// user's), a timeout per attempt, retries with backoff and jitter on 429/5xx honouring
// Retry-After, and failures as catalogued errors that say what the token lacks.
import { TestopsError } from '../core/errors.ts';
import { backoffDelayMs, isRetryableStatus, retryAfterMs, sleep } from '../core/retry-delay.ts';
import { secretScrubber, type SecretScrubber } from '../core/secret-values.ts';
import { fetchWithUrlGuard } from '../sources/guarded-fetch.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import { readLimitedBody } from './vendor-body.ts';
import { vendorError, vendorUnavailable } from './vendor-errors.ts';
import type { VendorDialect, VendorMethod, VendorRequest, VendorResponse } from './vendor-exchange.ts';
import { linkHeaderPager, type Pager } from './vendor-pages.ts';

export type {
  DenialExplanation,
  VendorDialect,
  VendorMethod,
  VendorRequest,
  VendorResponse,
} from './vendor-exchange.ts';

export interface VendorRetry {
  method: VendorMethod;
  path: string;
  attempt: number;
  /** The status that is retried; undefined when the connection failed. */
  status: number | undefined;
  waitMs: number;
}

export interface VendorHttpOptions {
  dialect: VendorDialect;
  /** The API root: `https://api.github.com/`, `https://gitlab.example.com/api/v4/`. */
  baseUrl: URL;
  token: string;
  guard: UrlGuardOptions;
  headers?: Record<string, string>;
  /** One attempt, the body read included. */
  timeoutMs?: number;
  /** The whole call, retries and waits included. */
  totalTimeoutMs?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A vendor asking to wait longer than this (Retry-After) is treated as unavailable. */
  maxRetryAfterMs?: number;
  /** Bodies larger than this fail the call instead of filling the memory. */
  maxBodyBytes?: number;
  onRetry?: (retry: VendorRetry) => void;
}

export interface VendorHttp {
  readonly baseUrl: URL;
  readonly vendor: string;
  /** The response, or a catalogued error for any status outside 2xx and `accept`. */
  request<T = unknown>(request: VendorRequest): Promise<VendorResponse<T>>;
  /** Every page of a listing, as the items of each page (Link rel="next" unless another pager is given). */
  pages<T = unknown>(
    request: VendorRequest,
    options?: { pager?: Pager; items?: (body: unknown) => T[]; maxPages?: number },
  ): AsyncGenerator<T[]>;
  /** Text with the token masked in every form it could be written in. */
  scrub(text: string): string;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  totalTimeoutMs: 180_000,
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  maxBodyBytes: 32 * 1024 * 1024,
};
const MAX_REDIRECTS = 5;

/** @example const http = vendorHttp({ dialect: githubDialect, baseUrl, token, guard: { allowPrivate: false } }); */
export function vendorHttp(options: VendorHttpOptions): VendorHttp {
  const settings = { ...DEFAULTS, ...withoutUndefined(options) } as typeof DEFAULTS & VendorHttpOptions;
  const baseUrl = new URL(
    options.baseUrl.href.endsWith('/') ? options.baseUrl.href : `${options.baseUrl.href}/`,
  );
  const scrubber = secretScrubber([options.token]);
  const client: VendorHttp = {
    baseUrl,
    vendor: options.dialect.vendor,
    request: (request) => withRetries(request, { ...settings, baseUrl, scrubber }),
    pages: (request, pageOptions = {}) => pagesOf(client, request, pageOptions),
    scrub: (text) => scrubber.scrub(text),
  };
  return client;
}

type Settings = typeof DEFAULTS & VendorHttpOptions & { baseUrl: URL; scrubber: SecretScrubber };

async function withRetries<T>(request: VendorRequest, settings: Settings): Promise<VendorResponse<T>> {
  const method = request.method ?? 'GET';
  const url = requestUrl(request, settings.baseUrl);
  const idempotent = request.idempotent ?? (method !== 'POST' && method !== 'PATCH');
  const deadline = Date.now() + settings.totalTimeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await attemptOnce<T>({ method, url, request, settings, deadline });
    const backoff = backoffDelayMs(attempt, settings.baseDelayMs, settings.maxDelayMs);
    const wait = retryWait(outcome, { idempotent, backoff, settings });
    if (wait === undefined) {
      if (outcome.error) throw outcome.error;
      return finished(outcome.response!, request, settings);
    }
    if (attempt >= settings.maxRetries || Date.now() + wait > deadline || wait > settings.maxRetryAfterMs)
      throw outcome.error ?? vendorUnavailable(settings.dialect.vendor, method, outcome.response!, wait);
    settings.onRetry?.({
      method,
      path: url.pathname,
      attempt: attempt + 1,
      status: outcome.response?.status,
      waitMs: wait,
    });
    await sleep(wait, request.signal);
  }
}

interface Outcome<T> {
  response?: VendorResponse<T>;
  /** A failure before any status: connection, timeout, guard refusal. */
  error?: TestopsError | Error;
  /** Whether that failure may pass on a later attempt. */
  transient?: boolean;
}

/** How long to wait before the next attempt, or undefined when this outcome is final. */
function retryWait(
  outcome: Outcome<unknown>,
  context: { idempotent: boolean; backoff: number; settings: Settings },
): number | undefined {
  if (outcome.error) return outcome.transient && context.idempotent ? context.backoff : undefined;
  const response = outcome.response!;
  const rateLimited = context.settings.dialect.rateLimitWaitMs?.(response, Date.now());
  const limited = response.status === 429 || rateLimited !== undefined;
  if (!limited && !(isRetryableStatus(response.status) && context.idempotent)) return undefined;
  return rateLimited ?? retryAfterMs(response.headers.get('retry-after')) ?? context.backoff;
}

async function attemptOnce<T>(call: {
  method: VendorMethod;
  url: URL;
  request: VendorRequest;
  settings: Settings;
  deadline: number;
}): Promise<Outcome<T>> {
  const { method, request, settings } = call;
  const attemptMs = Math.max(1, Math.min(settings.timeoutMs, call.deadline - Date.now()));
  const timeout = AbortSignal.timeout(attemptMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let url = call.url;
  try {
    for (let hop = 0; ; hop += 1) {
      const response = await fetchWithUrlGuard(url, {
        ...settings.guard,
        redirect: 'manual',
        method,
        headers: requestHeaders(settings, bodyType(request)),
        ...requestBody(request),
        signal,
      });
      const next = sameOriginRedirect(response, url, method, hop);
      if (next) {
        await response.body?.cancel();
        url = next;
        continue;
      }
      const body = await readLimitedBody(response, settings.maxBodyBytes, url);
      return { response: { status: response.status, headers: response.headers, body: body as T, url } };
    }
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    return connectionFailure(error, { method, url, settings, timedOut: timeout.aborted, attemptMs });
  }
}

/** JSON, or form fields (OAuth token endpoints such as Allure TestOps' take only those). */
function bodyType(request: VendorRequest): string | undefined {
  if (request.form !== undefined) return 'application/x-www-form-urlencoded';
  return request.body === undefined ? undefined : 'application/json';
}

function requestBody(request: VendorRequest): { body?: string } {
  if (request.form !== undefined) return { body: new URLSearchParams(request.form).toString() };
  return request.body === undefined ? {} : { body: JSON.stringify(request.body) };
}

function requestHeaders(settings: Settings, contentType: string | undefined): Record<string, string> {
  return {
    accept: 'application/json',
    'user-agent': 'testops-copilot',
    ...settings.headers,
    ...(contentType ? { 'content-type': contentType } : {}),
    ...settings.dialect.authHeaders(settings.token),
  };
}

/**
 * A redirect within the vendor's origin (a renamed repository) is followed for reads; one to
 * another origin is not, so the token is never sent to a host the user did not name.
 */
function sameOriginRedirect(
  response: Response,
  from: URL,
  method: VendorMethod,
  hop: number,
): URL | undefined {
  if (response.status < 300 || response.status > 399 || !response.headers.has('location')) return undefined;
  const next = new URL(response.headers.get('location')!, from);
  if (next.origin !== from.origin || method !== 'GET' || hop >= MAX_REDIRECTS) {
    throw new TestopsError(
      'TESTOPS_VENDOR_REJECTED',
      `the vendor redirected ${method} to ${next.origin}${next.pathname}`,
      {
        where: `${method} ${from.origin}${from.pathname}`,
        expected: 'an answer from the API root given, or a redirect to a read on the same origin',
        hint: 'give the base URL the API answers at (self-hosted: the URL of the instance, e.g. https://gitlab.example.com).',
      },
    );
  }
  return next;
}

function connectionFailure(
  error: unknown,
  context: { method: VendorMethod; url: URL; settings: Settings; timedOut: boolean; attemptMs: number },
): Outcome<never> {
  const { method, url, settings } = context;
  const where = `${method} ${url.origin}${url.pathname}`;
  if (error instanceof TestopsError) return { error: settings.scrubber.scrubError(error), transient: false };
  if (context.timedOut) {
    const timeout = new TestopsError(
      'TESTOPS_VENDOR_TIMEOUT',
      `${settings.dialect.vendor} did not answer within ${context.attemptMs} ms`,
      { where, hint: 'try again later, or check that the base URL is the API of the instance.' },
    );
    return { error: timeout, transient: true };
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  const unreachable = new TestopsError(
    'TESTOPS_VENDOR_UNAVAILABLE',
    `${settings.dialect.vendor} could not be reached (${settings.scrubber.scrub(reason)})`,
    { where, hint: 'check the base URL and the network.' },
  );
  return { error: unreachable, transient: true };
}

function finished<T>(
  response: VendorResponse<T>,
  request: VendorRequest,
  settings: Settings,
): VendorResponse<T> {
  const ok = (response.status >= 200 && response.status < 300) || request.accept?.includes(response.status);
  if (ok) return response;
  throw settings.scrubber.scrubError(vendorError(settings.dialect, request.method ?? 'GET', response));
}

function requestUrl(request: VendorRequest, baseUrl: URL): URL {
  const url =
    request.path instanceof URL
      ? new URL(request.path.href)
      : new URL(request.path.replace(/^\/+/, ''), baseUrl);
  if (url.origin !== baseUrl.origin) {
    throw new TestopsError('TESTOPS_VENDOR_REJECTED', `a link points at ${url.origin}, not at the API`, {
      where: baseUrl.origin,
      expected: `links on ${baseUrl.origin}`,
      hint: 'the token is only sent to the base URL given; check the base URL (a proxy may rewrite links).',
    });
  }
  for (const [name, value] of Object.entries(request.query ?? {}))
    if (value !== undefined) url.searchParams.set(name, String(value));
  return url;
}

async function* pagesOf<T>(
  client: VendorHttp,
  first: VendorRequest,
  options: { pager?: Pager; items?: (body: unknown) => T[]; maxPages?: number },
): AsyncGenerator<T[]> {
  const pager = options.pager ?? linkHeaderPager;
  const items = options.items ?? ((body: unknown) => (Array.isArray(body) ? (body as T[]) : []));
  let request: VendorRequest | undefined = first;
  for (let page = 0; request && page < (options.maxPages ?? 1_000); page += 1) {
    const response: VendorResponse = await client.request(request);
    const pageItems = items(response.body);
    yield pageItems;
    request = pager(response, request, pageItems.length);
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
