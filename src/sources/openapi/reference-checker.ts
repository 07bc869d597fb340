import type { ApiOperation } from '../../core/api-model.ts';
import { escapePointerToken, unescapePointerToken } from '../../core/json-pointer.ts';
import { MAX_REF_CHAIN, abbreviatePointer } from './document-limits.ts';

const PREFIX = '#/components/schemas/';

/**
 * Levels walked at once, `$ref` hops included. The document's own depth is bounded when it is
 * parsed; this bounds the product of depth and chained references, which recursion cannot survive.
 */
const MAX_WALK_DEPTH = 1_000;

interface BrokenReference {
  /** `missing`: nothing at `ref`; `too-deep`: the reference exists but lies past a bound. */
  kind: 'missing' | 'too-deep';
  ref: string;
  /** Where the dangling `$ref` is written, or where the walk gave up. */
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
    const roots = schemaRoots(operation, pointer);
    for (const [where, schema] of roots) {
      const broken = this.#scan(schema, where, new Set(), 0);
      if (broken) return { pointer: broken.at, message: describe(broken, where) };
    }
    return undefined;
  }

  #scan(node: unknown, at: string, visiting: Set<string>, depth: number): BrokenReference | undefined {
    if (node === null || typeof node !== 'object') return undefined;
    if (depth > MAX_WALK_DEPTH) return { kind: 'too-deep', ref: '', at };
    if (Array.isArray(node)) {
      for (const [index, child] of node.entries()) {
        const broken = this.#scan(child, `${at}/${index}`, visiting, depth + 1);
        if (broken) return broken;
      }
      return undefined;
    }
    const ref = (node as Record<string, unknown>)['$ref'];
    if (typeof ref === 'string' && ref.startsWith(PREFIX))
      return this.#component(ref, `${at}/$ref`, visiting, depth + 1);
    for (const [key, child] of Object.entries(node)) {
      const broken = this.#scan(child, `${at}/${escapePointerToken(key)}`, visiting, depth + 1);
      if (broken) return broken;
    }
    return undefined;
  }

  #component(ref: string, at: string, visiting: Set<string>, depth: number): BrokenReference | undefined {
    const name = unescapePointerToken(ref.slice(PREFIX.length));
    // Nested paths into a component (`#/components/schemas/A/properties/b`) are checked via A.
    const [head] = name.split('/');
    if (!head || !Object.prototype.hasOwnProperty.call(this.#schemas, head))
      return { kind: 'missing', ref, at };
    const cached = this.#verdicts.get(head);
    if (cached !== undefined) return cached ?? undefined;
    if (visiting.has(head)) return undefined; // a cycle: fine, judged by its first visit
    if (visiting.size >= MAX_REF_CHAIN) return { kind: 'too-deep', ref, at };
    visiting.add(head);
    const broken =
      this.#scan(this.#schemas[head], `${PREFIX}${escapePointerToken(head)}`, visiting, depth) ?? null;
    visiting.delete(head);
    // "Too deep" depends on where the walk started: a shorter chain into this component may pass.
    if (broken?.kind !== 'too-deep') this.#verdicts.set(head, broken);
    return broken ?? undefined;
  }
}

/** The schemas of an operation, each with the JSON pointer where the spec writes it. */
export function schemaRoots(operation: ApiOperation, pointer: string): [string, unknown][] {
  return [
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
}

function describe(broken: BrokenReference, root: string): string {
  if (broken.kind === 'missing')
    return (
      `${broken.at}: $ref "${broken.ref}" does not resolve. Expected a schema at ${broken.ref}. ` +
      `Tip: add "${unescapePointerToken(broken.ref.slice(PREFIX.length))}" under components.schemas or fix the reference.`
    );
  if (broken.ref)
    return (
      `${root}: a $ref chain deeper than ${MAX_REF_CHAIN} at ${broken.at}. Expected at most ` +
      `${MAX_REF_CHAIN} references followed one after another. ` +
      'Tip: point the $ref at the final schema directly instead of through a chain of aliases.'
    );
  return (
    `${root}: a schema nested deeper than ${MAX_WALK_DEPTH} levels (counting $ref hops) at ` +
    `${abbreviatePointer(broken.at)}. ` +
    'Tip: flatten the schema; deeply nested objects are rarely what an API sends.'
  );
}
