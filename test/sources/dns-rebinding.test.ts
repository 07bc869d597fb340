// DNS rebinding without a DNS server: the guard takes a resolver, and these answer a first
// question differently from a second one. Every connection made here goes to loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchWithUrlGuard } from '../../src/sources/guarded-fetch.ts';
import { pinnedLookup } from '../../src/sources/pinned-lookup.ts';
import { checkTargetUrl, type Resolver } from '../../src/sources/url-guard.ts';

/** Answers each question with the next answer in turn (the last one again when they run out). */
function rebindingResolver(...answers: string[][]): Resolver & { questions: string[] } {
  const questions: string[] = [];
  const resolver = async (host: string) => {
    questions.push(host);
    return answers[Math.min(questions.length, answers.length) - 1]!;
  };
  return Object.assign(resolver, { questions });
}

const servers: Server[] = [];

async function serve(host: string, name: string, port = 0): Promise<{ port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.headers.host ?? '');
    response.end(name);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { port: (server.address() as AddressInfo).port, hits };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function lookupOnce(lookup: ReturnType<typeof pinnedLookup>, host: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    lookup(host, { all: true }, (error, entries) => (error ? reject(error) : resolve(entries))),
  );
}

describe('DNS rebinding', () => {
  it('connects to the checked answer, never to the one the name gives next', async () => {
    const checked = await serve('127.0.0.1', 'checked');
    const rebound = await serve('127.0.0.2', 'rebound', checked.port);
    const resolver = rebindingResolver(['127.0.0.1'], ['127.0.0.2']);
    const response = await fetchWithUrlGuard(new URL(`http://rebind.test:${checked.port}/spec`), {
      allowPrivate: true,
      resolver,
    });
    expect(await response.text()).toBe('checked');
    expect(resolver.questions).toEqual(['rebind.test']);
    expect(checked.hits).toEqual([`rebind.test:${checked.port}`]); // the Host header keeps the name
    expect(rebound.hits).toEqual([]);
  });

  it('pins a public answer for the connection although the name now answers 127.0.0.1', async () => {
    const resolver = rebindingResolver(['93.184.216.34'], ['127.0.0.1']);
    const target = await checkTargetUrl(new URL('https://rebind.test/spec'), {
      allowPrivate: false,
      resolver,
    });
    // What the socket is told at connect time (no socket is opened here):
    const answer = await lookupOnce(pinnedLookup([target]), 'rebind.test');
    expect(answer).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect(resolver.questions).toEqual(['rebind.test']);
  });

  it('refuses before connecting when any answer is private', async () => {
    const site = await serve('127.0.0.1', 'site');
    const resolver = rebindingResolver(['93.184.216.34', '127.0.0.1']);
    await expect(
      fetchWithUrlGuard(new URL(`http://rebind.test:${site.port}/`), { allowPrivate: false, resolver }),
    ).rejects.toMatchObject({ code: 'TESTOPS_URL_REFUSED', message: expect.stringContaining('loopback') });
    expect(site.hits).toEqual([]);
  });

  it('resolves and pins each redirect hop on its own', async () => {
    const second = await serve('127.0.0.2', 'second');
    const first = createServer((_request, response) => {
      response.writeHead(302, { location: `http://other.test:${second.port}/b` }).end();
    });
    servers.push(first);
    await new Promise<void>((resolve) => first.listen(second.port, '127.0.0.1', resolve));
    const answers: Record<string, string> = { 'first.test': '127.0.0.1', 'other.test': '127.0.0.2' };
    const questions: string[] = [];
    const resolver: Resolver = async (host) => (questions.push(host), [answers[host]!]);
    const response = await fetchWithUrlGuard(new URL(`http://first.test:${second.port}/a`), {
      allowPrivate: true,
      resolver,
    });
    expect(await response.text()).toBe('second');
    expect(questions).toEqual(['first.test', 'other.test']);
  });

  it('answers no host that was not checked', async () => {
    const lookup = pinnedLookup([
      { url: new URL('http://a.test/'), host: 'a.test', addresses: ['93.184.216.34'] },
    ]);
    await expect(lookupOnce(lookup, 'b.test')).rejects.toMatchObject({ code: 'TESTOPS_URL_REFUSED' });
  });
});
