import type { HttpMethod } from './openapi-document.ts';
import type { RouteDefinition } from './route.ts';

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  paramNames: string[];
}

export type RouteLookup =
  | { kind: 'found'; route: RouteDefinition; pathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `/api/v1.1/vms/{vm_id}` → /^\/api\/v1\.1\/vms\/([^/]+)$/ with params ['vm_id']. */
function compile(route: RouteDefinition): CompiledRoute {
  const paramNames: string[] = [];
  const source = route.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param?.[1]) return escapeRegExp(part);
      paramNames.push(param[1]);
      return '([^/]+)';
    })
    .join('');
  return { route, pattern: new RegExp(`^${source}$`), paramNames };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Broken percent-encoding is left as is; the path validator then rejects it as malformed.
    return segment;
  }
}

/** Matches on the path first, so a known path with another method is a 405, not a 404. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: RouteDefinition[]) {
    this.routes = routes.map(compile);
  }

  lookup(method: string, pathname: string): RouteLookup {
    const allowed: string[] = [];
    for (const compiled of this.routes) {
      const match = compiled.pattern.exec(pathname);
      if (!match) continue;
      if (compiled.route.method !== (method.toLowerCase() as HttpMethod)) {
        allowed.push(compiled.route.method.toUpperCase());
        continue;
      }
      const pathParams: Record<string, string> = {};
      compiled.paramNames.forEach((name, index) => {
        pathParams[name] = decodeSegment(match[index + 1] ?? '');
      });
      return { kind: 'found', route: compiled.route, pathParams };
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}
