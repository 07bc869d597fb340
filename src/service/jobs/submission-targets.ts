// Targets a submission names are judged when it arrives, so that a refused one is a 400 with the
// field to fix, not a 202 and a failed job. Literal IPs are judged exactly; a name is judged by
// what it resolves to now. The job checks again when it runs (and its connections are pinned):
// an answer that changes in between is refused then.
import { TestopsError } from '../../core/errors.ts';
import { checkTargetUrl, systemResolver, type Resolver } from '../../pipeline/target-guard.ts';
import { guardFor, type ExecutorContext } from './executor.ts';
import type { JobKind } from './job.ts';

/** The input fields each kind fetches or targets (validate's target is only compared, never opened). */
const TARGET_FIELDS: Record<JobKind, readonly string[]> = {
  'api-tests': ['openapi_url', 'base_url'],
  'test-cases': ['url'],
  validate: [],
  optimize: ['openapi_url'],
  'test-plan': ['openapi_url'],
  prioritize: ['openapi_url'],
  export: ['target.base_url'],
};

export interface SubmissionPolicy extends Pick<ExecutorContext, 'guard' | 'trustedOrigins'> {
  resolver?: Resolver;
  /** A slow DNS answer must not hold the request: past this, the job judges the name when it runs. */
  resolveTimeoutMs?: number;
}

const RESOLVE_TIMEOUT_MS = 3_000;

/** Throws TESTOPS_URL_REFUSED naming the field when a target of `input` is refused now. */
export async function refuseTargets(
  kind: JobKind,
  input: Record<string, unknown>,
  policy: SubmissionPolicy,
): Promise<void> {
  for (const field of TARGET_FIELDS[kind]) {
    const value = fieldValue(input, field);
    if (typeof value !== 'string') continue;
    const guard = guardFor(policy, value);
    if (guard.allowPrivate) continue; // nothing to refuse: the input schema already wants http(s)
    const resolver = withTimeout(
      policy.resolver ?? systemResolver,
      policy.resolveTimeoutMs ?? RESOLVE_TIMEOUT_MS,
    );
    try {
      await checkTargetUrl(new URL(value), { ...guard, resolver });
    } catch (error) {
      // A name that does not resolve now may resolve when the job runs: the job decides then.
      if (!(error instanceof TestopsError) || error.code !== 'TESTOPS_URL_REFUSED') continue;
      throw new TestopsError('TESTOPS_URL_REFUSED', error.message.split('\n')[0]!, {
        where: field,
        expected: 'a URL whose host has public addresses only',
        hint: 'give a public URL, or start the server with --allow-private (TESTOPS_ALLOW_PRIVATE_TARGETS=1) to reach hosts on its machine or a private network you trust.',
      });
    }
  }
}

/** `target.base_url` → input.target.base_url. */
function fieldValue(input: Record<string, unknown>, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      input,
    );
}

function withTimeout(resolver: Resolver, ms: number): Resolver {
  return (host) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      resolver(host)
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
}
