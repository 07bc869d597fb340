import type { ApiOperation, ApiResponse } from '../../core/api-model.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import { errorShape } from './api-error-shape.ts';
import type { CaseDraft } from './case-set.ts';
import { act, arrange, check } from './manual-steps.ts';

// Authentication and authorisation, per operation that declares security: no or wrong
// credentials → the documented 401; a valid token without rights → the documented 403.

export function authCases(context: ApiCaseContext, operation: ApiOperation): CaseDraft[] {
  if (operation.security.length === 0) return [];
  const documented = (status: number) => operation.responses.find((response) => response.status === status);
  const unauthorized = documented(401);
  const forbidden = documented(403);
  return [
    ...(unauthorized ? [unauthorizedCase(context, operation, unauthorized)] : []),
    ...(forbidden ? [forbiddenCase(context, operation, forbidden)] : []),
  ];
}

function unauthorizedCase(
  context: ApiCaseContext,
  operation: ApiOperation,
  response: ApiResponse,
): CaseDraft {
  const samples = context.samplesFor(operation);
  const request = context.request(operation, context.validRequest(operation, samples));
  const base = context.base(operation, samples, 401);
  return {
    ...base,
    preconditions: [
      ...base.preconditions,
      'INVALID_TOKEN: a token that was never issued, e.g. API_TOKEN with its last character changed',
    ],
    title: `${operation.key}: request without a valid token is rejected (401)`,
    description: `Authentication of ${operation.key}: ${response.description}.`,
    kind: 'auth',
    priority: 'CRITICAL',
    steps: [
      ...context.obtainSteps(operation, samples),
      arrange('Use a client with no stored credentials: no Authorization header, no cookies'),
      act(`${request} without the Authorization header`, `401 — ${firstLine(response.description)}`),
      act(`${request} with the header Authorization: Bearer $INVALID_TOKEN`, '401 again'),
      check(
        'Check both response bodies',
        `Each is ${errorShape(context, response)} and holds no data of the ${label(context, operation)}`,
      ),
    ],
  };
}

function forbiddenCase(context: ApiCaseContext, operation: ApiOperation, response: ApiResponse): CaseDraft {
  const samples = context.samplesFor(operation);
  const request = context.request(operation, context.validRequest(operation, samples));
  const base = context.base(operation, samples, 403);
  return {
    ...base,
    title: `${operation.key}: token without access rights is rejected (403)`,
    description: `Authorisation of ${operation.key}: ${response.description}.`,
    kind: 'auth',
    priority: 'CRITICAL',
    preconditions: [
      ...base.preconditions,
      'OTHER_TOKEN: a valid token of a user who has no role in the project',
    ],
    steps: [
      ...context.obtainSteps(operation, samples),
      arrange('Send the request below with the header Authorization: Bearer $OTHER_TOKEN'),
      act(request, `403 — ${firstLine(response.description)}`),
      check('Check the response body', `It is ${errorShape(context, response)}; nothing was read or changed`),
    ],
  };
}

function label(context: ApiCaseContext, operation: ApiOperation): string {
  return context.resources.resourceOf(operation).label;
}

export function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/:\s*$/, '').trim();
}
