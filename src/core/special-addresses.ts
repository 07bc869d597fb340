// Which IP addresses a target may not have: every block that IANA marks as not globally
// reachable, as data. Sources: the "IANA IPv4 Special-Purpose Address Registry"
// (https://www.iana.org/assignments/iana-ipv4-special-registry/) and the "IANA IPv6
// Special-Purpose Address Registry" (https://www.iana.org/assignments/iana-ipv6-special-registry/),
// plus multicast and the IPv6 space outside global unicast 2000::/3 ("Internet Protocol Version 6
// Address Space"). It lives in core because the fetcher, the explorer and the suite runner's
// connect-time check all judge addresses the same way.
import { isIP } from 'node:net';

export type AddressKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'metadata'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'deprecated'
  | 'tunnel'
  | 'translation';

export interface AddressRefusal {
  kind: AddressKind;
  /** The registry entry that matched, e.g. "6to4 (RFC 3056)". */
  block: string;
  /** The IPv4 address a tunnel or translation prefix carries, when it decided the verdict. */
  embedded?: string;
}

/** How an IPv6 block carries an IPv4 address that the packet really reaches. */
export type Embedding = 'last-32-bits' | 'bits-16-to-48' | 'teredo-client';

export interface SpecialAddressBlock {
  network: string;
  prefix: number;
  /** 'global': a globally reachable exception inside a wider refused block. */
  kind: AddressKind | 'global';
  name: string;
  /** Judge the embedded IPv4 address instead (or, with `refuse`, as well) of the block itself. */
  embedding?: Embedding;
  /** Refused whatever the embedded address is (deprecated or tunnel forms). */
  refuse?: boolean;
}

// Most specific first: the first block containing the address decides.
const IPV4_BLOCKS: SpecialAddressBlock[] = [
  // Cloud metadata endpoints, named apart so that messages say what was being reached.
  { network: '169.254.169.254', prefix: 32, kind: 'metadata', name: 'cloud metadata endpoint' },
  { network: '100.100.100.200', prefix: 32, kind: 'metadata', name: 'cloud metadata endpoint' },
  // Azure's platform endpoint sits in public space, but is answered from inside the host.
  { network: '168.63.129.16', prefix: 32, kind: 'metadata', name: 'cloud platform endpoint' },
  { network: '0.0.0.0', prefix: 8, kind: 'unspecified', name: '"this network" (RFC 791)' },
  { network: '10.0.0.0', prefix: 8, kind: 'private', name: 'private-use (RFC 1918)' },
  { network: '100.64.0.0', prefix: 10, kind: 'shared', name: 'shared address space (RFC 6598)' },
  { network: '127.0.0.0', prefix: 8, kind: 'loopback', name: 'loopback (RFC 1122)' },
  { network: '169.254.0.0', prefix: 16, kind: 'link-local', name: 'link local (RFC 3927)' },
  { network: '172.16.0.0', prefix: 12, kind: 'private', name: 'private-use (RFC 1918)' },
  { network: '192.0.0.9', prefix: 32, kind: 'global', name: 'port control protocol anycast (RFC 7723)' },
  { network: '192.0.0.10', prefix: 32, kind: 'global', name: 'TURN anycast (RFC 8155)' },
  { network: '192.0.0.0', prefix: 24, kind: 'reserved', name: 'IETF protocol assignments (RFC 6890)' },
  { network: '192.0.2.0', prefix: 24, kind: 'documentation', name: 'TEST-NET-1 (RFC 5737)' },
  { network: '192.88.99.0', prefix: 24, kind: 'deprecated', name: '6to4 relay anycast (RFC 7526)' },
  { network: '192.168.0.0', prefix: 16, kind: 'private', name: 'private-use (RFC 1918)' },
  { network: '198.18.0.0', prefix: 15, kind: 'benchmarking', name: 'benchmarking (RFC 2544)' },
  { network: '198.51.100.0', prefix: 24, kind: 'documentation', name: 'TEST-NET-2 (RFC 5737)' },
  { network: '203.0.113.0', prefix: 24, kind: 'documentation', name: 'TEST-NET-3 (RFC 5737)' },
  { network: '224.0.0.0', prefix: 4, kind: 'multicast', name: 'multicast (RFC 5771)' },
  { network: '255.255.255.255', prefix: 32, kind: 'broadcast', name: 'limited broadcast (RFC 919)' },
  { network: '240.0.0.0', prefix: 4, kind: 'reserved', name: 'reserved (RFC 1112)' },
];

