import type { ApiOperation } from '../../core/api-model.ts';
import { documentedStatuses } from '../../core/api-model.ts';
import type { ApiTestCase, RequestSpec, ResourceUse, ValueExpr } from '../../core/test-case.ts';
import { nameStem, namesKind } from '../../core/resource-names.ts';
import {
  act,
  bodyFields,
  describePath,
  fieldAt,
  literal,
  makeCase,
  responseAssertions,
  statusText,
  usesOf,
  validationStatuses,
  withField,
} from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';
import { invalidValues } from './invalid-values.ts';
import { missingResourceCase } from './missing-resource-cases.ts';
import { createdResource, trackCreated } from './positive-cases.ts';

const MAX_FIELD_CASES = 24;

/** Invalid input of every documented kind must be refused with a documented 4xx. */
export function negativeCases(context: GenerationContext, operation: ApiOperation): ApiTestCase[] {
  const base = context.requests.build(operation);
  const statuses = validationStatuses(operation);
  // A create that accepts the invalid input after all made something: removed afterwards, so a
  // value kept from one run ("12345") does not turn the next run's answer into a conflict.
  const made = trackCreated(createdResource(context, operation));
  // Each case creates exactly the resources its (mutated) request still refers to.
  const rejects = (
    what: string,
    request: RequestSpec,
    expected = statuses,
    coercedField?: string,
  ): ApiTestCase => {
    const uses = usesOf(request, base.uses);
    const testCase = makeCase({
      title: `${operation.key} rejects ${what} with ${statusText(expected)}`,
      kind: 'negative',
      operation,
      steps: [act(`${operation.key} with ${what}`, request, responseAssertions(operation, expected), made)],
      uses,
      priority: 'normal',
      covers: coveredStatuses(operation, expected).map((status) => `${operation.key} ${status}`),
      writesByResources: uses.length > 0,
    });
    return coercedField === undefined ? testCase : { ...testCase, coercible: true, coercedField };
  };
  return [
    ...queryCases(context, operation, base.request, rejects),
    ...bodyCases(context, operation, base.request, rejects),
    ...identityCases(context, operation, base, rejects),
  ];
}

/**
 * Malformed syntax answered with any client error is correct behaviour, whichever 4xx the
 * server picks: only a 2xx or a 5xx is a finding.
 */
function syntaxErrorStatuses(operation: ApiOperation): number[] {
  const documented = documentedStatuses(operation).filter((status) => status >= 400 && status < 500);
  return [...new Set([...CLIENT_ERRORS, ...documented])].sort((a, b) => a - b);
}

const CLIENT_ERRORS = [400, 401, 403, 404, 405, 406, 409, 411, 413, 415, 422];

/** Only documented behaviours count as covered (a 4xx range names many that are not). */
function coveredStatuses(operation: ApiOperation, expected: number[]): number[] {
  const documented = new Set(documentedStatuses(operation));
  const covered = expected.filter((status) => documented.has(status));
  return covered.length > 0 || expected.length <= 4 ? (covered.length > 0 ? covered : expected) : [400];
}

type Rejects = (
  what: string,
  request: RequestSpec,
  expected?: number[],
  coercedField?: string,
) => ApiTestCase;

function queryCases(
  context: GenerationContext,
  operation: ApiOperation,
  base: RequestSpec,
  rejects: Rejects,
): ApiTestCase[] {
  const cases: ApiTestCase[] = [];
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
    if (parameter.required) {
      const query = { ...base.query };
      delete query[parameter.name];
      cases.push(
        rejects(`a request without the required query parameter "${parameter.name}"`, { ...base, query }),
      );
    }
    for (const invalid of invalidValues(context.schemas, parameter.schema, { wire: 'text' })) {
      if (invalid.value !== null && typeof invalid.value === 'object') continue;
      const query = { ...base.query, [parameter.name]: literal(invalid.value) };
      cases.push(rejects(`query parameter "${parameter.name}" ${invalid.label}`, { ...base, query }));
    }
  }
  return cases.slice(0, MAX_FIELD_CASES);
}

