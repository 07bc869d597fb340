import { ApiError } from './api-error.ts';

const bearerPattern = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message, { headers: { 'www-authenticate': 'Bearer' } });
}

/**
 * Every operation requires `Authorization: Bearer <token>` (the scheme name is case-insensitive
 * per RFC 7235). `acceptAnyToken` is the seeded fault that still demands a token but never
 * checks it.
 */
export function authenticate(header: string | undefined, token: string, acceptAnyToken: boolean): void {
  if (header === undefined || header.trim() === '') throw unauthorized('Authorization header is missing');
  const presented = bearerPattern.exec(header)?.[1];
  if (presented === undefined) throw unauthorized('Authorization header must use the Bearer scheme');
  if (!acceptAnyToken && presented !== token) throw unauthorized('Bearer token is invalid');
}