const IPV6_BLOCKS: SpecialAddressBlock[] = [
  { network: 'fd00:ec2::254', prefix: 128, kind: 'metadata', name: 'cloud metadata endpoint' },
  { network: '::', prefix: 128, kind: 'unspecified', name: 'unspecified address (RFC 4291)' },
  { network: '::1', prefix: 128, kind: 'loopback', name: 'loopback address (RFC 4291)' },
  {
    network: '::ffff:0:0',
    prefix: 96,
    kind: 'reserved',
    name: 'IPv4-mapped (RFC 4291)',
    embedding: 'last-32-bits',
  },
  {
    network: '::',
    prefix: 96,
    kind: 'deprecated',
    name: 'IPv4-compatible (RFC 4291, deprecated)',
    embedding: 'last-32-bits',
    refuse: true,
  },
  {
    network: '::ffff:0:0:0',
    prefix: 96,
    kind: 'translation',
    name: 'IPv4-translated (RFC 2765)',
    embedding: 'last-32-bits',
    refuse: true,
  },
  {
    network: '64:ff9b::',
    prefix: 96,
    kind: 'translation',
    name: 'NAT64 (RFC 6052)',
    embedding: 'last-32-bits',
  },
  {
    network: '64:ff9b:1::',
    prefix: 48,
    kind: 'translation',
    name: 'local-use NAT64 (RFC 8215)',
    embedding: 'last-32-bits',
    refuse: true,
  },
  { network: '100::', prefix: 64, kind: 'reserved', name: 'discard-only (RFC 6666)' },
  { network: '100:0:0:1::', prefix: 64, kind: 'reserved', name: 'dummy prefix (RFC 9780)' },
  {
    network: '2001::',
    prefix: 32,
    kind: 'tunnel',
    name: 'Teredo (RFC 4380)',
    embedding: 'teredo-client',
    refuse: true,
  },
  { network: '2001:1::1', prefix: 128, kind: 'global', name: 'port control protocol anycast (RFC 7723)' },
  { network: '2001:1::2', prefix: 128, kind: 'global', name: 'TURN anycast (RFC 8155)' },
  {
    network: '2001:1::3',
    prefix: 128,
    kind: 'global',
    name: 'DNS-SD service registration anycast (RFC 9665)',
  },
  { network: '2001:2::', prefix: 48, kind: 'benchmarking', name: 'benchmarking (RFC 5180)' },
  { network: '2001:3::', prefix: 32, kind: 'global', name: 'AMT (RFC 7450)' },
  { network: '2001:4:112::', prefix: 48, kind: 'global', name: 'AS112-v6 (RFC 7535)' },
  { network: '2001:10::', prefix: 28, kind: 'deprecated', name: 'ORCHID (RFC 4843, deprecated)' },
  { network: '2001:20::', prefix: 28, kind: 'global', name: 'ORCHIDv2 (RFC 7343)' },
  { network: '2001:30::', prefix: 28, kind: 'global', name: 'drone remote ID (RFC 9374)' },
  { network: '2001::', prefix: 23, kind: 'reserved', name: 'IETF protocol assignments (RFC 2928)' },
  { network: '2001:db8::', prefix: 32, kind: 'documentation', name: 'documentation (RFC 3849)' },
  { network: '2002::', prefix: 16, kind: 'tunnel', name: '6to4 (RFC 3056)', embedding: 'bits-16-to-48' },
  { network: '3fff::', prefix: 20, kind: 'documentation', name: 'documentation (RFC 9637)' },
  { network: '5f00::', prefix: 16, kind: 'reserved', name: 'segment routing SIDs (RFC 9602)' },
  { network: 'fc00::', prefix: 7, kind: 'private', name: 'unique-local (RFC 4193)' },
  { network: 'fe80::', prefix: 10, kind: 'link-local', name: 'link-local unicast (RFC 4291)' },
  { network: 'fec0::', prefix: 10, kind: 'deprecated', name: 'site-local (RFC 3879, deprecated)' },
  { network: 'ff00::', prefix: 8, kind: 'multicast', name: 'multicast (RFC 4291)' },
  { network: '2000::', prefix: 3, kind: 'global', name: 'global unicast' },
  // Everything else is unallocated or reserved by the IETF ("IPv6 Address Space" registry).
  { network: '::', prefix: 0, kind: 'reserved', name: 'outside global unicast 2000::/3' },
];

