import type { ApiOperation } from '../../core/api-model.ts';
import { escapePointerToken, unescapePointerToken } from '../../core/json-pointer.ts';

const PREFIX = '#/components/schemas/';

interface BrokenReference {
  ref: string;
  /** Where the dangling `$ref` is written. */
  at: string;
}

/**
 * Finds the first dangling schema reference an operation can reach. Each component's
 * verdict is memoised: large specs share a few hundred schemas across a thousand operations.
 */
export class ReferenceChecker {
  readonly #schemas: Record<string, unknown>;
  readonly #verdicts = new Map<string, BrokenReference | null>();

  constructor(schemas: Record<string, unknown>) {
    this.#schemas = schemas;
  }

  firstProblem(operation: ApiOperation, pointer: string): { pointer: string; message: string } | undefined {
    const roots: [string, unknown][] = [
      ...operation.parameters.map(
        (parameter) =>
          [`${pointer}/parameters/${parameter.name}/schema`, parameter.schema] as [string, unknown],
      ),
      ...(operation.requestBody
        ? [
            [
              `${pointer}/requestBody/content/${escapePointerToken(operation.requestBody.contentType)}/schema`,
              operation.requestBody.schema,
            ] as [string, unknown],
          ]
        : []),
      ...operation.responses.map(
        (response) =>
          [
            `${pointer}/responses/${response.status}/content/${escapePointerToken(response.contentType ?? '')}/schema`,
            response.schema,
          ] as [string, unknown],
      ),
    ];
    for (const [where, schema] of roots) {
      const broken = this.#scan(schema, where, new Set());
      if (broken) {
        return {
          pointer: broken.at,
          message:
            `${broken.at}: $ref "${broken.ref}" does not resolve. Expected a schema at ${broken.ref}. ` +
            `Tip: add "${unescapePointerToken(broken.ref.slice(PREFIX.length))}" under components.schemas or fix the reference.`,
        };
      }
    }
    return undefined;
  }

  #scan(node: unknown, at: string, visiting: Set<string>): BrokenReference | undefined {
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) {
        const broken = this.#scan(child, `${at}/${index}`, visiting);
        if (broken) return broken;
      }
      return undefined;
    }
    if (node === null || typeof node !== 'object') return undefined;
    const ref = (node as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string' && ref.startsWith(PREFIX))
      return this.#component(ref, `${at}/$ref`, visiting);
    for (const [key, child] of Object.entries(node)) {
      const broken = this.#scan(child, `${at}/${escapePointerToken(key)}`, visiting);
      if (broken) return broken;
    }
    return undefined;
  }

  #component(ref: string, at: string, visiting: Set<string>): BrokenReference | undefined {
    const name = unescapePointerToken(ref.slice(PREFIX.length));
    // Nested paths into a component (`#/components/schemas/A/properties/b`) are checked via A.
    const [head] = name.split('/');
    if (!head || !Object.prototype.hasOwnProperty.call(this.#schemas, head)) return { ref, at };
    const cached = this.#verdicts.get(head);
    if (cached !== undefined) return cached ?? undefined;
    if (visiting.has(head)) return undefined; // a cycle: fine, judged by its first visit
    visiting.add(head);
    const broken = this.#scan(this.#schemas[head], `${PREFIX}${escapePointerToken(head)}`, visiting) ?? null;
    visiting.delete(head);
    this.#verdicts.set(head, broken);
    return broken ?? undefined;
  }
}
