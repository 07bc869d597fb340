import { describe, expect, it } from 'vitest';
import { refusedAddress } from '../../src/core/special-addresses.ts';

/** The host as the URL parser leaves it: decimal, octal and hex IPv4 forms become dotted decimal. */
const hostOf = (url: string): string => new URL(url).hostname.replace(/^\[|\]$/g, '');

describe('special-purpose addresses (IANA registries)', () => {
  it.each([
    // IPv4 special-purpose registry, one address per block
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.254', 'shared'],
    ['100.100.100.200', 'metadata'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.0.170', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', 'deprecated'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.254', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.254', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['168.63.129.16', 'metadata'],
    // IPv6 special-purpose registry and the space outside 2000::/3
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:7f00:0001', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'loopback'],
    ['::8.8.8.8', 'deprecated'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:808:808', 'translation'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b:1::808:808', 'translation'],
    ['64:ff9b:1::7f00:1', 'loopback'],
    ['100::1', 'reserved'],
    ['100:0:0:1::1', 'reserved'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'], // Teredo, client 127.0.0.1 (bits inverted)
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', 'tunnel'], // Teredo, client 8.8.8.8: refused anyway
    ['2001:2::1', 'benchmarking'],
    ['2001:10::1', 'deprecated'],
    ['2001:100::1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:7f00:0001:0:0:0:0:0', 'loopback'],
    ['2002:a9fe:a9fe::1', 'metadata'],
    ['2002:c0a8:101::', 'private'],
    ['3fff::1', 'documentation'],
    ['3fff:fff:ffff::1', 'documentation'],
    ['5f00::1', 'reserved'],
    ['fc00::1', 'private'],
    ['fdff:ffff::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fec0::1', 'deprecated'],
    ['feff::1', 'deprecated'],
    ['ff02::1', 'multicast'],
    ['ff0e::1', 'multicast'],
    ['4000::1', 'reserved'],
    ['1::1', 'reserved'],
    ['not-an-address', 'reserved'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(refusedAddress(address)?.kind).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.32.0.1',
    '192.0.0.9',
    '192.0.0.10',
    '192.31.196.1',
    '192.175.48.1',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '2606:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
    '2001:1::1',
    '2001:3::1',
    '2001:20::1',
    '2620:4f:8000::1',
  ])('lets %s through (globally reachable)', (address) => {
    expect(refusedAddress(address)).toBeUndefined();
  });

  it('names the tunnel or translation prefix and the IPv4 address it carries', () => {
    expect(refusedAddress('2002:7f00:1::')).toEqual({
      kind: 'loopback',
      block: '6to4 (RFC 3056)',
      embedded: '127.0.0.1',
    });
    expect(refusedAddress('64:ff9b::a9fe:a9fe')).toMatchObject({
      kind: 'metadata',
      embedded: '169.254.169.254',
    });
  });

  it.each([
    ['http://2130706433/', '127.0.0.1', 'loopback'],
    ['http://0x7f.1/', '127.0.0.1', 'loopback'],
    ['http://017700000001/', '127.0.0.1', 'loopback'],
    ['http://0177.0.0.1/', '127.0.0.1', 'loopback'],
    ['http://127.1/', '127.0.0.1', 'loopback'],
    ['http://0/', '0.0.0.0', 'unspecified'],
    ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254', 'metadata'],
    ['http://3232235777/', '192.168.1.1', 'private'],
    ['http://[::127.0.0.1]/', '::7f00:1', 'loopback'],
    ['http://[::ffff:0:127.0.0.1]/', '::ffff:0:7f00:1', 'loopback'],
    ['http://[0:0:0:0:0:ffff:127.0.0.1]/', '::ffff:7f00:1', 'loopback'],
    ['http://[64:ff9b::127.0.0.1]/', '64:ff9b::7f00:1', 'loopback'],
    ['http://[2002:7f00:1::]/', '2002:7f00:1::', 'loopback'],
    ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', '2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
    ['http://[FEC0::1]/', 'fec0::1', 'deprecated'],
    ['http://[0000:0000:0000:0000:0000:0000:0000:0001]/', '::1', 'loopback'],
  ])('refuses %s, which the URL parser reads as %s', (url, host, kind) => {
    expect(hostOf(url)).toBe(host);
    expect(refusedAddress(hostOf(url))?.kind).toBe(kind);
  });
});
