import type { ApiOperation } from '../../core/api-model.ts';
import { escapePointerToken, resolvePointer, unescapePointerToken } from '../../core/json-pointer.ts';

import { schemaRoots } from './reference-checker.ts';

const PREFIX = '#/components/schemas/';

/** A `$ref` to a schema the document does not have, and where it is written. */
export interface DanglingReference {
  pointer: string;
  ref: string;
}

/**
 * Finds `$ref`s to missing schemas (a component, or any other local pointer such as
 * `#/definitions/X` left by a hand-edited spec) and replaces them with `{}`: the part they name
 * is unknown, so it is treated as unconstrained and the rest of the operation stays testable.
 * Walks are bounded by the document's depth limit (checked when it is parsed).
 */
export class DanglingReferences {
  readonly #schemas: Record<string, unknown>;
  readonly #document: Record<string, unknown> | undefined;
  /** Per component: its dangling references and the components it refers to. */
  readonly #inside = new Map<string, { dangling: DanglingReference[]; refers: string[] }>();

  /** Without `document`, only references to component schemas are judged. */
  constructor(schemas: Record<string, unknown>, document?: Record<string, unknown>) {
    this.#schemas = schemas;
    this.#document = document;
  }

  /** A copy of `schema` with each dangling reference replaced by `{}`; what was replaced goes to `found`. */
  relax(schema: unknown, at: string, found: DanglingReference[] = []): unknown {
    if (Array.isArray(schema)) return schema.map((item, index) => this.relax(item, `${at}/${index}`, found));
    if (schema === null || typeof schema !== 'object') return schema;
    const ref = (schema as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string' && this.#dangles(ref)) {
      found.push({ pointer: `${at}/$ref`, ref });
      return {};
    }
    return Object.fromEntries(
      Object.entries(schema).map(([key, child]) => [
        key,
        this.relax(child, `${at}/${escapePointerToken(key)}`, found),
      ]),
    );
  }

  /** Every dangling reference reachable from these schemas, following component references. */
  reachedFrom(roots: [string, unknown][]): DanglingReference[] {
    const reached: DanglingReference[] = [];
    const pending: string[] = [];
    for (const [at, schema] of roots) {
      this.relax(schema, at, reached);
      pending.push(...componentsIn(schema));
    }
    const visited = new Set<string>();
    // Iterative: component chains may be long, and each is visited once.
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (visited.has(name) || !this.#has(name)) continue;
      visited.add(name);
      const inside = this.#component(name);
      reached.push(...inside.dangling);
      pending.push(...inside.refers);
    }
    return reached;
  }

  #component(name: string): { dangling: DanglingReference[]; refers: string[] } {
    let inside = this.#inside.get(name);
    if (!inside) {
      const dangling: DanglingReference[] = [];
      this.relax(this.#schemas[name], `${PREFIX}${escapePointerToken(name)}`, dangling);
      inside = { dangling, refers: componentsIn(this.#schemas[name]) };
      this.#inside.set(name, inside);
    }
    return inside;
  }

  #dangles(ref: string): boolean {
    if (ref.startsWith(PREFIX)) return !this.#has(componentName(ref));
    return (
      this.#document !== undefined && ref.startsWith('#') && resolvePointer(this.#document, ref) === undefined
    );
  }

  #has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.#schemas, name);
  }
}

/** `#/components/schemas/A/properties/b` → `A`: nested paths are judged by their component. */
function componentName(ref: string): string {
  return unescapePointerToken(ref.slice(PREFIX.length).split('/')[0] ?? '');
}

function componentsIn(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(componentsIn);
  if (schema === null || typeof schema !== 'object') return [];
  const ref = (schema as Record<string, unknown>)['$ref'];
  const own = typeof ref === 'string' && ref.startsWith(PREFIX) ? [componentName(ref)] : [];
  return [...own, ...Object.values(schema).flatMap(componentsIn)];
}

/** The operation with its dangling references relaxed, and the ones it reaches (for the report). */
export function relaxOperation(
  operation: ApiOperation,
  references: DanglingReferences,
): { operation: ApiOperation; reached: DanglingReference[] } {
  const reached = references.reachedFrom(schemaRoots(operation, operation.pointer));
  if (reached.length === 0) return { operation, reached };
  const relax = <T>(schema: T): T => references.relax(schema, '') as T;
  return {
    operation: {
      ...operation,
      parameters: operation.parameters.map((parameter) => ({
        ...parameter,
        schema: relax(parameter.schema),
      })),
      requestBody: operation.requestBody && {
        ...operation.requestBody,
        schema: relax(operation.requestBody.schema),
      },
      responses: operation.responses.map((response) => ({ ...response, schema: relax(response.schema) })),
    },
    reached,
  };
}
