// The browser's way out when the SSRF guard is on. site.test stands for the explored site: its
// checked answer is pinned (to a loopback server here, so nothing leaves this machine); every other
// loopback address is refused, for documents, fetches and WebSockets alike.
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGuardProxy, type GuardProxy } from '../../../src/sources/web/guard-proxy.ts';
import { askedByPages } from '../../../src/sources/web/asked-hosts.ts';
import { launchBrowser, newExplorationContext } from '../../../src/sources/web/launch-browser.ts';
import { guardRequests } from '../../../src/sources/web/request-guard.ts';

let site: Server;
let port: number;
let proxy: GuardProxy;
let browser: Browser;
const hits: string[] = [];
const upgrades: string[] = [];
const refused: string[] = [];
const webSockets: Socket[] = [];

/** Accepts a WebSocket handshake (RFC 6455 §4.2.2) and says hello; enough for `onopen`. */
function acceptWebSocket(request: { headers: Record<string, unknown> }, socket: Socket): void {
  const key = String(request.headers['sec-websocket-key']);
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
}

beforeAll(async () => {
  site = createServer((incoming, response) => {
    if (incoming.url !== '/favicon.ico') hits.push(`${incoming.headers.host} ${incoming.url}`);
    response.writeHead(200, { 'content-type': 'text/html' }).end('<title>Site</title><h1>Site</h1>');
  });
  site.on('upgrade', (incoming, socket: Socket) => {
    upgrades.push(String(incoming.headers.host));
    webSockets.push(socket);
    acceptWebSocket(incoming, socket);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  port = (site.address() as AddressInfo).port;
  proxy = await startGuardProxy({
    guard: { allowPrivate: false },
    pinned: [{ url: new URL(`http://site.test:${port}/`), host: 'site.test', addresses: ['127.0.0.1'] }],
    onRefused: (url) => refused.push(url),
  });
  browser = await launchBrowser({ proxy: proxy.server });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  // Upgraded sockets are no longer the server's: close() would wait for them forever.
  for (const socket of webSockets) socket.destroy();
  site.closeAllConnections();
  await new Promise((resolve) => site.close(resolve));
});

function viaProxy(url: string): Promise<number> {
  const { port: proxyPort } = new URL(proxy.server);
  return new Promise((resolve, reject) =>
    request(
      { host: '127.0.0.1', port: proxyPort, path: url, headers: { host: new URL(url).host } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    )
      .on('error', reject)
      .end(),
  );
}

describe('guard proxy', () => {
  it('connects a pinned host to its checked address and refuses other private ones before connecting', async () => {
    hits.length = 0;
    expect(await viaProxy(`http://site.test:${port}/a`)).toBe(200);
    expect(await viaProxy(`http://127.0.0.1:${port}/b`)).toBe(403);
    expect(await viaProxy(`http://localhost:${port}/c`)).toBe(403);
    expect(await viaProxy(`http://[::ffff:7f00:1]:${port}/d`)).toBe(403);
    expect(hits).toEqual([`site.test:${port} /a`]);
    expect(refused).toContain(`http://127.0.0.1:${port}/b`);
  });

  it('keeps the browser from reaching refused addresses by fetch or WebSocket', async () => {
    hits.length = 0;
    upgrades.length = 0;
    const page = await browser.newPage();
    await page.goto(`http://site.test:${port}/`);
    expect(await page.title()).toBe('Site');
    const outcome = await page.evaluate(async (sitePort) => {
      const open = (url: string) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => resolve('open');
          socket.onerror = () => resolve('error');
        });
      const fetched = await fetch(`http://127.0.0.1:${sitePort}/secret`).then(
        () => 'fetched',
        () => 'error',
      );
      return {
        fetched,
        loopbackSocket: await open(`ws://127.0.0.1:${sitePort}/`),
        mappedSocket: await open(`ws://[::ffff:127.0.0.1]:${sitePort}/`),
        siteSocket: await open(`ws://site.test:${sitePort}/`),
      };
    }, port);
    expect(outcome).toEqual({
      fetched: 'error',
      loopbackSocket: 'error',
      mappedSocket: 'error',
      siteSocket: 'open',
    });
    expect(hits).toEqual([`site.test:${port} /`]);
    expect(upgrades).toEqual([`site.test:${port}`]);
    await page.close();
  });

  it("carries the explorer's routed requests (route.fetch) too", async () => {
    hits.length = 0;
    const context = await newExplorationContext(browser, { viewport: { width: 800, height: 600 } });
    // A check that lets everything through: only the proxy stands between the page and loopback.
    await guardRequests(context, {
      origin: `http://site.test:${port}`,
      check: async () => {},
      onRefused: () => {},
    });
    const page = await context.newPage();
    await page.goto(`http://site.test:${port}/routed`);
    expect(await page.title()).toBe('Site');
    const fetched = await page.evaluate(
      (sitePort) =>
        fetch(`http://localhost:${sitePort}/secret`).then(
          (response) => response.status,
          () => 0,
        ),
      port,
    );
    expect(fetched).not.toBe(200);
    expect(hits).toEqual([`site.test:${port} /routed`]);
    await context.close();
  });

  it("tells the refusals of what a page asked for from the browser's own traffic", async () => {
    refused.length = 0;
    const context = await newExplorationContext(browser, { viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(`http://site.test:${port}/`);
    await page.evaluate(async (sitePort) => {
      await fetch(`http://127.0.0.1:${sitePort}/secret`).catch(() => undefined);
      await new Promise((resolve) => {
        const socket = new WebSocket(`ws://[::ffff:127.0.0.1]:${sitePort}/`);
        socket.onerror = resolve;
      });
    }, port);
    // What the proxy refused, as it names it: a plain request whole, a WebSocket by its CONNECT.
    expect(refused).toContain(`http://127.0.0.1:${port}/secret`);
    const tunnelled = refused.find((url) => url.startsWith('https://[::ffff:7f00:1]'));
    expect(tunnelled).toBeDefined();
    expect(askedByPages(browser, `http://127.0.0.1:${port}/secret`)).toBe(true);
    expect(askedByPages(browser, tunnelled!)).toBe(true);
    // Chromium's update check, which no page of the site asked for.
    expect(askedByPages(browser, 'https://update.googleapis.com:443/')).toBe(false);
    expect(askedByPages(browser, 'not a url')).toBe(false);
    await context.close();
  });
});
