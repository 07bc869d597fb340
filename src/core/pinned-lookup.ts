// A `lookup` for Node's sockets (net, tls, http, undici) that answers a name with addresses
// judged earlier instead of asking DNS again at connect time: a name that answered a public
// address to the check could answer 127.0.0.1 to the connection (DNS rebinding). TLS still sends
// the name (SNI) and the Host header still carries it: only the name-to-address step changes.
// Shared by the engine's own requests and the connect-time guard of suite runs.
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';

/** Host name (lower case, no brackets) → the addresses judged for it. */
export type Pins = ReadonlyMap<string, readonly string[]>;

type LookupCallback = Parameters<LookupFunction>[2];
type AllCallback = (error: null, entries: { address: string; family: number }[]) => void;

/** Answers a lookup with `addresses`, honouring its `family` and `all` options. */
export function answerLookup(
  hostname: string,
  addresses: readonly string[],
  options: { family?: number | string; all?: boolean },
  callback: LookupCallback,
): void {
  const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
  const entries = addresses
    .map((address) => ({ address, family: isIP(address) }))
    .filter((entry) => wanted === 0 || entry.family === wanted);
  if (options.all) return (callback as AllCallback)(null, entries);
  const first = entries[0];
  if (!first) return callback(new Error(`${hostname} has no IPv${wanted} address`), '', 0);
  callback(null, first.address, first.family);
}

/**
 * Pinned hosts get their pinned addresses; any other host goes to `otherwise`, which may judge
 * what DNS answers, or refuse.
 */
export function pinnedLookup(pins: Pins, otherwise: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    const addresses = pins.get(hostname.toLowerCase());
    if (addresses) return answerLookup(hostname, addresses, options, callback);
    otherwise(hostname, options, callback);
  };
}
