import { ModelError } from '../core/model-errors.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import type { TaskLimit } from './concurrency-limit.ts';
import { backoffDelayMs, isRetryableStatus, retryAfterMs, sleep } from '../core/retry-delay.ts';
import { timedBody, type CallTimers } from './timed-body.ts';

export interface ResilienceOptions {
  provider: string;
  /** No response headers within this time — or, streamed, no chunk for this long — fails the call. */
  firstByteTimeoutMs: number;
  /** The whole call, retries and waits included. */
  totalTimeoutMs: number;
  maxRetries: number;
  breaker: CircuitBreaker;
  limit: TaskLimit;
  baseDelayMs?: number;
  maxDelayMs?: number;
  fetch?: typeof fetch;
}

/**
 * The fetch the AI SDK adapter is given (its own retries are off): one place for the concurrency
 * limit, the provider's circuit breaker, retries with backoff and jitter honouring Retry-After,
 * and first-byte, stall and total timeouts. Failures throw `ModelError`.
 */
export function resilientFetch(options: ResilienceOptions): typeof fetch {
  return async (input, init) => {
    options.breaker.enter();
    return options.limit.run(() => withRetries(input, init, options));
  };
}

async function withRetries(
  input: Parameters<typeof fetch>[0],
  init: RequestInit | undefined,
  options: ResilienceOptions,
) {
  const deadline = Date.now() + options.totalTimeoutMs;
  const delay = (attempt: number) =>
    backoffDelayMs(attempt, options.baseDelayMs ?? 500, options.maxDelayMs ?? 8_000);
  for (let attempt = 0; ; attempt += 1) {
    let response: Response;
    try {
      response = await attemptOnce(input, init, options, deadline);
    } catch (error) {
      if (init?.signal?.aborted || error instanceof ModelError || attempt >= options.maxRetries) {
        options.breaker.failed();
        throw asModelError(error, options.provider);
      }
      await sleep(Math.min(delay(attempt), Math.max(0, deadline - Date.now())), init?.signal ?? undefined);
      continue;
    }
    // Other statuses reach the SDK as they are.
    if (!isRetryableStatus(response.status)) {
      options.breaker.succeeded();
      return response;
    }
    const wait = retryAfterMs(response.headers.get('retry-after')) ?? delay(attempt);
    await response.body?.cancel();
    if (attempt >= options.maxRetries || Date.now() + wait > deadline) {
      options.breaker.failed();
      throw new ModelError('TESTOPS_LLM_UNAVAILABLE', `the model provider answered ${response.status}`, {
        provider: options.provider,
        status: response.status,
        where: options.provider,
        hint:
          response.status === 429
            ? 'the provider rate-limits this key; lower TESTOPS_LLM_CONCURRENCY or try later.'
            : 'the provider failed; the result is the deterministic one.',
      });
    }
    await sleep(wait, init?.signal ?? undefined);
  }
}

async function attemptOnce(
  input: Parameters<typeof fetch>[0],
  init: RequestInit | undefined,
  options: ResilienceOptions,
  deadline: number,
): Promise<Response> {
  const timers = callTimers(options, deadline, init?.signal ?? undefined);
  try {
    const response = await (options.fetch ?? fetch)(input, { ...init, signal: timers.signal });
    timers.firstByteArrived();
    if (!response.body) {
      timers.done();
      return response;
    }
    return new Response(timedBody(response.body, timers), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    timers.done();
    throw timers.timedOut ?? error;
  }
}

function callTimers(
  options: ResilienceOptions,
  deadline: number,
  callerSignal: AbortSignal | undefined,
): CallTimers {
  const controller = new AbortController();
  const timeout = (problem: string) =>
    new ModelError('TESTOPS_LLM_TIMEOUT', problem, {
      provider: options.provider,
      where: options.provider,
      hint: 'raise TESTOPS_LLM_FIRST_BYTE_TIMEOUT_MS / TESTOPS_LLM_TIMEOUT_MS for a slow model.',
    });
  const timers: CallTimers = {
    signal: controller.signal,
    timedOut: undefined,
    firstByteArrived: () => clearTimeout(idle),
    chunkArrived: () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => fire(timeout(`the answer stalled for ${options.firstByteTimeoutMs} ms`)),
        options.firstByteTimeoutMs,
      );
    },
    done: () => {
      clearTimeout(idle);
      clearTimeout(total);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
  const fire = (error: ModelError) => {
    timers.timedOut = error;
    controller.abort(error);
  };
  const onCallerAbort = () => controller.abort(callerSignal!.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let idle = setTimeout(
    () => fire(timeout(`no first byte within ${options.firstByteTimeoutMs} ms`)),
    options.firstByteTimeoutMs,
  );
  const total = setTimeout(
    () => fire(timeout(`the call did not finish within ${options.totalTimeoutMs} ms`)),
    Math.max(0, deadline - Date.now()),
  );
  return timers;
}

/** Connection refused, reset, DNS: the provider could not be reached. */
function asModelError(error: unknown, provider: string): Error {
  if (error instanceof ModelError) return error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new ModelError(
    'TESTOPS_LLM_UNAVAILABLE',
    `the model provider could not be reached (${cause?.code ?? cause?.message ?? String(error)})`,
    {
      provider,
      where: provider,
      hint: 'check TESTOPS_LLM_BASE_URL and the network; the result is the deterministic one.',
      cause: error,
    },
  );
}
