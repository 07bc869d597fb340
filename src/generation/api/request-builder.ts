import type { ApiOperation } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type {
  RequestBodySpec,
  RequestSpec,
  ResourceUse,
  SuiteVariable,
  ValueExpr,
} from '../../core/test-case.ts';
import { fieldMeaning } from '../../core/field-values.ts';
import { formBody } from './form-body.ts';
import type { ResourceGraph, ResourceKind } from '../../core/resource-graph.ts';
import { idStem, namesItself, namesKind } from '../../core/resource-names.ts';
import { fitLength, sampleValue } from './sample-value.ts';
import type { ValueRepair } from './value-repairs.ts';
import type { SchemaContext } from './schema-context.ts';

const NAME_LIKE = /^(name|title|username|login|slug|label|display_name|displayName|hostname)$/;
/** Length of the run-unique suffix the emitted suites append (see the `unique` helper). */
export const UNIQUE_SUFFIX_LENGTH = 10;
/** Fewest run-unique characters a value ends with (36^6 values), e.g. a learned value kept to its length. */
const LEARNED_UNIQUE_PART = 6;
const EMAIL_FORMATS = new Set(['email', 'idn-email']);
const EMAIL_ENDING = '@example.com';
const SAFE_METHODS = new Set(['get', 'head', 'options', 'trace']);

export function isWrite(method: string): boolean {
  return !SAFE_METHODS.has(method.toLowerCase());
}

/** A request plus what it needs before it can be sent. */
export interface BuiltRequest {
  request: RequestSpec;
  uses: ResourceUse[];
}

/**
 * Builds the valid request for an operation: path ids from resources the test creates (or
 * finds), required ids nobody can create from environment variables, everything else sampled.
 */
export class RequestBuilder {
  readonly #context: SchemaContext;
  readonly #graph: ResourceGraph;
  readonly #variables = new Map<string, SuiteVariable>();
  readonly #given: Record<string, string>;
  #repairs: ValueRepair[] = [];

  constructor(context: SchemaContext, graph: ResourceGraph, given: Record<string, string>) {
    this.#context = context;
    this.#graph = graph;
    this.#given = given;
  }

  /** Values learned from the server for fields it refused: they replace the sampled ones. */
  useRepairs(repairs: ValueRepair[]): void {
    this.#repairs = repairs;
  }

