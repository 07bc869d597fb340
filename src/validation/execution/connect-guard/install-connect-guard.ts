// Every TCP connection of a Node process goes through net.Socket.prototype.connect (http, https,
// tls, undici's fetch, Playwright's request context): wrapped here, a literal address is judged
// before the socket opens, and a name is resolved through a lookup that answers pinned hosts with
// their checked addresses and refuses any other name with a refused answer.
import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import { TestopsError } from '../../../core/errors.ts';
import { answerLookup, pinnedLookup } from '../../../core/pinned-lookup.ts';
import { refusedAddress } from '../../../core/special-addresses.ts';
import type { ConnectGuardPolicy } from '../connect-guard.ts';

type Options = { host?: unknown; path?: unknown; lookup?: LookupFunction } & Record<string, unknown>;

export function installConnectGuard(policy: ConnectGuardPolicy): void {
  const pins = new Map(
    Object.entries(policy.pins).map(([host, addresses]) => [host.toLowerCase(), addresses]),
  );
  const allowed = new Set(policy.allow ?? []);
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const guarded = (lookup: LookupFunction) => pinnedLookup(pins, judgedLookup(lookup));
    const refusal = guardArguments(args, guarded, allowed);
    if (refusal) {
      // Like a failed connection: the error reaches the caller's 'error' handler, nothing is sent.
      process.nextTick(() => this.destroy(refusal));
      return this;
    }
    return (connect as (...all: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
}

/** Rewrites the connect arguments in place to use the guarded lookup; an error for a refused address. */
function guardArguments(
  args: unknown[],
  guarded: (lookup: LookupFunction) => LookupFunction,
  allowed: ReadonlySet<string>,
): TestopsError | undefined {
  // net.connect() hands over its normalised [options, callback] array; socket.connect() gets raw arguments.
  const holder = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  let options = holder[0];
  if (typeof options !== 'object' || options === null) {
    if (typeof options === 'string' && !/^\d+$/.test(options)) return undefined; // an IPC path
    const callback = holder.find((arg) => typeof arg === 'function');
    options = { port: Number(options), host: typeof holder[1] === 'string' ? holder[1] : 'localhost' };
    holder.splice(0, holder.length, options, ...(callback ? [callback] : []));
  }
  const given = options as Options;
  if (given.path) return undefined;
  const host = String(given.host ?? 'localhost').replace(/^\[|\]$/g, '');
  if (net.isIP(host))
    return allowed.has(`${host}:${String(given['port'])}`) ? undefined : refusal(host, host);
  holder[0] = { ...given, lookup: guarded(given.lookup ?? (dns.lookup as LookupFunction)) };
  return undefined;
}

/** Asks DNS, then refuses the name if any answer is refused. */
function judgedLookup(lookup: LookupFunction): LookupFunction {
  return (hostname, options, callback) =>
    lookup(hostname, { ...options, all: true }, (error, entries) => {
      if (error) return callback(error, '', 0);
      const addresses = (entries as unknown as dns.LookupAddress[]).map((entry) => entry.address);
      for (const address of addresses) {
        const refused = refusal(hostname, address);
        if (refused) return callback(refused, '', 0);
      }
      answerLookup(hostname, addresses, options, callback);
    });
}

function refusal(host: string, address: string): TestopsError | undefined {
  const refused = refusedAddress(address);
  if (!refused) return undefined;
  const via = refused.embedded ? `, carrying ${refused.embedded}` : '';
  return new TestopsError(
    'TESTOPS_URL_REFUSED',
    `connection to ${host === address ? address : `${host} (${address})`} refused: a ${refused.kind} address (IANA: ${refused.block}${via})`,
    {
      where: host,
      expected: 'the suite to reach public addresses only (the SSRF guard is on for this run)',
      hint: 'run against a public URL, or start the service with TESTOPS_ALLOW_PRIVATE_TARGETS=1.',
    },
  );
}
