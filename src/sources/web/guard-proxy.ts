// The browser's only way out when the SSRF guard is on. Chromium resolves names itself, so a
// check made before a request cannot decide where the browser then connects (DNS rebinding), and
// WebSockets never reach Playwright's request routing. Launched with this proxy (Playwright also
// proxies loopback, `<-loopback>`), every connection of the browser — documents, subresources,
// route.fetch(), WebSockets (tunnelled with CONNECT) — is judged here and made to the addresses
// judged, from this process. The explored site's host stays pinned to its answer for the run.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describeError } from '../../core/errors.ts';
import { pinnedLookup } from '../pinned-lookup.ts';
import { checkTargetUrl, type CheckedTarget, type UrlGuardOptions } from '../url-guard.ts';

export interface GuardProxyOptions {
  guard: UrlGuardOptions;
  /** Hosts checked before the browser started (the explored site): always connected to those answers. */
  pinned: readonly CheckedTarget[];
  onRefused: (url: string, reason: string) => void;
}

export interface GuardProxy {
  /** The proxy server for Playwright's `launch({ proxy: { server } })`. */
  server: string;
  close(): Promise<void>;
}

// Meaningful for one connection only (RFC 9110 §7.6.1): never forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
]);

export async function startGuardProxy(options: GuardProxyOptions): Promise<GuardProxy> {
  const sockets = new Set<Socket>();
  // A request Node cannot even build (a bad header) must cost that request only, not the process.
  const server = createServer((request, response) => {
    forward(request, response, options).catch(() => response.destroy());
  });
  server.on(
    'connect',
    (request: IncomingMessage, socket: Socket, head: Buffer) =>
      void tunnel(request, socket, head, options).catch(() => socket.destroy()),
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    server: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The checked answer for a URL: the pinned one for a pinned host, else a fresh check. */
async function judge(url: URL, options: GuardProxyOptions): Promise<CheckedTarget | string> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const pinned = options.pinned.find((target) => target.host.toLowerCase() === host);
  if (pinned) return { ...pinned, url };
  try {
    return await checkTargetUrl(url, options.guard);
  } catch (error) {
    const reason = describeError(error).split('\n')[0]!;
    options.onRefused(url.href, reason);
    return reason;
  }
}

/** A plain http:// request, sent to the proxy in absolute form. */
async function forward(
  request: IncomingMessage,
  response: ServerResponse,
  options: GuardProxyOptions,
): Promise<void> {
  const url = URL.canParse(request.url ?? '') ? new URL(request.url!) : undefined;
  if (url?.protocol !== 'http:') return void response.writeHead(400).end('absolute http:// URLs only');
  const target = await judge(url, options);
  if (typeof target === 'string')
    return void response.writeHead(403).end(`refused by the SSRF guard: ${target}`);
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
  );
  const upstream = httpRequest({
    host: target.host,
    port: url.port || 80,
    method: request.method,
    path: `${url.pathname}${url.search}`,
    headers,
    lookup: pinnedLookup([target]),
  });
  upstream.on('response', (answer) => {
    const kept: string[] = [];
    for (let index = 0; index < answer.rawHeaders.length; index += 2) {
      const [name, value] = [answer.rawHeaders[index]!, answer.rawHeaders[index + 1]!];
      if (!HOP_BY_HOP.has(name.toLowerCase())) kept.push(name, value);
    }
    response.writeHead(answer.statusCode ?? 502, kept);
    answer.pipe(response);
  });
  upstream.on('error', () => (response.headersSent ? response.destroy() : response.writeHead(502).end()));
  response.on('close', () => upstream.destroy());
  request.pipe(upstream);
}

/** CONNECT host:port — https:// and WebSockets. */
async function tunnel(
  request: IncomingMessage,
  socket: Socket,
  head: Buffer,
  options: GuardProxyOptions,
): Promise<void> {
  socket.on('error', () => socket.destroy());
  const authority = request.url ?? '';
  const url = URL.canParse(`https://${authority}`) ? new URL(`https://${authority}`) : undefined;
  if (!url) return void socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  const target = await judge(url, options);
  if (typeof target === 'string') return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  const upstream = connect({
    host: target.host,
    port: Number(url.port || 443),
    lookup: pinnedLookup([target]),
  });
  upstream.on('connect', () => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on('error', () => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  socket.on('close', () => upstream.destroy());
}