  get variables(): SuiteVariable[] {
    return [...this.#variables.values()];
  }

  build(operation: ApiOperation, options: { exclude?: string } = {}): BuiltRequest {
    const uses = new Map<string, ResourceUse>();
    const pathParams: Record<string, ValueExpr> = {};
    const query: Record<string, ValueExpr> = {};
    const headers: Record<string, string> = {};
    for (const parameter of operation.parameters) {
      if (parameter.in === 'path') {
        const kind = this.#graph.kindOfPathParameter(operation, parameter.name);
        // A part of a composite key is read from the one created resource.
        const part = kind?.keyPaths?.[parameter.name];
        pathParams[parameter.name] = this.#reference(
          kind?.name,
          parameter.name,
          operation,
          uses,
          options.exclude,
          part,
        );
      } else if (parameter.required && parameter.in === 'query') {
        query[parameter.name] = this.#scalar(
          parameter.name,
          parameter.schema,
          operation,
          uses,
          options.exclude,
        );
      } else if (
        parameter.required &&
        parameter.in === 'header' &&
        !/^(authorization|content-type|accept)$/i.test(parameter.name)
      ) {
        headers[parameter.name] = String(
          parameter.example ?? sampleValue(this.#context, parameter.schema, 0, parameter.name) ?? 'sample',
        );
      }
    }
    const body = this.#body(operation, uses, options.exclude);
    for (const repair of this.#repairs.filter((candidate) => candidate.operation === operation.key)) {
      if (repair.in === 'query') query[repair.path[0]!] = { kind: 'literal', value: repair.value };
      else if (body && body.kind !== 'raw')
        body.value = withRepair(
          body.value,
          repair.path,
          this.#listedNames(repair.path.at(-1), repair.value, {
            operation,
            uses,
            exclude: options.exclude,
          }) ?? this.#repairedValue(operation, repair),
        );
    }
    const request: RequestSpec = {
      method: operation.method.toUpperCase(),
      path: operation.path,
      pathParams,
      query,
      headers,
      body,
      auth: 'valid',
    };
    return { request, uses: [...uses.values()] };
  }

  #body(
    operation: ApiOperation,
    uses: Map<string, ResourceUse>,
    exclude: string | undefined,
  ): RequestBodySpec | undefined {
    const requestBody = operation.requestBody;
    if (!requestBody) return undefined;
    if (/json/i.test(requestBody.contentType))
      return { kind: 'json', value: this.bodyValue(operation, uses, exclude) };
    if (/^multipart\/form-data/i.test(requestBody.contentType)) {
      const form = formBody(this.#context, requestBody.schema);
      const scope = { operation, uses, exclude, parent: undefined };
      const fields = this.#toExpr(form.fields, requestBody.schema, scope, 0);
      const entries = fields.kind === 'object' ? fields.entries : {};
      return {
        kind: 'multipart',
        value: { kind: 'object', entries: { ...entries, ...form.files } },
        files: Object.keys(form.files),
      };
    }
    return undefined;
  }

  /** The valid body as an expression tree: documented example first, else a minimal sample. */
  bodyValue(operation: ApiOperation, uses: Map<string, ResourceUse>, exclude?: string): ValueExpr {
    const requestBody = operation.requestBody!;
    const example =
      requestBody.example !== undefined &&
      this.#context.isValid(requestBody.schema, requestBody.example) === true
        ? requestBody.example
        : undefined;
    const sample = example ?? sampleValue(this.#context, requestBody.schema);
    return this.bodyFrom(operation, uses, sample, exclude);
  }

  /**
   * A body of the operation from a plain JSON value, read as the valid body is: ids linked to the
   * test's resources, unique-looking texts run-unique.
   */
  bodyFrom(
    operation: ApiOperation,
    uses: Map<string, ResourceUse>,
    value: unknown,
    exclude?: string,
  ): ValueExpr {
    const scope = { operation, uses, exclude, parent: undefined };
    return this.#toExpr(value, operation.requestBody!.schema, scope, 0);
  }

  #toExpr(value: unknown, schema: JsonSchema | undefined, scope: ValueScope, depth: number): ValueExpr {
    const flat = this.#context.flatten(schema);
    if (Array.isArray(value)) {
      return { kind: 'array', items: value.map((item) => this.#toExpr(item, flat.items, scope, depth + 1)) };
    }
    if (value !== null && typeof value === 'object') {
      const entries: Record<string, ValueExpr> = {};
      for (const [key, child] of Object.entries(value)) {
        const childSchema = flat.properties?.[key];
        // Numbers too: `authorId: 1` names an author as much as `author_id: "…"` does.
        entries[key] =
          (typeof child === 'string' || typeof child === 'number') && depth < 4
            ? this.#scalarField(key, child, childSchema, scope)
            : (this.#listedNames(key, child, scope) ??
              this.#referencedIds(key, child, scope) ??
              this.#toExpr(child, childSchema, { ...scope, parent: key }, depth + 1));
      }
      return { kind: 'object', entries };
    }
    return { kind: 'literal', value };
  }

  /**
   * A list of names of a kind the API only lists (`"environments": ["sample"]`): one existing
   * item, read from its list, never a made-up or sampled name.
   */
  #listedNames(
    key: string | undefined,
    value: unknown,
    scope: Pick<ValueScope, 'operation' | 'uses' | 'exclude'>,
  ): ValueExpr | undefined {
    if (key === undefined || !Array.isArray(value) || !value.every((item) => typeof item === 'string'))
      return undefined;
    const listed = this.#graph.listedKindNamed(key);
    if (!listed || listed.name === scope.exclude) return undefined;
    const item = this.#reference(listed.name, key, scope.operation, scope.uses, scope.exclude);
    return item.kind === 'resource' ? { kind: 'array', items: [item] } : undefined;
  }

  /**
   * A list of identifiers named for a kind (`"segmentIds": [1, 5]`): one of the test's own, never
   * the document's example ids, which name nothing on a fresh server.
   */
  #referencedIds(
    key: string | undefined,
    value: unknown,
    scope: Pick<ValueScope, 'operation' | 'uses' | 'exclude'>,
  ): ValueExpr | undefined {
    const one = key?.replace(/(?<=[a-z0-9_])(ids|Ids|IDs)$/, (ids) => ids.slice(0, -1));
    if (one === undefined || one === key || !Array.isArray(value) || value.length === 0) return undefined;
    if (!value.every((item) => typeof item === 'string' || typeof item === 'number')) return undefined;
    const kind = this.#graph.kindOfField(one, scope.operation);
    if (!kind || kind.name === scope.exclude || !this.#graph.isObtainable(kind)) return undefined;
    const item = this.#reference(kind.name, one, scope.operation, scope.uses, scope.exclude);
    return item.kind === 'resource' ? { kind: 'array', items: [item] } : undefined;
  }

  #scalarField(
    key: string,
    value: string | number,
    schema: JsonSchema | undefined,
    scope: ValueScope,
  ): ValueExpr {
    const { operation, uses, exclude, parent } = scope;
    const flat = this.#context.flatten(schema);
    if (flat.enum || flat.const !== undefined) return { kind: 'literal', value };
    const listed = typeof value === 'string' ? this.#graph.listedKindNamed(key) : undefined;
    if (listed) return this.#reference(listed.name, key, operation, uses, exclude);
    const described =
      typeof value === 'string'
        ? this.#graph.kindDescribedBy(key, flat.description, operation.path)
        : undefined;
    if (described) {
      const alias = this.#namedByRole(operation, described) ? `other_${described.name}` : described.name;
      return this.#reference(described.name, key, operation, uses, exclude, undefined, alias);
    }
    if (!parent && idStem(key) && this.#graph.isOwnNewIdentifier(key, operation))
      return this.#newIdentifier(key, value, flat);
    if ((key === 'id' && typeof value === 'string') || idStem(key)) {
      // A top-level `id` names the collection's own kind; `customer: { id }` names a customer.
      const field = key === 'id' && parent ? `${parent}_id` : key;
      const kind =
        key === 'id' && !parent
          ? this.#graph.kindOfCollection(operation.path)
          : this.#graph.kindOfField(field, operation);
      if (kind || isIdLike(flat)) return this.#reference(kind?.name, field, operation, uses, exclude);
    }
    if (typeof value === 'string' && uniqueLooking(key, flat))
      return this.uniqueFor(key, flat) ?? { kind: 'literal', value };
    return { kind: 'literal', value };
  }

  /**
   * A run-unique string when the schema allows one (pattern, length), else undefined. A short
   * `maxLength` shortens the readable prefix first, then the run-unique part (never below 36^6).
   */
  uniqueFor(key: string, schema: JsonSchema): ValueExpr | undefined {
    // An email stays an email: `qa<run-unique>@example.com`.
    const suffix = emailLike(key, schema) ? (fieldMeaning(key)?.suffix ?? EMAIL_ENDING) : '';
    const stem = suffix ? 'qa' : key;
    const readable =
      (/^[a-z]/i.test(stem) ? stem.replace(/[^a-zA-Z0-9]/g, '') : 'item').slice(0, 12) || 'item';
    const maxLength = schema.maxLength ?? 64;
    const room = maxLength - suffix.length;
    const kept = Math.min(readable.length, Math.max(2, room - UNIQUE_SUFFIX_LENGTH));
    const random = Math.min(UNIQUE_SUFFIX_LENGTH, room - kept);
    if (random < LEARNED_UNIQUE_PART) return undefined;
    // A long minimum is met by the prefix: the run-unique part never grows past its ten characters.
    const prefix = fitLength(readable.slice(0, kept), (schema.minLength ?? 0) - random - suffix.length, room);
    return this.#checkedUnique({ prefix, random, suffix, maxLength }, schema);
  }

  /**
   * A value learned from the server (or proposed by the model) for a field servers keep unique:
   * its text and length stay, its end becomes run-unique, so the next run does not collide with it.
   */
  uniqueLike(value: string, key: string, schema: JsonSchema): ValueExpr | undefined {
    const at = value.lastIndexOf('@');
    const suffix = at > 0 && emailLike(key, schema) ? value.slice(at) : '';
    const text = suffix ? value.slice(0, at) : value;
    const length = Math.max(text.length, LEARNED_UNIQUE_PART + 2);
    const prefix = text.slice(0, length - LEARNED_UNIQUE_PART);
    const random = length - prefix.length;
    return this.#checkedUnique({ prefix, random, suffix, maxLength: length + suffix.length }, schema);
  }

  /** The unique expression, if a value of its shape passes the schema (pattern, length, format). */
  #checkedUnique(
    shape: { prefix: string; random: number; suffix: string; maxLength: number },
    schema: JsonSchema,
  ): ValueExpr | undefined {
    const { random, suffix, maxLength } = shape;
    // Digits and letters first (the runtime's base 36); a pattern that forbids digits gets
    // lower-case letters, then upper-case ones (`^[A-Z_]+$`), the readable prefix changed to match.
    for (const letters of [undefined, 'lower', 'upper'] as const) {
      const prefix = letters ? lettersOnly(shape.prefix, letters) : shape.prefix;
      const part = letters ? lettersOnly('abcdefghij', letters) : 'a1b2c3d4e5';
      const probe = `${prefix}${part.slice(0, random)}${suffix}`;
      if (probe.length > maxLength || (schema.minLength ?? 0) > probe.length) continue;
      if (schema.pattern && !safeTest(schema.pattern, probe)) continue;
      if (this.#context.isValid(schema, probe) === false) continue;
      return {
        kind: 'unique',
        prefix,
        maxLength,
        ...(suffix ? { suffix } : {}),
        ...(letters ? { letters } : {}),
      };
    }
    return undefined;
  }

  /** A repair's value as sent: a string for a unique-looking field stays unique per run. */
  #repairedValue(operation: ApiOperation, repair: ValueRepair): ValueExpr {
    const literal: ValueExpr = { kind: 'literal', value: repair.value };
    const key = repair.path.at(-1);
    if (typeof repair.value !== 'string' || key === undefined) return literal;
    const schema = this.#fieldSchema(operation.requestBody?.schema, repair.path);
    if (!schema || !(repair.unique || uniqueLooking(key, schema))) return literal;
    return this.uniqueLike(repair.value, key, schema) ?? literal;
  }

  /** The flattened schema of a body field (`['author', 'email']`, list indexes included). */
  #fieldSchema(root: JsonSchema | undefined, path: string[]): JsonSchema | undefined {
    let schema = root;
    for (const token of path) {
      const flat = this.#context.flatten(schema);
      schema = /^\d+$/.test(token) && flat.items ? flat.items : flat.properties?.[token];
      if (!schema) return undefined;
    }
    return this.#context.flatten(schema);
  }

  #scalar(
    name: string,
    schema: JsonSchema,
    operation: ApiOperation,
    uses: Map<string, ResourceUse>,
    exclude?: string,
  ): ValueExpr {
    const flat = this.#context.flatten(schema);
    const value = sampleValue(this.#context, schema, 0, name);
    if (!flat.enum && idStem(name)) {
      if (this.#graph.isOwnNewIdentifier(name, operation)) return this.#newIdentifier(name, value, flat);
      const kind = this.#graph.kindOfField(name, operation);
      if (kind || isIdLike(flat)) return this.#reference(kind?.name, name, operation, uses, exclude);
    }
    return { kind: 'literal', value };
  }

  /** The identifier a create chooses for the thing it makes: run-unique when it is text. */
  #newIdentifier(key: string, value: unknown, flat: JsonSchema): ValueExpr {
    return (typeof value === 'string' ? this.uniqueFor(key, flat) : undefined) ?? { kind: 'literal', value };
  }

  #reference(
    kindName: string | undefined,
    field: string,
    operation: ApiOperation,
    uses: Map<string, ResourceUse>,
    exclude: string | undefined,
    part?: string,
    alias = kindName,
  ): ValueExpr {
    const kind = kindName ? this.#graph.byName(kindName) : undefined;
    if (kind && alias && kind.name !== exclude && this.#graph.isObtainable(kind)) {
      uses.set(alias, { alias, resource: kind.name });
      return { kind: 'resource', alias, field: 'id', ...(part === undefined ? {} : { part }) };
    }
    return this.variable(field, operation);
  }

  /**
   * Whether a path parameter of `operation` holds one of `kind` under a role's name rather than
   * the kind's (`{child}` of `/features/{child}/dependencies`): a body field naming that kind then
   * names another one (the parent), not the one in the path.
   */
  #namedByRole(operation: ApiOperation, kind: ResourceKind): boolean {
    const noun = kind.noun ?? kind.name;
    return operation.parameters.some(
      (parameter) =>
        parameter.in === 'path' &&
        this.#graph.kindOfPathParameter(operation, parameter.name) === kind &&
        idStem(parameter.name) !== noun &&
        !namesKind(parameter.name, noun) &&
        !namesItself(parameter.name, noun) &&
        !new RegExp(`^${noun}[_-]?(name|slug|key|code|handle)$`, 'i').test(parameter.name),
    );
  }

  variable(name: string, operation: ApiOperation): ValueExpr {
    const existing = this.#variables.get(name);
    if (existing) {
      if (!existing.description.includes(operation.key) && existing.description.length < 300) {
        existing.description += `, ${operation.key}`;
      }
    } else {
      this.#variables.set(name, {
        name,
        env: suiteVariableEnv(name),
        description: `"${name}" the generator cannot create, used by ${operation.key}`,
        required: true,
        example: this.#given[name],
      });
    }
    return { kind: 'var', name };
  }
}

