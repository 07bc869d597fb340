import type { ApiOperation } from '../../core/api-model.ts';
import { STRONG_PASSWORD } from '../../core/field-values.ts';
import { successResponse } from '../../core/api-model.ts';
import type { JsonSchema } from '../../core/json-schema.ts';
import { kindOf } from '../../core/resource-id-path.ts';
import { staticSegments } from '../../core/resource-names.ts';
import type { SignInFlow, Step, ValueExpr } from '../../core/test-case.ts';
import { act, successStatus } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';

const LOGIN = /^(login|log[-_]?in|sign[-_]?in|token|tokens|session|sessions|authenticate|auth)$/i;
const REGISTER = /^(register|registration|sign[-_]?up|users?|accounts?)$/i;
const PASSWORD = /^(password|passwd|pass)$/i;
const TOKEN = /^(token|access[-_]?token|id[-_]?token|auth[-_]?token|jwt|api[-_]?key)$/i;
const EMAIL = /e-?mail/i;
const USERNAME = /^(user[-_]?name|login|handle|nick(name)?)$/i;
const MAX_DEPTH = 3;

/**
 * A register → log-in flow read from the spec, so the suite signs in with an account of its own
 * when no token is given: registration sends run-unique credentials, the log-in sends the same
 * ones, and the token is read where the log-in response keeps it (envelopes included).
 */
export function signInFlow(context: GenerationContext): SignInFlow | undefined {
  const posts = context.model.operations.filter(
    (operation) => operation.method === 'post' && operation.security.length === 0,
  );
  const login = posts.find(
    (operation) => LOGIN.test(lastSegment(operation)) && hasPassword(context, operation),
  );
  const register = posts.find(
    (operation) =>
      operation !== login && REGISTER.test(lastSegment(operation)) && hasPassword(context, operation),
  );
  if (!register) return undefined;
  const registerStep = registrationStep(context, register);
  const loginTokenPath = login ? fieldPath(context, successResponse(login)?.schema, TOKEN) : undefined;
  if (login && loginTokenPath) {
    return { steps: [registerStep, loginStep(context, login, registerStep)], tokenPath: loginTokenPath };
  }
  // No log-in operation (or one that answers no token): some APIs answer the token on registration.
  const registerTokenPath = fieldPath(context, successResponse(register)?.schema, TOKEN);
  return registerTokenPath ? { steps: [registerStep], tokenPath: registerTokenPath } : undefined;
}

function registrationStep(context: GenerationContext, register: ApiOperation): Step {
  const built = context.requests.build(register).request;
  const body = built.body?.kind === 'json' ? withUniqueCredentials(built.body.value) : undefined;
  const request = {
    ...built,
    auth: 'none' as const,
    body: body ? { kind: 'json' as const, value: body } : undefined,
  };
  const saves = leaves(body).map((leaf) => ({ name: leaf.name, path: leaf.path, from: 'body' as const }));
  return act(`register an account of the suite's own (${register.key})`, request, statusOf(register), {
    saves,
  });
}

function loginStep(context: GenerationContext, login: ApiOperation, registered: Step): Step {
  const built = context.requests.build(login).request;
  const saved = new Set(registered.saves.map((save) => save.name));
  // The same credentials as registration: every field both bodies have is the value sent then.
  const body = built.body?.kind === 'json' ? reuse(built.body.value, saved) : undefined;
  const request = {
    ...built,
    auth: 'none' as const,
    body: body ? { kind: 'json' as const, value: body } : undefined,
  };
  return act(`log in with it (${login.key})`, request, statusOf(login));
}

function statusOf(operation: ApiOperation) {
  return [{ kind: 'status' as const, oneOf: [successStatus(operation)] }];
}

function withUniqueCredentials(expr: ValueExpr, key = ''): ValueExpr {
  if (expr.kind === 'object')
    return {
      kind: 'object',
      entries: Object.fromEntries(
        Object.entries(expr.entries).map(([name, value]) => [name, withUniqueCredentials(value, name)]),
      ),
    };
  if (expr.kind !== 'literal' && expr.kind !== 'unique') return expr;
  if (EMAIL.test(key)) return { kind: 'unique', prefix: 'testops', maxLength: 40, suffix: '@example.com' };
  if (USERNAME.test(key)) return { kind: 'unique', prefix: 'testops', maxLength: 30 };
  // Password policies want length and mixed characters; this account is the suite's own.
  if (PASSWORD.test(key) && expr.kind === 'literal' && String(expr.value).length < STRONG_PASSWORD.length)
    return { kind: 'literal', value: STRONG_PASSWORD };
  return expr;
}

function reuse(expr: ValueExpr, saved: Set<string>, key = ''): ValueExpr {
  if (expr.kind === 'object')
    return {
      kind: 'object',
      entries: Object.fromEntries(
        Object.entries(expr.entries).map(([name, value]) => [name, reuse(value, saved, name)]),
      ),
    };
  return saved.has(key) && expr.kind !== 'array' ? { kind: 'saved', name: key } : expr;
}

/** Scalar fields of a body with where they are: `{user: {email}}` → `email` at `user.email`. */
function leaves(expr: ValueExpr | undefined, prefix = ''): { name: string; path: string }[] {
  if (expr?.kind !== 'object') return [];
  return Object.entries(expr.entries).flatMap(([name, value]) =>
    value.kind === 'object'
      ? leaves(value, `${prefix}${name}.`)
      : value.kind === 'array'
        ? []
        : [{ name, path: `${prefix}${name}` }],
  );
}

function hasPassword(context: GenerationContext, operation: ApiOperation): boolean {
  const body = operation.requestBody;
  return (
    body !== undefined &&
    /json/i.test(body.contentType) &&
    fieldPath(context, body.schema, PASSWORD) !== undefined
  );
}

/** Where a field whose name matches is in a schema: `token`, `user.token`, `data.access_token`. */
function fieldPath(
  context: GenerationContext,
  schema: JsonSchema | undefined,
  name: RegExp,
  depth = 0,
): string | undefined {
  if (!schema || depth > MAX_DEPTH) return undefined;
  const properties = context.schemas.flatten(schema).properties ?? {};
  const direct = Object.keys(properties).find(
    (key) => name.test(key) && kindOf(context.schemas.flatten(properties[key])) === 'string',
  );
  if (direct) return direct;
  for (const [key, property] of Object.entries(properties)) {
    if (kindOf(context.schemas.flatten(property)) !== 'object') continue;
    const inner = fieldPath(context, property, name, depth + 1);
    if (inner) return `${key}.${inner}`;
  }
  return undefined;
}

function lastSegment(operation: ApiOperation): string {
  return staticSegments(operation.path).at(-1) ?? '';
}
