// What passes between our client and a vendor API: one request, one response, and the vendor's dialect.

export type VendorMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface VendorRequest {
  method?: VendorMethod;
  /** Relative to the base URL (`projects/42/repository/commits`), or an absolute URL of its origin (a next-page link). */
  path: string | URL;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent form-encoded instead of `body` (OAuth token endpoints); pass a secret in it as the client's token too, so it is masked. */
  form?: Record<string, string>;
  /** Statuses the caller reads itself (404 to learn that a branch does not exist yet). */
  accept?: readonly number[];
  /**
   * Whether sending it twice does no harm; a request that is not is retried only on 429 (the
   * vendor did not process it). Default: every method but POST and PATCH.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** One answer of a vendor API, its body parsed. */
export interface VendorResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON; text when the body is not JSON; undefined when empty. */
  body: T;
  url: URL;
}

/** What a 401, 403 or 404 means in the vendor's own terms. */
export interface DenialExplanation {
  /** What the token lacks, named: `the scope "repo"`, `the permission contents=write`, `the Developer role`. */
  missing?: string;
  /** How to fix it, one sentence. */
  hint?: string;
}

/** What differs between vendors behind one client: the auth header, how they say "not allowed", their rate limits. */
export interface VendorDialect {
  /** The vendor's name in messages: `GitHub`, `GitLab`. */
  vendor: string;
  /** The headers that carry the token. */
  authHeaders(token: string): Record<string, string>;
  explainDenial(response: VendorResponse): DenialExplanation;
  /** A wait the vendor asks for beyond 429 + Retry-After (GitHub's 403 with x-ratelimit-remaining: 0); undefined when none. */
  rateLimitWaitMs?(response: VendorResponse, now: number): number | undefined;
  /** The vendor's message out of an error body, when its shape is not one of the common ones. */
  errorMessage?(body: unknown): string | undefined;
}
