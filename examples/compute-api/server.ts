import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './api-error.ts';
import { authenticate } from './auth.ts';
import { applyFaultToSpec } from './fault-spec.ts';
import type { ComputeApiFaultName } from './faults.ts';
import { resolveComputeApiFault } from './faults.ts';
import { readBody, send } from './http-io.ts';
import { loadComputeApiSpec } from './openapi-document.ts';
import type { RequestValidator } from './request-validator.ts';
import { createRequestValidators, operationKey } from './request-validator.ts';
import type { RouteLookup } from './router.ts';
import { Router } from './router.ts';
import { assertRoutesMatchSpec, computeApiRoutes } from './routes.ts';
import { defaultProjectId, defaultToken } from './seed-data.ts';
import { ComputeStore } from './store.ts';

export type { ComputeApiFaultName } from './faults.ts';
export { computeApiFaults } from './faults.ts';

export interface ComputeApiOptions {
  /** Defaults to 0: an ephemeral port chosen by the OS. */
  port?: number;
  /** Defaults to 127.0.0.1: the stand-in is never exposed beyond the local machine. */
  host?: string;
  /** The only Bearer token accepted; defaults to `demo-token`. */
  token?: string;
  /** The id of the single project; defaults to a fixed UUIDv4. */
  projectId?: string;
  /** A seeded fault; undefined reads COMPUTE_API_FAULT, null forces the correct server. */
  fault?: ComputeApiFaultName | null;
}

export interface ComputeApiServer {
  url: string;
  port: number;
  token: string;
  projectId: string;
  fault: ComputeApiFaultName | null;
  close(): Promise<void>;
}

// Compiling ~20 validators against the spec is the costly part of a start; fault variants that
// share a spec (most do) share them.
const validatorCache = new Map<string, Map<string, RequestValidator>>();

function validatorsFor(fault: ComputeApiFaultName | null): Map<string, RequestValidator> {
  const key = fault ?? '';
  let validators = validatorCache.get(key);
  if (!validators) {
    const document = applyFaultToSpec(loadComputeApiSpec(), fault);
    assertRoutesMatchSpec(document, computeApiRoutes);
    validators = createRequestValidators(document);
    validatorCache.set(key, validators);
  }
  return validators;
}

interface ServerState {
  store: ComputeStore;
  router: Router;
  validators: Map<string, RequestValidator>;
  token: string;
  fault: ComputeApiFaultName | null;
}

function parseUrl(rawUrl: string | undefined): URL | undefined {
  try {
    // Prefixing instead of resolving keeps `//x` a path rather than a protocol-relative host.
    return new URL(`http://localhost${rawUrl ?? '/'}`);
  } catch {
    return undefined;
  }
}

function isAuthExempt(state: ServerState, lookup: RouteLookup): boolean {
  return (
    state.fault === 'auth-not-enforced' &&
    lookup.kind === 'found' &&
    lookup.route.method === 'get' &&
    lookup.route.path === '/api/v1/flavors/{flavor_id}'
  );
}

/** Auth → route → validation → handler (existence checks, then business rules). */
async function handle(state: ServerState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  const method = request.method ?? 'GET';
  const url = parseUrl(request.url);
  const pathname = url?.pathname ?? request.url ?? '';
  const lookup: RouteLookup = url ? state.router.lookup(method, url.pathname) : { kind: 'not-found' };
  if (!isAuthExempt(state, lookup)) {
    authenticate(request.headers.authorization, state.token, state.fault === 'wrong-token-accepted');
  }
  if (lookup.kind === 'not-found') {
    throw new ApiError(404, 'not_found', `No route for ${method} ${pathname}`);
  }
  if (lookup.kind === 'method-not-allowed') {
    throw new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${pathname}`, {
      headers: { allow: lookup.allowed.join(', ') },
    });
  }
  const validate = state.validators.get(operationKey(lookup.route.method, lookup.route.path));
  if (!validate) throw new Error(`No validator for ${lookup.route.method} ${lookup.route.path}`);
  const searchParams = url?.searchParams ?? new URLSearchParams();
  const valid = validate({ pathParams: lookup.pathParams, searchParams, body });
  const result = lookup.route.handler({ store: state.store, fault: state.fault, request: valid });
  send(response, result);
}

function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if (error instanceof ApiError) {
    send(response, { status: error.status, body: error.toBody(), headers: error.headers });
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  send(response, { status: 500, body: [{ code: 'internal_error', message }] });
}

function formatUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Starts an in-memory stand-in for the Evolution Compute public API (VMs, disks, flavors) that
 * implements every operation of openapi.yaml, optionally with one seeded fault.
 */
export async function startComputeApi(options: ComputeApiOptions = {}): Promise<ComputeApiServer> {
  const fault = resolveComputeApiFault(options.fault, process.env.COMPUTE_API_FAULT);
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? defaultToken;
  const projectId = (options.projectId ?? defaultProjectId).toLowerCase();
  const state: ServerState = {
    store: new ComputeStore(projectId),
    router: new Router([...computeApiRoutes]),
    validators: validatorsFor(fault),
    token,
    fault,
  };

  const server = createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => sendError(response, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: formatUrl(host, port),
    port,
    token,
    projectId,
    fault,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
