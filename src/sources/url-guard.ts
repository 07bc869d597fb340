// SSRF protection for every URL the engine (or the service on its behalf) is asked to open:
// only http(s), and no host that resolves to loopback, private, link-local, metadata or
// unspecified addresses unless the user explicitly allows private targets.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { TestopsError, describeError } from '../core/errors.ts';

export interface UrlGuardOptions {
  allowPrivate: boolean;
}

type AddressKind = 'loopback' | 'private' | 'link-local' | 'metadata' | 'unspecified' | 'reserved';

// Most specific first: the metadata endpoints also sit inside link-local / unique-local ranges.
const ranges: [AddressKind, 'ipv4' | 'ipv6', string, number][] = [
  ['metadata', 'ipv4', '169.254.169.254', 32],
  ['metadata', 'ipv6', 'fd00:ec2::254', 128],
  ['metadata', 'ipv4', '100.100.100.200', 32],
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['loopback', 'ipv6', '::1', 128],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['private', 'ipv6', 'fc00::', 7],
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['link-local', 'ipv6', 'fe80::', 10],
  // Carrier-grade NAT (cloud-internal on some providers), multicast and reserved space.
  ['reserved', 'ipv4', '100.64.0.0', 10],
  ['reserved', 'ipv4', '224.0.0.0', 3],
  ['reserved', 'ipv6', 'ff00::', 8],
];

const lists = ranges.map(([kind, family, network, prefix]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, list };
});

/** Why an IP address is refused, or undefined when it is public. */
export function refusedAddressKind(address: string): AddressKind | undefined {
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) reaches the IPv4 host: judge it as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return lists.find(({ list }) => list.check(ip, family))?.kind;
}

function refuse(url: URL, problem: string, expected: string): TestopsError {
  return new TestopsError('TESTOPS_URL_REFUSED', problem, {
    where: url.href,
    expected,
    hint: 'pass --allow-private to reach a host on this machine or a private network you trust.',
  });
}

async function resolveHost(url: URL): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return [host];
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
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
}

/**
 * Refuses non-http(s) URLs and, unless `allowPrivate`, any host with a non-public address.
 * Every address a name resolves to is checked: one private answer is enough to refuse.
 */
export async function checkTargetUrl(url: URL, options: UrlGuardOptions): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TestopsError('TESTOPS_URL_REFUSED', `the ${url.protocol} scheme is not allowed`, {
      where: url.href,
      expected: 'an http:// or https:// URL',
      hint: 'give the address of the web app as it is opened in a browser.',
    });
  }
  if (options.allowPrivate) return;
  for (const address of await resolveHost(url)) {
    const kind = refusedAddressKind(address);
    if (kind) throw refuse(url, `${url.hostname} resolves to ${kind} address ${address}`, 'a public address');
  }
}

/** A checker for many URLs of a run: each host is resolved and judged once. */
export function createUrlCheck(options: UrlGuardOptions): (url: URL) => Promise<void> {
  const verdicts = new Map<string, Promise<void>>();
  return (url) => {
    const key = `${url.protocol}//${url.host}`;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = checkTargetUrl(url, options);
      verdicts.set(key, verdict);
    }
    return verdict;
  };
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

/**
 * fetch() that checks the URL and every redirect hop before requesting it, so a public URL
 * cannot bounce the request to an internal address.
 */
export async function fetchWithUrlGuard(
  url: URL,
  init: RequestInit & UrlGuardOptions & { maxRedirects?: number },
): Promise<Response> {
  const { allowPrivate, maxRedirects = 10, ...requestInit } = init;
  const check = createUrlCheck({ allowPrivate });
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    await check(current);
    const response = await fetch(current, { ...requestInit, redirect: 'manual' });
    const next = redirectTarget(current, response.status, response.headers.get('location'));
    if (!next) return response;
    await response.body?.cancel();
    current = next;
  }
  throw refuse(url, `more than ${maxRedirects} redirects`, `at most ${maxRedirects} redirects`);
}