/** The registries as data, for guards in other processes (the pytest plugin of suite runs). */
export const SPECIAL_ADDRESS_BLOCKS: {
  ipv4: readonly SpecialAddressBlock[];
  ipv6: readonly SpecialAddressBlock[];
} = {
  ipv4: IPV4_BLOCKS,
  ipv6: IPV6_BLOCKS,
};

interface ParsedBlock extends SpecialAddressBlock {
  bits: 32 | 128;
  value: bigint;
}

const parsed = (blocks: SpecialAddressBlock[], bits: 32 | 128): ParsedBlock[] =>
  blocks.map((block) => ({ ...block, bits, value: addressValue(block.network, bits) }));
const IPV4 = parsed(IPV4_BLOCKS, 32);
const IPV6 = parsed(IPV6_BLOCKS, 128);

/**
 * Why an IP address may not be a target, or undefined when it is globally reachable. Tunnel and
 * translation forms (IPv4-mapped, NAT64, 6to4) are judged by the IPv4 address they reach;
 * deprecated forms (IPv4-compatible, Teredo, site-local) are refused outright. Anything that is
 * not an IP address is refused.
 *
 * @example refusedAddress('2002:7f00:1::') // { kind: 'loopback', block: '6to4 (RFC 3056)', embedded: '127.0.0.1' }
 */
export function refusedAddress(address: string): AddressRefusal | undefined {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 0) return { kind: 'reserved', block: 'not an IP address' };
  const bits = family === 4 ? 32 : 128;
  const value = addressValue(ip, bits);
  const block = (bits === 32 ? IPV4 : IPV6).find((candidate) => contains(candidate, value));
  if (!block) return undefined;
  if (!block.embedding) return block.kind === 'global' ? undefined : { kind: block.kind, block: block.name };
  const embedded = embeddedIpv4(value, block.embedding);
  const inner = refusedAddress(embedded);
  if (inner) return { kind: inner.kind, block: block.name, embedded };
  if (block.refuse) return { kind: block.kind as AddressKind, block: block.name, embedded };
  return undefined;
}

function contains(block: ParsedBlock, value: bigint): boolean {
  const shift = BigInt(block.bits - block.prefix);
  return value >> shift === block.value >> shift;
}

function embeddedIpv4(value: bigint, embedding: Embedding): string {
  const v4 =
    embedding === 'last-32-bits'
      ? value & 0xffffffffn
      : embedding === 'bits-16-to-48'
        ? (value >> 80n) & 0xffffffffn
        : // Teredo stores the client's address with every bit inverted (RFC 4380 §4).
          ~value & 0xffffffffn;
  return [24n, 16n, 8n, 0n].map((shift) => String((v4 >> shift) & 0xffn)).join('.');
}

/** The address as a number; `ip` must be a valid IPv4 (dotted) or IPv6 address. */
function addressValue(ip: string, bits: 32 | 128): bigint {
  if (bits === 32) return ip.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
  return ipv6Groups(ip).reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function ipv6Groups(ip: string): number[] {
  const groups = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a, b, c, d] = group.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const gap = ip.indexOf('::');
  if (gap === -1) return groups(ip);
  const head = groups(ip.slice(0, gap));
  const tail = groups(ip.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
