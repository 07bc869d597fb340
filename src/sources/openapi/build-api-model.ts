import type {
  ApiModel,
  ApiOperation,
  ApiParameter,
  ApiRequestBody,
  ApiResponse,
  ApiSecurity,
  HttpMethod,
  OperationIssue,
} from '../../core/api-model.ts';
import { TestopsError, describeError } from '../../core/errors.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import { pointerOf, resolvePointer } from '../../core/json-pointer.ts';
import { convertSchema, isObject } from './convert-schema.ts';
import type { LoadedSpec } from './load-spec.ts';
import { MAX_REF_CHAIN } from './document-limits.ts';
import { ReferenceChecker } from './reference-checker.ts';
import { DanglingReferences, relaxOperation, type DanglingReference } from './dangling-references.ts';

const METHODS: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const COMPONENT_SCHEMA_PREFIX = '#/components/schemas/';
/** Levels an inlined schema may reach, foreign `$ref` hops included: recursion must stay bounded. */
const MAX_INLINE_DEPTH = 1_000;

/**
 * Builds the API model. One broken operation (a malformed parameter, a runaway `$ref` chain)
 * becomes an issue and is skipped; every other operation is modelled. A dangling schema `$ref`
 * only degrades its operation: that part becomes unconstrained and a warning says where.
 */
export function buildApiModel(spec: LoadedSpec): ApiModel {
  const document = spec.document;
  const dialect = spec.sourceVersion === '3.1' ? '3.1' : '3.0';
  const paths = document['paths'];
  if (!isObject(paths)) {
    throw new TestopsError('TESTOPS_SPEC_INVALID', 'the spec has no "paths" object', {
      where: `${spec.location}#/paths`,
      expected: 'an object mapping paths such as "/users/{id}" to operations',
      hint: 'add at least one path; a spec with only components describes no operation to test.',
    });
  }
  const components = isObject(document['components']) ? document['components'] : {};
  const rawSchemas = isObject(components['schemas']) ? components['schemas'] : {};
  const dangling = new DanglingReferences(rawSchemas, document);
  const relaxedSchemas = Object.fromEntries(
    Object.entries(rawSchemas).map(([name, schema]) => [name, dangling.relax(schema, '')]),
  );
  const context: ModelContext = {
    document,
    dialect,
    inliner: (schema) => inlineForeignRefs(schema, { document, dialect, seen: new Set(), depth: 0 }),
    references: new ReferenceChecker(relaxedSchemas),
  };
  const schemas = Object.fromEntries(
    Object.entries(relaxedSchemas).map(([name, schema]) => [
      name,
      componentSchema(context, schema, `${spec.location}${pointerOf('components', 'schemas', name)}`),
    ]),
  );
  const operations: ApiOperation[] = [];
  const issues: OperationIssue[] = [...spec.referenceIssues];
  const warnings: OperationIssue[] = [];
  const brokenByReference = new Set(spec.referenceIssues.map((issue) => issue.operation));
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const raw = pathItem[method];
      if (!isObject(raw)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      if (brokenByReference.has(key)) continue;
      const pointer = pointerOf('paths', path, method);
      try {
        const unresolved: DanglingReference[] = [];
        const leftOut: DanglingReference[] = [];
        const built = buildOperation({
          context,
          path,
          method,
          pathItem,
          raw,
          key,
          pointer,
          unresolved,
          leftOut,
        });
        const { operation, reached } = relaxOperation(built, dangling);
        const problem = context.references.firstProblem(operation, pointer);
        if (problem) issues.push({ operation: key, ...problem });
        else {
          operations.push(operation);
          warnings.push(...reached.map((reference) => unconstrained(key, reference)));
          warnings.push(...unresolved.map((reference) => unconstrainedPart(key, reference)));
          warnings.push(...leftOut.map((reference) => parameterLeftOut(key, reference)));
        }
      } catch (error) {
        issues.push({ operation: key, pointer, message: describeError(error) });
      }
    }
  }
  const info = isObject(document['info']) ? document['info'] : {};
  return {
    title: typeof info['title'] === 'string' ? info['title'] : 'API',
    version: typeof info['version'] === 'string' ? info['version'] : '',
    sourceVersion: spec.sourceVersion,
    servers: serversOf(document),
    operations,
    issues,
    warnings,
    schemaDocument: { components: { schemas } },
    schemaDialect: dialect === '3.1' ? '2020-12' : 'draft-07',
  };
}

