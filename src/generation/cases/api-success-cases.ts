import type { ApiOperation, ApiResponse } from '../../core/api-model.ts';
import type { ManualStep } from '../../core/manual-case.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import { fieldOf, renderJson } from './api-requests.ts';
import type { SampleValues } from './api-sample-values.ts';
import type { CaseDraft } from './case-set.ts';
import { priorityOf } from './case-priority.ts';
import { act, arrange, check } from './manual-steps.ts';

/** The documented success of an operation: the exact status, the schema, the fields echoed back. */
export function successCase(context: ApiCaseContext, operation: ApiOperation): CaseDraft | undefined {
  const success = context.success(operation);
  if (!success || typeof success.status !== 'number') return undefined;
  const samples = context.samplesFor(operation);
  const request = context.validRequest(operation, samples);
  const steps = [
    ...authSteps(operation),
    ...context.obtainSteps(operation, samples),
    act(context.request(operation, request), `${success.status} ${contentOf(success)}`),
    ...successChecks(context, operation, success, request.body),
  ];
  const role = roleText(context, operation);
  return {
    ...context.base(operation, samples, success.status),
    title: `${operation.key}: ${role} (${success.status})`,
    description: `${operation.summary ?? operation.key}: the documented success response ${success.status} (${success.description}).`,
    kind: 'positive',
    priority: priorityOf(role),
    steps,
  };
}

export function authSteps(operation: ApiOperation): ManualStep[] {
  if (operation.security.length === 0) return [];
  const auth = operation.security[0]!;
  const header =
    auth.kind === 'api-key' && auth.name ? `${auth.name}: $API_TOKEN` : 'Authorization: Bearer $API_TOKEN';
  return [arrange(`Send every request below with the header ${header}`)];
}

function successChecks(
  context: ApiCaseContext,
  operation: ApiOperation,
  success: ApiResponse,
  body: unknown,
): ManualStep[] {
  if (!success.schema) return [check('Check the response body', 'The response has no body')];
  const name = context.view.nameOf(success.schema) ?? 'the documented schema';
  const checks = [check('Check the response body', `It matches the ${name} schema`)];
  const echoed = echoedFields(body);
  if (echoed.length > 0 && ['create', 'update'].includes(context.resources.roleOf(operation)))
    checks.push(check('Compare the response with the request', `It returns ${echoed.join(', ')} as sent`));
  return checks;
}

/** Scalar top-level fields of a request body: what a create or update must echo back. */
export function echoedFields(body: unknown): string[] {
  const object = Array.isArray(body) ? body[0] : body;
  if (object === null || typeof object !== 'object') return [];
  return Object.keys(object)
    .filter((field) => ['string', 'number', 'boolean'].includes(typeof fieldOf(body, field)))
    .filter((field) => !String(fieldOf(body, field)).startsWith('$'))
    .map((field) => `${field} = ${renderJson(fieldOf(body, field))}`);
}

export function contentOf(response: ApiResponse): string {
  return response.contentType ? `with ${response.contentType}` : 'without a body';
}

/** "creates a disk", "lists flavors", "attach succeeds for the disk". */
export function roleText(context: ApiCaseContext, operation: ApiOperation): string {
  const label = context.resources.resourceOf(operation).label;
  const action = operation.path.split('/').at(-1)!.replace(/[-_]+/g, ' ');
  const texts = {
    list: `lists ${label}s`,
    create: `creates a ${label}`,
    bulk: `changes ${label}s in bulk`,
    read: `returns the ${label}`,
    update: `updates the ${label}`,
    delete: `deletes the ${label}`,
    action: `${action} succeeds for the ${label}`,
  };
  return texts[context.resources.roleOf(operation)];
}

export type { SampleValues };
