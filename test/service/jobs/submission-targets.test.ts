import { describe, expect, it } from 'vitest';
import type { TestopsError } from '../../../src/core/errors.ts';
import { refuseTargets, type SubmissionPolicy } from '../../../src/service/jobs/submission-targets.ts';

const guarded: SubmissionPolicy = { guard: { allowPrivate: false }, trustedOrigins: [] };

async function refusal(
  kind: Parameters<typeof refuseTargets>[0],
  input: Record<string, unknown>,
  policy = guarded,
): Promise<TestopsError | undefined> {
  return refuseTargets(kind, input, policy).then(
    () => undefined,
    (error: TestopsError) => error,
  );
}

describe('targets judged at submission', () => {
  it('refuses a literal private address, naming the field, what was expected and how to fix', async () => {
    const error = await refusal('api-tests', {
      openapi_url: 'http://[::ffff:0:127.0.0.1]:8080/openapi.json',
    });
    expect(error?.code).toBe('TESTOPS_URL_REFUSED');
    expect(error?.where).toBe('openapi_url');
    expect(error?.message).toMatchInlineSnapshot(`
      "openapi_url: http://[::ffff:0:7f00:1]:8080/openapi.json: ::ffff:0:7f00:1 is a loopback address (IANA: IPv4-translated (RFC 2765), carrying 127.0.0.1)
      Expected a URL whose host has public addresses only.
      Tip: give a public URL, or start the server with --allow-private (TESTOPS_ALLOW_PRIVATE_TARGETS=1) to reach hosts on its machine or a private network you trust."
    `);
  });

  it.each([
    ['api-tests', { openapi_spec: {}, base_url: 'http://198.18.0.1/' }, 'base_url'],
    ['test-cases', { url: 'http://[fec0::1]/' }, 'url'],
    ['optimize', { openapi_url: 'http://0x7f.1/spec.json' }, 'openapi_url'],
    ['test-plan', { openapi_url: 'http://[64:ff9b::a9fe:a9fe]/' }, 'openapi_url'],
  ] as const)('refuses %s targets in %o', async (kind, input, field) => {
    expect((await refusal(kind, input))?.where).toBe(field);
  });

  it('judges a name by what it resolves to now', async () => {
    const resolver = async () => ['93.184.216.34', '10.0.0.7'];
    const error = await refusal('test-cases', { url: 'https://app.example.test/' }, { ...guarded, resolver });
    expect(error?.message).toContain('app.example.test resolves to 10.0.0.7, a private address');
  });

  it('lets through public targets, trusted origins, names that do not resolve yet, and allowed private ones', async () => {
    const publicName = { ...guarded, resolver: async () => ['93.184.216.34'] };
    expect(
      await refusal('api-tests', { openapi_url: 'https://api.example.test/spec' }, publicName),
    ).toBeUndefined();
    const demos = { ...guarded, trustedOrigins: ['http://127.0.0.1:4010'] };
    expect(await refusal('api-tests', { base_url: 'http://127.0.0.1:4010/api' }, demos)).toBeUndefined();
    const unresolved = { ...guarded, resolver: () => Promise.reject(new Error('ENOTFOUND')) };
    expect(await refusal('test-cases', { url: 'https://later.example.test/' }, unresolved)).toBeUndefined();
    const slow = { ...guarded, resolveTimeoutMs: 20, resolver: () => new Promise<string[]>(() => {}) };
    expect(await refusal('test-cases', { url: 'https://slow.example.test/' }, slow)).toBeUndefined();
    const allowed = { guard: { allowPrivate: true }, trustedOrigins: [] };
    expect(await refusal('api-tests', { base_url: 'http://10.0.0.1/' }, allowed)).toBeUndefined();
    expect(await refusal('validate', { options: { target: 'http://127.0.0.1/' } })).toBeUndefined();
  });
});
