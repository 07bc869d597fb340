import type { ApiOperation } from '../../core/api-model.ts';
import { documentedStatuses, successResponse } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import type {
  ApiTestCase,
  Assertion,
  RequestSpec,
  ResourceUse,
  Step,
  ValueExpr,
} from '../../core/test-case.ts';
import { isWrite } from './request-builder.ts';
import type { SchemaContext } from './schema-context.ts';
import { primaryType } from './sample-value.ts';

export function statusText(statuses: number[]): string {
  if (statuses.length <= 1) return String(statuses[0] ?? '');
  if (statuses.length > 4 && statuses.every((status) => status >= 400 && status < 500)) return 'a 4xx';
  return `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`;
}

function documentedAmong(operation: ApiOperation, candidates: number[]): number[] {
  const documented = documentedStatuses(operation).filter((status) => candidates.includes(status));
  return documented.length > 0 ? documented : candidates;
}

/** What a server answers to invalid input: the documented 400/422, else either. */
export function validationStatuses(operation: ApiOperation): number[] {
  return documentedAmong(operation, [400, 422]);
}

export function authStatuses(operation: ApiOperation): number[] {
  return documentedAmong(operation, [401, 403]);
}

export function successStatus(operation: ApiOperation): number {
  const response = successResponse(operation);
  if (response && typeof response.status === 'number') return response.status;
  return operation.method === 'post' ? 201 : 200;
}

export function responseAssertions(operation: ApiOperation, statuses: number[]): Assertion[] {
  const assertions: Assertion[] = [{ kind: 'status', oneOf: statuses }];
  const documented = operation.responses.find(
    (response) => statuses.length === 1 && response.status === statuses[0],
  );
  if (documented?.contentType && documented.schema && /json/i.test(documented.contentType)) {
    assertions.push({ kind: 'content-type', mediaType: documented.contentType.split(';')[0]!.trim() });
  }
  assertions.push({ kind: 'documented-schema', operation: operation.key });
  return assertions;
}

export function act(
  title: string,
  request: RequestSpec,
  assertions: Assertion[],
  extra: Partial<Step> = {},
): Step {
  return { title, phase: 'act', request, assertions, saves: [], track: undefined, ...extra };
}

interface CaseInput {
  title: string;
  kind: ApiTestCase['kind'];
  operation: ApiOperation;
  steps: Step[];
  uses: ResourceUse[];
  priority: ApiTestCase['priority'];
  covers: string[];
  writesByResources: boolean;
}

export function makeCase(input: CaseInput): ApiTestCase {
  return {
    id: slug(input.title),
    title: input.title,
    kind: input.kind,
    operation: input.operation.key,
    group: input.operation.tag,
    uses: input.uses,
    steps: input.steps,
    writes: input.writesByResources || input.steps.some((step) => isWrite(step.request.method)),
    priority: input.priority,
    covers: input.covers,
  };
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
}

/** A body field a negative case can break: top-level, or inside the first item of a list body. */
export interface BodyField {
  name: string;
  /** Where it is in the body expression: `['size']`, `[0, 'state']`. */
  path: (string | number)[];
  schema: JsonSchema;
  required: boolean;
}

export function bodyFields(context: SchemaContext, operation: ApiOperation): BodyField[] {
  const body = operation.requestBody;
  if (!body || !/json/i.test(body.contentType)) return [];
  const root = context.flatten(body.schema);
  const [objectSchema, prefix] =
    primaryType(root) === 'array' ? [context.flatten(root.items), [0]] : [root, []];
  if (primaryType(objectSchema) !== 'object') return [];
  const required = new Set(objectSchema.required ?? []);
  return Object.entries(objectSchema.properties ?? {})
    .filter(([, schema]) => !context.flatten(schema).readOnly)
    .map(([name, schema]) => ({ name, path: [...prefix, name], schema, required: required.has(name) }));
}

/** Returns a copy of an expression with the value at `path` replaced, or removed when `value` is undefined. */
export function withField(
  expr: ValueExpr,
  path: (string | number)[],
  value: ValueExpr | undefined,
): ValueExpr {
  const [head, ...rest] = path;
  if (head === undefined) return value ?? expr;
  if (expr.kind === 'array' && typeof head === 'number') {
    const items = [...expr.items];
    const current = items[head] ?? { kind: 'object', entries: {} };
    items[head] = withField(current, rest, value);
    return { kind: 'array', items };
  }
  if (expr.kind === 'object' && typeof head === 'string') {
    const entries = { ...expr.entries };
    if (rest.length === 0) {
      if (value === undefined) delete entries[head];
      else entries[head] = value;
    } else {
      entries[head] = withField(entries[head] ?? { kind: 'object', entries: {} }, rest, value);
    }
    return { kind: 'object', entries };
  }
  return expr;
}

export function fieldAt(expr: ValueExpr | undefined, path: (string | number)[]): ValueExpr | undefined {
  let current = expr;
  for (const token of path) {
    if (!current) return undefined;
    if (current.kind === 'array' && typeof token === 'number') current = current.items[token];
    else if (current.kind === 'object' && typeof token === 'string') current = current.entries[token];
    else return undefined;
  }
  return current;
}

export function literal(value: unknown): ValueExpr {
  return { kind: 'literal', value };
}

export function describePath(path: (string | number)[]): string {
  return path.filter((token) => typeof token === 'string').join('.');
}

/** The resources a request refers to, in the order they are declared in `candidates`. */
export function usesOf(request: RequestSpec, candidates: ResourceUse[]): ResourceUse[] {
  const aliases = new Set<string>();
  const visit = (expr: ValueExpr | undefined): void => {
    if (!expr) return;
    if (expr.kind === 'resource') aliases.add(expr.alias);
    if (expr.kind === 'object') Object.values(expr.entries).forEach(visit);
    if (expr.kind === 'array') expr.items.forEach(visit);
  };
  [...Object.values(request.pathParams), ...Object.values(request.query)].forEach(visit);
  if (request.body?.kind === 'json') visit(request.body.value);
  return candidates.filter((use) => aliases.has(use.alias));
}

/** A copy of an expression with every reference to `alias` replaced. */
export function replaceResource(expr: ValueExpr, alias: string, replacement: ValueExpr): ValueExpr {
  switch (expr.kind) {
    case 'resource':
      return expr.alias === alias ? replacement : expr;
    case 'object':
      return {
        kind: 'object',
        entries: Object.fromEntries(
          Object.entries(expr.entries).map(([key, value]) => [
            key,
            replaceResource(value, alias, replacement),
          ]),
        ),
      };
    case 'array':
      return { kind: 'array', items: expr.items.map((item) => replaceResource(item, alias, replacement)) };
    default:
      return expr;
  }
}