function unconstrained(operation: string, reference: DanglingReference): OperationIssue {
  return danglingWarning(
    operation,
    reference,
    'that part is tested as unconstrained (any value), the rest of the operation as documented',
    reference.ref.startsWith(COMPONENT_SCHEMA_PREFIX)
      ? `add "${reference.ref.slice(COMPONENT_SCHEMA_PREFIX.length)}" under components.schemas`
      : undefined,
  );
}

/** A response or request body whose `$ref` names nothing: documented, its content unconstrained. */
function unconstrainedPart(operation: string, reference: DanglingReference): OperationIssue {
  return danglingWarning(
    operation,
    reference,
    'that part is tested as unconstrained (documented, any content), the rest of the operation as documented',
  );
}

/**
 * A parameter whose `$ref` names nothing: its name and location are unknown, so it is not sent.
 * A path template variable it may have declared is still filled, as an unconstrained string.
 */
function parameterLeftOut(operation: string, reference: DanglingReference): OperationIssue {
  return danglingWarning(
    operation,
    reference,
    'that parameter is left out (its name and location are unknown; a path variable it declares ' +
      'is sent as any string), the rest of the operation is tested as documented',
  );
}

/** One wording for every `$ref` that names nothing: where, what the run does instead, the fix. */
function danglingWarning(
  operation: string,
  reference: DanglingReference,
  consequence: string,
  tip = `add ${dotted(reference.ref)}`,
): OperationIssue {
  return {
    operation,
    pointer: reference.pointer,
    message: `${reference.pointer}: $ref "${reference.ref}" does not resolve; ${consequence}. Tip: ${tip} or fix the reference.`,
  };
}

/** `#/components/responses/Gone` → `components.responses.Gone`: how a tip names a place. */
function dotted(ref: string): string {
  return ref.replace(/^#\//, '').split('/').join('.');
}

interface ModelContext {
  document: Record<string, unknown>;
  dialect: '3.0' | '3.1';
  inliner: (schema: unknown) => JsonSchema;
  references: ReferenceChecker;
}

interface OperationInput {
  context: ModelContext;
  path: string;
  method: HttpMethod;
  pathItem: Record<string, unknown>;
  raw: Record<string, unknown>;
  key: string;
  pointer: string;
  /** Where responses and bodies whose `$ref` names nothing are collected (see danglingAt). */
  unresolved: DanglingReference[];
  /** Parameters whose `$ref` names nothing: left out of the operation. */
  leftOut: DanglingReference[];
}

function buildOperation(input: OperationInput): ApiOperation {
  const { context, path, method, raw, key, pointer, unresolved } = input;
  const responses = buildResponses(context, raw['responses'], pointer, unresolved);
  return {
    key,
    method,
    path,
    operationId: typeof raw['operationId'] === 'string' ? raw['operationId'] : undefined,
    summary: typeof raw['summary'] === 'string' ? raw['summary'] : undefined,
    ...(typeof raw['description'] === 'string' ? { description: raw['description'] } : {}),
    tag: tagOf(raw, path),
    pointer,
    parameters: buildParameters(input),
    requestBody: buildRequestBody(context, raw['requestBody'], pointer, unresolved),
    responses,
    security: buildSecurity(context.document, raw),
    deprecated: raw['deprecated'] === true,
  };
}

function buildParameters(input: OperationInput): ApiParameter[] {
  const { context, path, pathItem, raw, pointer, leftOut } = input;
  const byKey = new Map<string, ApiParameter>();
  const declared = [
    ...(Array.isArray(pathItem['parameters'])
      ? pathItem['parameters'].map((entry, index) => ({
          entry,
          where: `${pathItemPointer(pointer)}/parameters/${index}`,
        }))
      : []),
    ...(Array.isArray(raw['parameters'])
      ? raw['parameters'].map((entry, index) => ({ entry, where: `${pointer}/parameters/${index}` }))
      : []),
  ];
  declared.forEach(({ entry, where }) => {
    const missing = danglingAt(context.document, entry, where);
    if (missing) {
      leftOut.push(missing);
      return;
    }
    const parameter = deref(context.document, entry, where);
    const location = parameter['in'];
    const name = parameter['name'];
    if (typeof name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(String(location))) {
      throw new Error(
        `${where}: a parameter needs "name" and "in" (path, query, header or cookie). ` +
          'Tip: fix or remove that parameter.',
      );
    }
    byKey.set(`${location}:${name}`, {
      name,
      in: location as ApiParameter['in'],
      required: location === 'path' ? true : parameter['required'] === true,
      schema: context.inliner(convertSchema(parameterSchema(parameter), context.dialect)),
      explode: parameter['explode'] !== false,
      example: parameter['example'],
    });
  });
  // A template variable with no declaration still needs a value; a string is the safe guess.
  for (const match of path.matchAll(/\{([^}]+)\}/g)) {
    const name = match[1]!;
    if (!byKey.has(`path:${name}`)) {
      byKey.set(`path:${name}`, {
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
        explode: false,
        example: undefined,
      });
    }
  }
  return [...byKey.values()];
}

