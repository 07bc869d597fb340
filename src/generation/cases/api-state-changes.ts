import type { ApiOperation } from '../../core/api-model.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import type { ApiResource } from './api-resources.ts';
import { withField } from './api-requests.ts';
import { authSteps } from './api-success-cases.ts';
import type { CaseDraft } from './case-set.ts';
import { act, check } from './manual-steps.ts';
import { draft, status } from './api-state-draft.ts';

// Actions that change an item's state: an action and its inverse (attach → detach) make one
// round trip; an action whose body picks a state from an enum (power_on/power_off/reboot,
// stopped/running) is driven through every value.

const INVERSES: Record<string, string> = {
  attach: 'detach',
  start: 'stop',
  lock: 'unlock',
  enable: 'disable',
  mount: 'unmount',
};
const STATE_FIELD = /^(state|status|action|power|command|operation)$/;

export function stateChangeCases(context: ApiCaseContext, resource: ApiResource): CaseDraft[] {
  const changing = resource.operations
    .filter((entry) => entry.role === 'action' || entry.role === 'bulk')
    .map((entry) => entry.operation);
  const pairs = changing.flatMap((operation) => {
    const inverse = INVERSES[lastSegment(operation)];
    const partner = changing.find((candidate) => lastSegment(candidate) === inverse);
    return partner ? [roundTrip(context, resource, operation, partner)] : [];
  });
  const cycles = changing.flatMap((operation) => enumCycle(context, resource, operation) ?? []);
  return [...pairs, ...cycles];
}

function roundTrip(
  context: ApiCaseContext,
  resource: ApiResource,
  forward: ApiOperation,
  back: ApiOperation,
): CaseDraft {
  const samples = context.samplesFor(forward);
  const read = context.resources.first(resource, 'read');
  const readStep = (expected: string) =>
    read
      ? [
          act(
            context.request(read, context.validRequest(read, samples)),
            `${status(context, read)}; ${expected}`,
          ),
        ]
      : [];
  return draft(context, forward, samples, {
    title: `${resource.label}: ${lastSegment(forward)} then ${lastSegment(back)} restores the previous state`,
    steps: [
      ...authSteps(forward),
      ...context.obtainSteps(forward, samples),
      act(context.request(forward, context.validRequest(forward, samples)), status(context, forward)),
      ...readStep(`the ${resource.label} shows the result of ${lastSegment(forward)}`),
      act(context.request(back, context.validRequest(back, samples)), status(context, back)),
      ...readStep(`the ${resource.label} is as before ${lastSegment(forward)}`),
      check(`Repeat ${lastSegment(back)}`, `It is refused: the ${resource.label} is already in that state`),
    ],
  });
}

function enumCycle(
  context: ApiCaseContext,
  resource: ApiResource,
  operation: ApiOperation,
): CaseDraft | undefined {
  if (!operation.requestBody) return undefined;
  const body = context.view.resolve(operation.requestBody.schema);
  const item = body.type === 'array' ? body.items : body;
  const field = context.view
    .fields(item)
    .find((candidate) => STATE_FIELD.test(candidate.name) && Array.isArray(candidate.schema.enum));
  if (!field || (field.schema.enum?.length ?? 0) < 2) return undefined;
  const samples = context.samplesFor(operation);
  const valid = context.validRequest(operation, samples);
  const values = field.schema.enum!.map(String);
  return draft(context, operation, samples, {
    title: `${resource.label}: ${operation.key} through every ${field.name} (${values.join(', ')})`,
    steps: [
      ...authSteps(operation),
      ...context.obtainSteps(operation, samples),
      ...values.map((value) =>
        act(
          context.request(operation, { ...valid, body: withField(valid.body, field.name, value) }),
          `${status(context, operation)}: ${field.name} "${value}" is accepted`,
        ),
      ),
      check(
        `Read the ${resource.label} after each request`,
        `Its state follows the last ${field.name} sent (${values.at(-1)})`,
      ),
    ],
  });
}

function lastSegment(operation: ApiOperation): string {
  return operation.path.split('/').at(-1)!;
}
