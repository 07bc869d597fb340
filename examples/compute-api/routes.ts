import type { OpenApiDocument } from './openapi-document.ts';
import { httpMethods } from './openapi-document.ts';
import { operationKey } from './request-validator.ts';
import type { RouteDefinition } from './route.ts';
import { diskRoutes } from './routes-disks.ts';
import { flavorRoutes } from './routes-flavors.ts';
import { vmActionRoutes } from './routes-vm-actions.ts';
import { vmRoutes } from './routes-vms.ts';

export const computeApiRoutes: readonly RouteDefinition[] = [
  ...flavorRoutes,
  ...diskRoutes,
  ...vmRoutes,
  ...vmActionRoutes,
];

/**
 * The server must implement exactly the operations of openapi.yaml: a missing route would let a
 * generated test hit a 404 the spec never mentions, an extra one would serve undocumented API.
 */
export function assertRoutesMatchSpec(document: OpenApiDocument, routes: readonly RouteDefinition[]): void {
  const inSpec = new Set<string>();
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const method of httpMethods) if (pathItem[method]) inSpec.add(operationKey(method, path));
  }
  const served = new Set(routes.map((route) => operationKey(route.method, route.path)));
  const missing = [...inSpec].filter((key) => !served.has(key));
  const extra = [...served].filter((key) => !inSpec.has(key));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `compute-api routes do not match openapi.yaml (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'})`,
    );
  }
}
