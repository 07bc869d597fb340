import { TestopsError } from '../core/errors.ts';
import type { VendorDialect, VendorMethod, VendorResponse } from './vendor-exchange.ts';

const MAX_MESSAGE = 500;

/** A status outside 2xx as the catalogued error a user can act on: 401, 403 and 404 say what the token lacks. */
export function vendorError(
  dialect: VendorDialect,
  method: VendorMethod,
  response: VendorResponse,
): TestopsError {
  const where = `${method} ${response.url.origin}${response.url.pathname}`;
  const said = vendorMessage(dialect, response.body);
  const quoted = said ? `: ${said}` : '';
  const { vendor } = dialect;
  switch (response.status) {
    case 401: {
      const { hint } = dialect.explainDenial(response);
      return new TestopsError('TESTOPS_VENDOR_UNAUTHORIZED', `${vendor} refused the token (401${quoted})`, {
        where,
        expected: `a valid ${vendor} token`,
        hint: hint ?? `create a new ${vendor} token and set it again; it may have expired or been revoked.`,
      });
    }
    case 403: {
      const { missing, hint } = dialect.explainDenial(response);
      const problem = missing
        ? `the token lacks ${missing} (${vendor} answered 403${quoted})`
        : `${vendor} refused the call (403${quoted})`;
      return new TestopsError('TESTOPS_VENDOR_FORBIDDEN', problem, {
        where,
        ...(missing ? { expected: `a token with ${missing}` } : {}),
        hint:
          hint ??
          `give the token the permission this call needs, or use a token of a user allowed to make it.`,
      });
    }
    case 404: {
      const { hint } = dialect.explainDenial(response);
      return new TestopsError('TESTOPS_VENDOR_NOT_FOUND', `${vendor} found nothing here (404${quoted})`, {
        where,
        hint: hint ?? 'check the repository or project name and that the token may see it.',
      });
    }
    default:
      if (response.status >= 500 || response.status === 429)
        return vendorUnavailable(vendor, method, response);
      return new TestopsError(
        'TESTOPS_VENDOR_REJECTED',
        `${vendor} rejected the request (${response.status}${quoted})`,
        {
          where,
          hint: 'the message above is the vendor’s; fix the setting it names (branch, repository, target branch).',
        },
      );
  }
}

/** 429 or 5xx when no attempt is left, or the wait asked for is longer than we wait. */
export function vendorUnavailable(
  vendor: string,
  method: VendorMethod,
  response: VendorResponse,
  waitMs?: number,
): TestopsError {
  const asked = waitMs === undefined ? '' : `; next attempt would have waited ${Math.ceil(waitMs / 1000)} s`;
  const limited = response.status === 429 || response.status === 403;
  return new TestopsError('TESTOPS_VENDOR_UNAVAILABLE', `${vendor} answered ${response.status}${asked}`, {
    where: `${method} ${response.url.origin}${response.url.pathname}`,
    hint: limited
      ? `${vendor} rate-limits this token; try again later.`
      : `${vendor} failed; try again later (a job is retried by the queue).`,
  });
}

/** The vendor's own words from an error body: `message`, `error_description`, `errorMessages`, field errors. */
export function vendorMessage(dialect: VendorDialect, body: unknown): string {
  const text = dialect.errorMessage?.(body) ?? commonMessage(body);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function commonMessage(body: unknown): string {
  if (typeof body === 'string') return body.trim();
  if (body === null || typeof body !== 'object') return '';
  const record = body as Record<string, unknown>;
  const parts = [
    record['message'],
    record['error_description'] ?? record['error'],
    record['errorMessages'],
    record['errors'],
  ].map(asText);
  return parts.filter(Boolean).join('; ');
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join('; ');
  if (typeof value === 'object') {
    const message = (value as { message?: unknown }).message;
    return typeof message === 'string' ? message : JSON.stringify(value);
  }
  return String(value);
}