/** `#/paths/~1a/get` → `#/paths/~1a`: path-level parameters are written on the path item. */
function pathItemPointer(operationPointer: string): string {
  return operationPointer.slice(0, operationPointer.lastIndexOf('/'));
}

function parameterSchema(parameter: Record<string, unknown>): unknown {
  if (isObject(parameter['schema'])) return parameter['schema'];
  const content = parameter['content'];
  if (isObject(content)) {
    const first = Object.values(content)[0];
    if (isObject(first) && isObject(first['schema'])) return first['schema'];
  }
  return { type: 'string' };
}

function buildRequestBody(
  context: ModelContext,
  raw: unknown,
  pointer: string,
  unresolved: DanglingReference[],
): ApiRequestBody | undefined {
  if (raw === undefined) return undefined;
  const missing = danglingAt(context.document, raw, `${pointer}/requestBody`);
  if (missing) {
    // Sent as JSON without constraints: the body the operation documents is unknown, not absent.
    unresolved.push(missing);
    return { required: false, contentType: 'application/json', schema: {}, example: undefined };
  }
  const body = deref(context.document, raw, `${pointer}/requestBody`);
  const content = isObject(body['content']) ? body['content'] : {};
  const contentType = pickMediaType(Object.keys(content));
  if (!contentType) return undefined;
  const media = isObject(content[contentType]) ? content[contentType] : {};
  const examples = isObject(media['examples']) ? Object.values(media['examples']) : [];
  const firstExample = examples
    .map((example) => (isObject(example) ? example['value'] : undefined))
    .find((v) => v !== undefined);
  return {
    required: body['required'] === true,
    contentType,
    schema: context.inliner(convertSchema(media['schema'] ?? {}, context.dialect)),
    example: media['example'] ?? firstExample,
  };
}

function buildResponses(
  context: ModelContext,
  raw: unknown,
  pointer: string,
  unresolved: DanglingReference[],
): ApiResponse[] {
  if (!isObject(raw) || Object.keys(raw).length === 0) {
    throw new Error(
      `${pointer}/responses: no responses are documented. Expected at least the success response. ` +
        'Tip: add e.g. "200" with its content schema.',
    );
  }
  return Object.entries(raw).map(([status, value]) => {
    const missing = danglingAt(context.document, value, `${pointer}/responses/${status}`);
    if (missing) {
      unresolved.push(missing);
      return {
        status: parseStatus(status),
        description: '',
        contentType: undefined,
        schema: undefined,
        links: [],
      };
    }
    const response = deref(context.document, value, `${pointer}/responses/${status}`);
    const content = isObject(response['content']) ? response['content'] : {};
    const contentType = pickMediaType(Object.keys(content));
    const media = contentType && isObject(content[contentType]) ? content[contentType] : {};
    return {
      status: parseStatus(status),
      description: typeof response['description'] === 'string' ? response['description'] : '',
      contentType,
      schema:
        media['schema'] === undefined
          ? undefined
          : context.inliner(convertSchema(media['schema'], context.dialect)),
      links: linksOf(context.document, response['links']),
    };
  });
}

