import { successResponse, type ApiModel, type ApiOperation } from '../core/api-model.ts';
import type { ExistingTest, OutdatedKind, OutdatedTest, TestRequest } from '../core/existing-test.ts';
import { absentFields, fieldPathExists } from './data-fields.ts';
import { OperationIndex } from './operation-index.ts';
import { SchemaFields } from './schema-fields.ts';
import { refOf } from './test-signature.ts';

type Problem = OutdatedTest['problems'][number];

const OPERATION_KEY = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)$/;
/** Helpers whose second argument is a field path in the response: `expect_field_equals(r, 'name', …)`. */
const RESPONSE_FIELD_CHECKS = new Set([
  'expect_field_equals',
  'expect_array_length',
  'expect_field',
  'expect_field_present',
]);

/**
 * Tests that reference what the current spec no longer has: operations (or methods) gone,
 * body fields, query or path parameters renamed, response fields they read, operations they
 * declare or name in schema checks. Deprecated operations are reported too.
 */
export function findOutdatedApiTests(tests: readonly ExistingTest[], model: ApiModel): OutdatedTest[] {
  const index = new OperationIndex(model);
  const fields = new SchemaFields(model);
  return tests.flatMap((test) => {
    const problems = unique([
      ...test.requests.flatMap((request, position) =>
        requestProblems(test, request, position, index, fields),
      ),
      ...declaredOperations(test).flatMap(({ key, line }) => declaredProblems(key, line, index)),
    ]);
    return problems.length > 0 ? [{ test: refOf(test), problems }] : [];
  });
}

function requestProblems(
  test: ExistingTest,
  request: TestRequest,
  position: number,
  index: OperationIndex,
  fields: SchemaFields,
): Problem[] {
  const match = index.match(request.method, request.path);
  const reference = `${request.method} ${request.path}`;
  if (match.kind === 'operation-missing')
    return [problem('operation-missing', reference, request.line, `the spec has no operation ${reference}`)];
  if (match.kind === 'method-missing') {
    const message = `the spec has ${match.path} only with ${match.methods.join(', ')}`;
    return [problem('method-missing', reference, request.line, message)];
  }
  const operation = match.operation;
  return [
    ...(operation.deprecated
      ? [
          problem(
            'operation-deprecated',
            operation.key,
            request.line,
            `${operation.key} is deprecated in the spec`,
          ),
        ]
      : []),
    ...absentFields(request.body, operation.requestBody?.schema, fields).map((path) =>
      problem(
        'field-missing',
        `${operation.key} body.${path}`,
        request.line,
        `the request body of ${operation.key} has no field "${path}"`,
      ),
    ),
    ...parameterProblems(request, operation),
    ...responseFieldProblems(test, request, position, operation, fields),
  ];
}

function parameterProblems(request: TestRequest, operation: ApiOperation): Problem[] {
  const check = (values: TestRequest['query'], where: 'query' | 'path') => {
    if (!values || typeof values !== 'object' || Array.isArray(values) || '$expr' in values) return [];
    const known = new Set(
      operation.parameters.filter((parameter) => parameter.in === where).map((parameter) => parameter.name),
    );
    return Object.keys(values)
      .filter((name) => !known.has(name))
      .map((name) =>
        problem(
          'parameter-missing',
          `${operation.key} ${where}.${name}`,
          request.line,
          `${operation.key} has no ${where} parameter "${name}"`,
        ),
      );
  };
  return [...check(request.query, 'query'), ...check(request.pathParams, 'path')];
}

function responseFieldProblems(
  test: ExistingTest,
  request: TestRequest,
  position: number,
  operation: ApiOperation,
  fields: SchemaFields,
): Problem[] {
  const status = request.expectedStatuses[0];
  const response =
    operation.responses.find((candidate) => candidate.status === status) ?? successResponse(operation);
  return test.assertions
    .filter((assertion) => assertion.request === position && RESPONSE_FIELD_CHECKS.has(assertion.kind))
    .flatMap((assertion) => {
      const path = assertion.args[0];
      if (typeof path !== 'string' || fieldPathExists(path, response?.schema, fields)) return [];
      const message = `the ${response?.status ?? ''} response of ${operation.key} has no field "${path}"`;
      return [
        problem('response-field-missing', `${operation.key} response.${path}`, assertion.line, message),
      ];
    });
}

/** Operations a test names: its `operation` label, and schema checks such as `expect_documented_schema(r, "GET /x")`. */
function declaredOperations(test: ExistingTest): { key: string; line: number }[] {
  const fromAssertions = test.assertions.flatMap((assertion) =>
    assertion.args.flatMap((arg) =>
      typeof arg === 'string' && OPERATION_KEY.test(arg) ? [{ key: arg, line: assertion.line }] : [],
    ),
  );
  return [...test.labels.operations.map((key) => ({ key, line: test.line })), ...fromAssertions];
}

function declaredProblems(key: string, line: number, index: OperationIndex): Problem[] {
  const [, method, path] = OPERATION_KEY.exec(key.trim()) ?? [];
  if (!method || !path || index.match(method, path).kind === 'found') return [];
  return [problem('operation-missing', key, line, `the test names ${key}, which the spec no longer has`)];
}

function problem(kind: OutdatedKind, reference: string, line: number, message: string): Problem {
  return { kind, reference, line, message };
}

/** One problem per kind and reference (the first line it was seen on). */
function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((entry) => {
    const key = `${entry.kind} ${entry.reference}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
