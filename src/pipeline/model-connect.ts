import { isTestopsError } from '../core/errors.ts';
import { ModelError } from '../core/model-errors.ts';
import { fetchWithUrlGuard } from '../sources/guarded-fetch.ts';
import { ALLOW_PRIVATE_HINT, type UrlGuardOptions } from '../sources/url-guard.ts';

/**
 * The fetch a user-chosen model base URL (a project's model) is called through: every request and
 * redirect hop is checked by the SSRF guard at connect time. A refused address is a settings
 * mistake, not an outage: it fails at once, without retries.
 */
export function guardedModelFetch(guard: UrlGuardOptions): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    try {
      return await fetchWithUrlGuard(url, { ...(init ?? {}), ...guard, redirect: 'follow' });
    } catch (error) {
      if (isTestopsError(error) && error.code === 'TESTOPS_URL_REFUSED')
        throw new ModelError(
          'TESTOPS_LLM_CONFIG_INVALID',
          `the model's base URL is refused: ${error.message}`,
          {
            where: url.origin,
            expected: 'a publicly reachable OpenAI-compatible server',
            hint: ALLOW_PRIVATE_HINT,
            cause: error,
          },
        );
      throw error;
    }
  };
}
