import { z } from 'zod';
import { ModelError } from '../core/model-errors.ts';

/** Cloud.ru's IAM endpoint that exchanges a service account's key id and secret for a token. */
export const CLOUDRU_IAM_TOKEN_URL = 'https://iam.api.cloud.ru/api/v1/auth/token';

/** Renewed this long before it expires, so no call goes out with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

export interface IamCredentials {
  keyId: string;
  secret: string;
  tokenUrl: string;
}

/**
 * Access tokens from a key id and secret (the older Cloud.ru access-key scheme): fetched on first
 * use, reused until shortly before they expire; callers waiting for a renewal share one request.
 */
export class IamTokenSource {
  private current: { token: string; expiresAt: number } | undefined;
  private renewing: Promise<string> | undefined;

  constructor(
    private readonly credentials: IamCredentials,
    private readonly fetcher: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  token(): Promise<string> {
    if (this.current && this.now() < this.current.expiresAt - REFRESH_MARGIN_MS)
      return Promise.resolve(this.current.token);
    this.renewing ??= this.exchange().finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private async exchange(): Promise<string> {
    const where = `POST ${this.credentials.tokenUrl}`;
    const response = await this.fetcher(this.credentials.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ keyId: this.credentials.keyId, secret: this.credentials.secret }),
    });
    if (!response.ok)
      throw new ModelError('TESTOPS_LLM_UNAVAILABLE', `the IAM token exchange answered ${response.status}`, {
        where,
        status: response.status,
        hint: 'check TESTOPS_LLM_IAM_KEY_ID and TESTOPS_LLM_IAM_SECRET.',
      });
    const parsed = tokenSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new ModelError('TESTOPS_LLM_UNAVAILABLE', 'the IAM answer holds no access_token/expires_in', {
        where,
      });
    this.current = { token: parsed.data.access_token, expiresAt: this.now() + parsed.data.expires_in * 1000 };
    return this.current.token;
  }
}

/** Every request with the current token as its Bearer credential. */
export function withIamToken(source: IamTokenSource, fetcher: typeof fetch): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${await source.token()}`);
    return fetcher(input, { ...init, headers });
  };
}
