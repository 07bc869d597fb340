// Connects to the addresses a guard check judged, never to a fresh DNS answer: Node's sockets
// call `lookup` at connect time, and a name that answered a public address to the check could
// answer 127.0.0.1 to the connection (DNS rebinding). TLS still sends the name (SNI) and the
// Host header still carries it: only the name-to-address step is replaced.
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { Agent } from 'undici';
import { TestopsError } from '../core/errors.ts';
import type { CheckedTarget } from './url-guard.ts';

type AllCallback = (error: null, entries: { address: string; family: number }[]) => void;

/** A `lookup` for net/tls/undici that answers only the checked hosts, with their checked addresses. */
export function pinnedLookup(targets: readonly CheckedTarget[]): LookupFunction {
  const pins = new Map(targets.map((target) => [target.host.toLowerCase(), target.addresses]));
  return (hostname, options, callback) => {
    const addresses = pins.get(hostname.toLowerCase());
    if (!addresses) {
      const error = new TestopsError('TESTOPS_URL_REFUSED', `${hostname} was not checked before connecting`, {
        where: hostname,
        expected: 'a connection to a host the SSRF guard judged',
      });
      return callback(Object.assign(error, { errno: undefined }), '', 0);
    }
    const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
    const entries = addresses
      .map((address) => ({ address, family: isIP(address) }))
      .filter((entry) => wanted === 0 || entry.family === wanted);
    if (options.all) return (callback as AllCallback)(null, entries);
    const first = entries[0];
    if (!first) return callback(new Error(`${hostname} has no IPv${wanted} address`), '', 0);
    callback(null, first.address, first.family);
  };
}

/** An undici dispatcher whose connections go to the target's checked addresses only. */
export function pinnedAgent(target: CheckedTarget): Agent {
  return new Agent({ connect: { lookup: pinnedLookup([target]) } });
}