function linksOf(document: Record<string, unknown>, raw: unknown): ApiResponse['links'] {
  if (!isObject(raw)) return [];
  return Object.values(raw).flatMap((value) => {
    const link =
      isObject(value) && typeof value['$ref'] === 'string' ? resolvePointer(document, value['$ref']) : value;
    if (!isObject(link) || typeof link['operationId'] !== 'string') return [];
    const parameters = isObject(link['parameters']) ? link['parameters'] : {};
    const expressions = Object.entries(parameters).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    return [
      {
        operationId: link['operationId'],
        parameters: Object.fromEntries(
          expressions.map(([name, expression]) => [name.replace(/^path\./, ''), expression]),
        ),
      },
    ];
  });
}

function parseStatus(status: string): ApiResponse['status'] {
  if (/^\d{3}$/.test(status)) return Number(status);
  const upper = status.toUpperCase();
  if (/^[1-5]XX$/.test(upper)) return upper as ApiResponse['status'];
  return 'default';
}

/** JSON first (any `+json` too), then whatever is documented. */
function pickMediaType(types: string[]): string | undefined {
  return (
    types.find((type) => /^application\/json\b/i.test(type)) ??
    types.find((type) => /\+json\b/i.test(type)) ??
    types.find((type) => type === '*/*') ??
    types[0]
  );
}

function buildSecurity(document: Record<string, unknown>, raw: Record<string, unknown>): ApiSecurity[] {
  const requirements = Array.isArray(raw['security'])
    ? raw['security']
    : Array.isArray(document['security'])
      ? document['security']
      : [];
  // An empty requirement `{}` means "no auth is also fine": nothing to enforce then.
  if (requirements.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0))
    return [];
  const components = isObject(document['components']) ? document['components'] : {};
  const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  return requirements.flatMap((requirement) =>
    isObject(requirement) ? Object.keys(requirement).map((name) => securityOf(name, schemes[name])) : [],
  );
}

function securityOf(name: string, raw: unknown): ApiSecurity {
  const scheme = isObject(raw) ? raw : {};
  const type = String(scheme['type'] ?? '');
  const httpScheme = String(scheme['scheme'] ?? '').toLowerCase();
  if (type === 'http' && httpScheme === 'bearer') return { scheme: name, kind: 'bearer', prefix: 'Bearer' };
  if (type === 'http' && httpScheme === 'basic') return { scheme: name, kind: 'basic' };
  // Any other HTTP scheme (`Token`, `JWT`) is a token after that word, as written in the spec.
  if (type === 'http' && /^[A-Za-z][\w.-]*$/.test(String(scheme['scheme'] ?? '')))
    return { scheme: name, kind: 'bearer', prefix: String(scheme['scheme']) };
  if (type === 'apiKey') {
    const location = String(scheme['in'] ?? 'header') as 'header' | 'query' | 'cookie';
    const keyName = String(scheme['name'] ?? 'X-API-Key');
    const prefix =
      location === 'header' && /^authorization$/i.test(keyName) ? tokenPrefix(scheme) : undefined;
    if (prefix) return { scheme: name, kind: 'bearer', prefix };
    return { scheme: name, kind: 'api-key', in: location, name: keyName };
  }
  if (type === 'oauth2') return { scheme: name, kind: 'oauth2' };
  if (type === 'openIdConnect') return { scheme: name, kind: 'openid' };
  return { scheme: name, kind: 'other' };
}

/**
 * An API key sent in `Authorization` usually has a scheme word the spec names only in prose:
 * "Prefix the token with \"Token \"" → `Token`.
 */