/**
 * Fields servers usually keep unique (a second create with the same value is refused): by name
 * (`email`, `username`, `slug`, `title`), by format (an email), or as the spec says in prose.
 */
export function uniqueLooking(key: string, schema: JsonSchema): boolean {
  if (schema.enum || schema.const !== undefined) return false;
  return (
    NAME_LIKE.test(key) ||
    fieldMeaning(key)?.unique === true ||
    emailLike(key, schema) ||
    /\bunique\b/i.test(schema.description ?? '')
  );
}

function emailLike(key: string, schema: JsonSchema): boolean {
  return fieldMeaning(key)?.kind === 'email' || EMAIL_FORMATS.has(schema.format ?? '');
}

/** The expression with `value` at `path`, objects created on the way (a field the server wants). */
function withRepair(expr: ValueExpr, path: string[], value: ValueExpr): ValueExpr {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (expr.kind === 'array' && /^\d+$/.test(head)) {
    const index = Number(head);
    if (index >= expr.items.length) return expr;
    const items = expr.items.map((item, at) => (at === index ? withRepair(item, rest, value) : item));
    return { kind: 'array', items };
  }
  // A repair named without the list index applies to the first item of a list body.
  if (expr.kind === 'array' && expr.items[0])
    return { kind: 'array', items: [withRepair(expr.items[0], path, value), ...expr.items.slice(1)] };
  const entries = expr.kind === 'object' ? expr.entries : {};
  const child = entries[head] ?? { kind: 'object', entries: {} };
  return { kind: 'object', entries: { ...entries, [head]: withRepair(child, rest, value) } };
}

interface ValueScope {
  operation: ApiOperation;
  uses: Map<string, ResourceUse>;
  exclude: string | undefined;
  /** The property holding the current object, if nested (`customer` in `{ customer: { id } }`). */
  parent: string | undefined;
}

function isIdLike(schema: JsonSchema): boolean {
  return (
    schema.format === 'uuid' ||
    schema.format === 'uuid4' ||
    schema.type === 'string' ||
    schema.type === 'integer'
  );
}

/**
 * Suite variables are read from `TESTOPS_VAR_<NAME>`: a bare `USERNAME` or `HOME` would pick up
 * the shell's own value.
 */
export const SUITE_VARIABLE_PREFIX = 'TESTOPS_VAR_';

export function suiteVariableEnv(name: string): string {
  return `${SUITE_VARIABLE_PREFIX}${envName(name)}`;
}

export function envName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^a-zA-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
}

/** The text's letters only, in one case: a readable prefix for a pattern that forbids digits. */
function lettersOnly(text: string, letters: 'lower' | 'upper'): string {
  const kept = text.replace(/[^a-zA-Z]/g, '');
  return letters === 'lower' ? kept.toLowerCase() : kept.toUpperCase();
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}
