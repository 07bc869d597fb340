// A demo cloud price calculator: a static single-page app plus two JSON endpoints. It is a
// target for the UI test generator and can be seeded with one fault (see faults.ts).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { priceCalculatorCatalog } from './catalog.ts';
import { parsePriceCalculatorFault } from './faults.ts';
import type { PriceCalculatorFaultName } from './faults.ts';
import { isAppRoute, renderPage } from './page-template.ts';
import { priceCalculatorPrices } from './price-table.ts';
import { serveStaticFile } from './static-file.ts';

export interface PriceCalculatorOptions {
  port?: number;
  host?: string;
  /** undefined → process.env.CALCULATOR_FAULT; null → no fault. */
  fault?: PriceCalculatorFaultName | null;
}

export interface RunningPriceCalculator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const publicDir = join(dirname(fileURLToPath(import.meta.url)), 'public');

// Everything the page loads comes from this origin; a stray external request would be a bug.
const securityHeaders = {
  'content-security-policy': "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
};

function resolveFault(fault: PriceCalculatorFaultName | null | undefined): PriceCalculatorFaultName | null {
  if (fault === null) return null;
  const name = fault ?? process.env.CALCULATOR_FAULT ?? '';
  return name === '' ? null : parsePriceCalculatorFault(name);
}

function sendJson(response: ServerResponse, body: unknown, headOnly: boolean): void {
  const text = JSON.stringify(body);
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(headOnly ? undefined : text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

export async function startPriceCalculator(
  options: PriceCalculatorOptions = {},
): Promise<RunningPriceCalculator> {
  const serverFault = resolveFault(options.fault);
  const template = await readFile(join(publicDir, 'index.html'), 'utf8');
  renderPage(template, null); // fail at start-up, not on the first request, if the shell is broken

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return;
    }
    const headOnly = request.method === 'HEAD';
    const url = new URL(request.url ?? '/', 'http://localhost');
    const { pathname } = url;

    if (pathname === '/api/catalog') return sendJson(response, priceCalculatorCatalog, headOnly);
    if (pathname === '/api/prices') return sendJson(response, priceCalculatorPrices, headOnly);
    if (pathname === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    if (pathname.startsWith('/assets/') && (await serveStaticFile(publicDir, pathname, response, headOnly))) {
      return;
    }
    if (pathname.startsWith('/api/') || pathname.startsWith('/assets/')) {
      return sendText(response, 404, 'Not found');
    }

    let fault = serverFault;
    const queryFault = url.searchParams.get('fault');
    if (queryFault) {
      try {
        fault = parsePriceCalculatorFault(queryFault);
      } catch (error) {
        return sendText(response, 400, (error as Error).message);
      }
    }
    // Unknown paths still get the shell (the client renders "Page not found") but with a 404.
    const html = renderPage(template, fault);
    response.writeHead(isAppRoute(pathname) ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'cache-control': 'no-store',
      ...securityHeaders,
    });
    response.end(headOnly ? undefined : html);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, String(error));
      else response.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
