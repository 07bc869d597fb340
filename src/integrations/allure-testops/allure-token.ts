import { TestopsError } from '../../core/errors.ts';
import type { VendorHttp } from '../vendor-http.ts';

/**
 * Exchanges an Allure TestOps API token for a JWT (`POST /api/uaa/oauth/token`,
 * `grant_type=apitoken`, form-encoded as the vendor documents); the JWT authorises the other
 * calls for about an hour, longer than an export takes.
 */
export async function exchangeApiToken(http: VendorHttp, apiToken: string): Promise<string> {
  const response = await http.request<{ access_token?: unknown }>({
    method: 'POST',
    path: 'api/uaa/oauth/token',
    form: { grant_type: 'apitoken', scope: 'openid', token: apiToken },
    // Asking for a token twice does no harm.
    idempotent: true,
  });
  const jwt = response.body?.access_token;
  if (typeof jwt !== 'string' || jwt === '') {
    throw new TestopsError(
      'TESTOPS_VENDOR_REJECTED',
      'Allure TestOps answered the token exchange without an access_token',
      {
        where: `POST ${http.baseUrl.origin}/api/uaa/oauth/token`,
        expected: '{"access_token": "…", "token_type": "bearer", …}',
        hint: 'check that the endpoint is the Allure TestOps instance itself (not a proxy or login page).',
      },
    );
  }
  return jwt;
}
