// The engine's own requests connect to the addresses their guard check judged (see
// core/pinned-lookup.ts for why), and to no host that was not checked.
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { TestopsError } from '../core/errors.ts';
import { pinnedLookup as lookupWithPins } from '../core/pinned-lookup.ts';
import type { CheckedTarget } from './url-guard.ts';

const refuseUnchecked: LookupFunction = (hostname, _options, callback) =>
  callback(
    new TestopsError('TESTOPS_URL_REFUSED', `${hostname} was not checked before connecting`, {
      where: hostname,
      expected: 'a connection to a host the SSRF guard judged',
    }),
    '',
    0,
  );

/** A `lookup` for net/tls/undici that answers only the checked hosts, with their checked addresses. */
export function pinnedLookup(targets: readonly CheckedTarget[]): LookupFunction {
  const pins = new Map(targets.map((target) => [target.host.toLowerCase(), target.addresses]));
  return lookupWithPins(pins, refuseUnchecked);
}

/** An undici dispatcher whose connections go to the target's checked addresses only. */
export function pinnedAgent(target: CheckedTarget): Agent {
  return new Agent({ connect: { lookup: pinnedLookup([target]) } });
}