function bodyCases(
  context: GenerationContext,
  operation: ApiOperation,
  base: RequestSpec,
  rejects: Rejects,
): ApiTestCase[] {
  if (base.body?.kind !== 'json' || !operation.requestBody) return [];
  const body = base.body.value;
  const cases: ApiTestCase[] = [];
  // No body at all is malformed input too: 400, 411, 415 or 422 are all a correct refusal.
  if (operation.requestBody.required)
    cases.push(
      rejects('a request without a body', { ...base, body: undefined }, syntaxErrorStatuses(operation)),
    );
  cases.push(
    rejects(
      'a malformed JSON body',
      {
        ...base,
        body: { kind: 'raw', text: '{"malformed": ', contentType: operation.requestBody.contentType },
      },
      syntaxErrorStatuses(operation),
    ),
  );
  const fieldCases: ApiTestCase[] = [];
  // Required fields first: they carry the rules a server most often forgets to enforce.
  const fields = bodyFields(context.schemas, operation).sort(
    (a, b) => Number(b.required) - Number(a.required),
  );
  for (const field of fields) {
    const where = `"${describePath(field.path)}"`;
    if (field.required && fieldAt(body, field.path)) {
      fieldCases.push(
        rejects(`a body without ${where}`, {
          ...base,
          body: { kind: 'json', value: withField(body, field.path, undefined) },
        }),
      );
    }
    for (const invalid of invalidValues(context.schemas, field.schema, { wire: 'json' })) {
      // A number sent for text may be kept as text: drawn per run, it collides with nothing.
      const sent: ValueExpr = invalid.coercible ? { kind: 'unique-number' } : literal(invalid.value);
      const value = withField(body, field.path, sent);
      fieldCases.push(
        rejects(
          `${where} ${invalid.label}`,
          { ...base, body: { kind: 'json', value } },
          undefined,
          invalid.coercible ? field.path.join('.') : undefined,
        ),
      );
    }
  }
  return [...cases, ...fieldCases.slice(0, MAX_FIELD_CASES)];
}

/** Unknown ids, malformed ids, and references to things that do not exist. */
function identityCases(
  context: GenerationContext,
  operation: ApiOperation,
  base: { request: RequestSpec; uses: ResourceUse[] },
  rejects: Rejects,
): ApiTestCase[] {
  const missing = missingResourceCase(context, operation);
  const cases: ApiTestCase[] = missing ? [missing] : [];
  const documented = documentedStatuses(operation);
  const lastParameter = [...operation.parameters].reverse().find((parameter) => parameter.in === 'path');
  if (lastParameter) {
    const name = lastParameter.name;
    const schema = context.schemas.flatten(lastParameter.schema);
    const isUuid = schema.format === 'uuid' || schema.format === 'uuid4';
    if (isUuid || schema.type === 'integer') {
      const malformed = isUuid ? 'not-a-uuid' : 'not-a-number';
      const expected = [
        ...new Set([...validationStatuses(operation), 404, ...documented.filter((status) => status === 400)]),
      ].sort();
      const pathParams = { ...base.request.pathParams, [name]: literal(malformed) };
      cases.push(rejects(`a malformed ${name} ("${malformed}")`, { ...base.request, pathParams }, expected));
    }
  }
  cases.push(...danglingReferenceCases(context, operation, base, rejects));
  return cases;
}

/** A body that points at a resource which does not exist (attach a disk to a missing VM). */
function danglingReferenceCases(
  context: GenerationContext,
  operation: ApiOperation,
  base: { request: RequestSpec; uses: ResourceUse[] },
  rejects: Rejects,
): ApiTestCase[] {
  if (base.request.body?.kind !== 'json') return [];
  const body = base.request.body.value;
  // Which documented refusal names a missing thing (400, 404, or a 403 hiding what exists) is the
  // server's choice: any of them passes, only an undocumented status or a success fails.
  const documented = documentedStatuses(operation).filter((status) =>
    [400, 403, 404, 409, 422].includes(status),
  );
  const expected = documented.length > 0 ? documented : [400, 404, 422];
  // A write that keeps a reference to nothing breaks the data; a query or an action given one
  // (evaluate flags in an unknown environment) breaks only what the document promises: with no
  // 404, 409 or 422 listed, a success there is no finding (unpromised-refusal.ts).
  const writes =
    operation.method === 'put' ||
    operation.method === 'patch' ||
    context.graph.kinds.some((kind) => kind.create?.key === operation.key);
  const refusalDocumented = documented.some((status) => [404, 409, 422].includes(status));
  return bodyFields(context.schemas, operation).flatMap((field) => {
    const value = fieldAt(body, field.path);
    if (value?.kind !== 'resource') return [];
    // `other_feature` is a second feature: the title names the kind.
    const kind = base.uses.find((use) => use.alias === value.alias)?.resource ?? value.alias;
    // Outside a write, a field named for the kind (`environment`, `projectId`) must name one that
    // exists where a refusal is documented; one linked only by its description (`appName`, "Name of
    // the application using the service") may name a new one (a client reporting its application
    // makes it known): a success there is no finding.
    const named = namedFor(String(field.path.at(-1) ?? ''), context.graph.byName(kind)?.noun ?? kind);
    const request = {
      ...base.request,
      body: { kind: 'json' as const, value: withField(body, field.path, { kind: 'random-uuid' }) },
    };
    const testCase = rejects(
      `"${describePath(field.path)}" that refers to a ${kind} which does not exist`,
      request,
      expected,
    );
    const promised = writes || (refusalDocumented && named);
    return [promised ? testCase : { ...testCase, missingResource: 'unpromised' as const }];
  });
}

/** `environment`, `environments`, `projectId`, `project_key` name a project or an environment by their own words. */
function namedFor(field: string, kind: string): boolean {
  return namesKind(field, kind) || nameStem(field) === kind;
}
