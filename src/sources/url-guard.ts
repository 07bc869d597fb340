// SSRF protection for every URL the engine (or the service on its behalf) is asked to open:
// only http(s), and no host with an address that is not globally reachable (see
// core/special-addresses.ts) unless the user explicitly allows private targets. A check returns
// the addresses it judged, and connections are pinned to them (pinned-lookup.ts): resolving the
// name again at connect time would let DNS rebinding swap in another answer.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { TestopsError, describeError } from '../core/errors.ts';
import { refusedAddress, type AddressKind } from '../core/special-addresses.ts';

/** Answers a DNS question with every address of a name (the system resolver by default). */
export type Resolver = (host: string) => Promise<string[]>;

export interface UrlGuardOptions {
  allowPrivate: boolean;
  /**
   * Loopback only (127.0.0.0/8, ::1): the CLI's usual target is an app on the user's own machine.
   * The service never sets it; other private ranges still need allowPrivate.
   */
  allowLoopback?: boolean;
  /** Who answers DNS questions; tests supply their own to play DNS rebinding without a server. */
  resolver?: Resolver;
}

/** A URL whose host was resolved once and judged: connections go to these addresses only. */
export interface CheckedTarget {
  url: URL;
  /** The host name as connections see it (no brackets around IPv6). */
  host: string;
  addresses: string[];
}

export const ALLOW_PRIVATE_HINT =
  'pass --allow-private (the service: TESTOPS_ALLOW_PRIVATE_TARGETS=1) to reach a host on this machine or a private network you trust.';

export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** Why an IP address is refused, or undefined when it is globally reachable. */
export function refusedAddressKind(address: string): AddressKind | undefined {
  return refusedAddress(address)?.kind;
}

/**
 * Refuses non-http(s) URLs and, unless `allowPrivate`, any host with a non-public address.
 * Every address a name resolves to is checked: one refused answer is enough to refuse. The
 * answer is returned so that the connection uses exactly what was checked.
 */
export async function checkTargetUrl(url: URL, options: UrlGuardOptions): Promise<CheckedTarget> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TestopsError('TESTOPS_URL_REFUSED', `the ${url.protocol} scheme is not allowed`, {
      where: url.href,
      expected: 'an http:// or https:// URL',
      hint: 'give the address of the web app as it is opened in a browser.',
    });
  }
  const target = await resolveTarget(url, options.resolver ?? systemResolver);
  if (!options.allowPrivate) {
    for (const address of target.addresses) {
      if (options.allowLoopback && refusedAddressKind(address) === 'loopback') continue;
      refuseIfPrivate(url, address);
    }
  }
  return target;
}

/** Throws TESTOPS_URL_REFUSED when `address` (an answer for `url`'s host) is not public. */
export function refuseIfPrivate(url: URL, address: string): void {
  const refusal = refusedAddress(address);
  if (!refusal) return;
  const via = refusal.embedded
    ? ` (IANA: ${refusal.block}, carrying ${refusal.embedded})`
    : ` (IANA: ${refusal.block})`;
  const literal = isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0;
  const what = literal ? `${address} is a` : `${url.hostname} resolves to ${address}, a`;
  throw new TestopsError('TESTOPS_URL_REFUSED', `${what} ${refusal.kind} address${via}`, {
    where: url.href,
    expected: 'a host with public addresses only',
    hint: ALLOW_PRIVATE_HINT,
  });
}

async function resolveTarget(url: URL, resolver: Resolver): Promise<CheckedTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return { url, host, addresses: [host] };
  let addresses: string[];
  try {
    addresses = await resolver(host);
  } catch (error) {
    throw new TestopsError(
      'TESTOPS_SOURCE_FETCH_FAILED',
      `could not resolve ${host}: ${describeError(error)}`,
      {
        where: url.href,
        expected: 'a host name that resolves',
        hint: 'check the URL for typos and that this machine can resolve it (DNS, VPN).',
        cause: error,
      },
    );
  }
  if (addresses.length === 0) {
    throw new TestopsError('TESTOPS_SOURCE_FETCH_FAILED', `${host} has no address`, {
      where: url.href,
      expected: 'a host name that resolves',
      hint: 'check the URL for typos and that this machine can resolve it (DNS, VPN).',
    });
  }
  return { url, host, addresses };
}

/** The URL a redirect response points to, or undefined when it is not a redirect. */
export function redirectTarget(
  from: URL,
  status: number,
  location: string | null | undefined,
): URL | undefined {
  if (status < 300 || status > 399 || !location) return undefined;
  return new URL(location, from);
}