function tokenPrefix(scheme: Record<string, unknown>): string | undefined {
  const description = String(scheme['description'] ?? '');
  const quoted = /prefix[^"'`]*["'`]([A-Za-z][\w.-]*) ?["'`]/i.exec(description)?.[1];
  return quoted ?? /\b(Bearer|Token|JWT)\s+(<|\{|\$|\w*token)/i.exec(description)?.[1];
}

function tagOf(raw: Record<string, unknown>, path: string): string {
  const tags = raw['tags'];
  if (Array.isArray(tags) && typeof tags[0] === 'string' && tags[0].trim()) return tags[0].trim();
  const segment = path
    .split('/')
    .find((part) => part && !/^v\d/i.test(part) && part !== 'api' && !part.startsWith('{'));
  return segment ?? 'default';
}

function serversOf(document: Record<string, unknown>): string[] {
  const servers = document['servers'];
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((server) =>
    isObject(server) && typeof server['url'] === 'string' ? [server['url']] : [],
  );
}

/**
 * The reference a `$ref` chain ends on when it names nothing (with where it was written); cycles
 * and chains too long are left to deref, which reports them.
 */
function danglingAt(
  document: Record<string, unknown>,
  value: unknown,
  where: string,
): DanglingReference | undefined {
  let current = value;
  let pointer = where;
  for (
    let hops = 0;
    isObject(current) && typeof current['$ref'] === 'string' && hops < MAX_REF_CHAIN;
    hops++
  ) {
    const ref = current['$ref'];
    const target = resolvePointer(document, ref);
    if (target === undefined) return { pointer: `${pointer}/$ref`, ref };
    current = target;
    pointer = ref;
  }
  return undefined;
}

/** Follows `$ref` chains of parameters, bodies and responses (not schemas). */
function deref(document: Record<string, unknown>, value: unknown, where: string): Record<string, unknown> {
  let current = value;
  const seen = new Set<string>();
  while (isObject(current) && typeof current['$ref'] === 'string') {
    const ref = current['$ref'];
    if (seen.has(ref))
      throw new Error(`${where}: $ref "${ref}" points back to itself through a cycle. Tip: break the cycle.`);
    if (seen.size >= MAX_REF_CHAIN) throw refChainTooDeep(where, ref);
    seen.add(ref);
    const target = resolvePointer(document, ref);
    if (target === undefined) {
      throw new Error(
        `${where}: $ref "${ref}" does not resolve. Expected an object at ${ref}. Tip: add it or fix the reference.`,
      );
    }
    current = target;
  }
  return isObject(current) ? current : {};
}

function refChainTooDeep(where: string, ref: string): Error {
  return new Error(
    `${where}: a $ref chain deeper than ${MAX_REF_CHAIN} at ${ref}. Expected at most ${MAX_REF_CHAIN} ` +
      'references followed one after another. Tip: point the $ref at the final object directly.',
  );
}

/** A component schema is shared by the whole document: one it cannot model fails the spec. */
function componentSchema(context: ModelContext, schema: unknown, where: string): JsonSchema {
  try {
    // Converted like every other schema: an OpenAPI 3.0 `nullable` left in a component is a
    // keyword only some validators know (ajv does, Python's jsonschema does not).
    return context.inliner(convertSchema(schema, context.dialect));
  } catch (error) {
    throw new TestopsError('TESTOPS_SPEC_TOO_COMPLEX', describeError(error), {
      where,
      expected: `schemas whose $ref chains are at most ${MAX_REF_CHAIN} long`,
      hint: 'point $refs at their final schema, or move shared schemas under components.schemas.',
      cause: error,
    });
  }
}

interface InlineScope {
  document: Record<string, unknown>;
  dialect: '3.0' | '3.1';
  /** Foreign references being inlined: the chain so far. */
  seen: Set<string>;
  depth: number;
}

/**
 * Schemas may point anywhere in the document (`#/paths/.../schema`); only component schema
 * references are kept as references, others are copied in place (cycles end in `{}`).
 */
function inlineForeignRefs(node: unknown, scope: InlineScope): JsonSchema {
  return walk(node, scope.depth) as JsonSchema;
  function walk(value: unknown, depth: number): unknown {
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    if (!isObject(value)) return value;
    if (depth > MAX_INLINE_DEPTH)
      throw new Error(`a schema nested deeper than ${MAX_INLINE_DEPTH} levels, counting $ref hops`);
    const ref = value['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#') && !ref.startsWith(COMPONENT_SCHEMA_PREFIX)) {
      if (scope.seen.has(ref)) return {};
      if (scope.seen.size >= MAX_REF_CHAIN) throw refChainTooDeep('a schema', ref);
      const target = resolvePointer(scope.document, ref);
      if (target === undefined) return value;
      return inlineForeignRefs(convertSchema(target, scope.dialect), {
        ...scope,
        seen: new Set([...scope.seen, ref]),
        depth: depth + 1,
      });
    }
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, walk(child, depth + 1)]));
  }
}
