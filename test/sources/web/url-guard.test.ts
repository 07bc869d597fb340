import { describe, expect, it } from 'vitest';
import { TestopsError } from '../../../src/core/errors.ts';
import { fetchWithUrlGuard } from '../../../src/sources/guarded-fetch.ts';
import { checkTargetUrl, refusedAddressKind } from '../../../src/sources/url-guard.ts';
import { startLocalSite } from './local-site.ts';

async function refusal(url: string, allowPrivate = false): Promise<TestopsError | undefined> {
  try {
    await checkTargetUrl(new URL(url), { allowPrivate });
    return undefined;
  } catch (error) {
    return error as TestopsError;
  }
}

describe('url guard', () => {
  it.each([
    ['http://127.0.0.1:8080/', 'loopback'],
    ['http://10.0.0.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[::1]/', 'loopback'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://localhost:3000/', 'loopback'],
  ])('refuses %s (%s) without allowPrivate', async (url, kind) => {
    const error = await refusal(url);
    expect(error).toBeInstanceOf(TestopsError);
    expect(error?.code).toBe('TESTOPS_URL_REFUSED');
    expect(error?.message).toContain(kind);
    expect(error?.where).toBe(new URL(url).href);
    expect(error?.message).toContain('--allow-private');
  });

  it.each(['http://127.0.0.1:8080/', 'http://10.0.0.1/', 'http://169.254.169.254/'])(
    'accepts %s with allowPrivate',
    async (url) => {
      expect(await refusal(url, true)).toBeUndefined();
    },
  );

  it('allows loopback alone with allowLoopback (the CLI): other private ranges stay refused', async () => {
    const guard = { allowPrivate: false, allowLoopback: true };
    await expect(checkTargetUrl(new URL('http://127.0.0.1:8080/'), guard)).resolves.toMatchObject({
      addresses: ['127.0.0.1'],
    });
    await expect(checkTargetUrl(new URL('http://[::1]/'), guard)).resolves.toBeDefined();
    for (const url of ['http://10.0.0.1/', 'http://169.254.169.254/', 'http://0.0.0.0/']) {
      await expect(checkTargetUrl(new URL(url), guard)).rejects.toMatchObject({
        code: 'TESTOPS_URL_REFUSED',
      });
    }
  });

  it('accepts public addresses and refuses other schemes even with allowPrivate', async () => {
    expect(await refusal('https://93.184.216.34/')).toBeUndefined();
    const scheme = await refusal('file:///etc/passwd', true);
    expect(scheme?.code).toBe('TESTOPS_URL_REFUSED');
    expect(scheme?.expected).toContain('http');
  });

  it('classifies the ranges, most specific first', () => {
    expect(refusedAddressKind('172.16.5.4')).toBe('private');
    expect(refusedAddressKind('172.32.0.1')).toBeUndefined();
    expect(refusedAddressKind('192.168.1.1')).toBe('private');
    expect(refusedAddressKind('169.254.10.10')).toBe('link-local');
    expect(refusedAddressKind('fe80::1')).toBe('link-local');
    expect(refusedAddressKind('fc00::1')).toBe('private');
    expect(refusedAddressKind('8.8.8.8')).toBeUndefined();
    expect(refusedAddressKind('2606:4700::1111')).toBeUndefined();
  });

  it('fetches through redirects hop by hop, refusing before anything is sent', async () => {
    const site = await startLocalSite({ '/a': { redirect: '/b' }, '/b': { redirect: '/c' }, '/c': 'done' });
    try {
      const response = await fetchWithUrlGuard(new URL(`${site.origin}/a`), { allowPrivate: true });
      expect(await response.text()).toBe('done');
      expect(site.hits).toEqual(['/a', '/b', '/c']);
      const limited = fetchWithUrlGuard(new URL(`${site.origin}/a`), { allowPrivate: true, maxRedirects: 1 });
      await expect(limited).rejects.toMatchObject({ code: 'TESTOPS_URL_REFUSED' });
      const hits = site.hits.length;
      await expect(
        fetchWithUrlGuard(new URL(`${site.origin}/a`), { allowPrivate: false }),
      ).rejects.toMatchObject({
        code: 'TESTOPS_URL_REFUSED',
      });
      expect(site.hits.length).toBe(hits);
    } finally {
      await site.close();
    }
  });
});
