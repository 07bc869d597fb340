import { errorFrom, networkError } from './api-error.ts';
import { readApiKey } from './api-key.ts';

/** Headers every call carries: the key as a Bearer token when the user gave one. */
export function authHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const key = readApiKey();
  return { ...extra, ...(key ? { authorization: `Bearer ${key}` } : {}) };
}

/** One call to the service on this origin; errors arrive as `ApiError` in the service's shape. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: authHeaders((init.headers as Record<string, string> | undefined) ?? {}),
    });
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw networkError(error);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await apiFetch(path, signal ? { signal } : {})).json()) as T;
}

export async function sendJson<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  const response = await apiFetch(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
