// fetch() for URLs given by someone else: the URL and every redirect hop are checked before
// anything is sent, and each request connects to the addresses its check judged.
import { fetch } from 'undici';
import { TestopsError } from '../core/errors.ts';
import { pinnedAgent } from './pinned-lookup.ts';
import { checkTargetUrl, redirectTarget, type UrlGuardOptions } from './url-guard.ts';

export type GuardedFetchInit = Omit<RequestInit, 'redirect'> &
  UrlGuardOptions & {
    maxRedirects?: number;
    /** 'manual' returns a redirect as it is: a caller sending credentials follows same-origin hops only. */
    redirect?: 'follow' | 'manual';
  };

/** Follows redirects itself, so a public URL cannot bounce the request to an internal address. */
export async function fetchWithUrlGuard(url: URL, init: GuardedFetchInit): Promise<Response> {
  const { allowPrivate, allowLoopback, resolver, maxRedirects = 10, redirect, ...requestInit } = init;
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    const target = await checkTargetUrl(current, {
      allowPrivate,
      ...(allowLoopback ? { allowLoopback } : {}),
      ...(resolver ? { resolver } : {}),
    });
    const dispatcher = pinnedAgent(target);
    const response = (await fetch(current, {
      ...(requestInit as object),
      redirect: 'manual',
      dispatcher,
    })) as unknown as Response;
    const next = redirectTarget(current, response.status, response.headers.get('location'));
    // close() lets the request in flight finish (the caller reads the body), then frees the socket.
    if (!next || redirect === 'manual') {
      dispatcher.close().catch(() => undefined);
      return response;
    }
    await response.body?.cancel();
    await dispatcher.close();
    current = next;
  }
  throw new TestopsError('TESTOPS_URL_REFUSED', `more than ${maxRedirects} redirects`, {
    where: url.href,
    expected: `at most ${maxRedirects} redirects`,
    hint: 'give the final URL of the document.',
  });
}
