import type { ApiOperation, ApiResponse } from '../../core/api-model.ts';
import type { ManualStep } from '../../core/manual-case.ts';
import { firstLine } from './api-auth-cases.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import { causesOf } from './api-error-causes.ts';
import { errorShape } from './api-error-shape.ts';
import {
  causeTrigger,
  slotsOf,
  unknownItemTriggers,
  validationTriggers,
  type ErrorTrigger,
} from './api-error-triggers.ts';
import { conflictTrigger, stateTrigger } from './api-state-triggers.ts';
import type { SampleValues } from './api-sample-values.ts';
import { authSteps } from './api-success-cases.ts';
import type { CaseDraft } from './case-set.ts';
import { act, arrange, check } from './manual-steps.ts';

// One case per documented error status and concrete trigger. Auth statuses have their own
// family; server errors and causes with no trigger in the spec are reported as unused.

const MAX_PER_STATUS = 3;

export interface ErrorDesign {
  drafts: CaseDraft[];
  unused: { ref: string; reason: string }[];
}

export function errorCases(context: ApiCaseContext, operation: ApiOperation): ErrorDesign {
  const design: ErrorDesign = { drafts: [], unused: [] };
  for (const response of operation.responses) {
    const status = response.status;
    if (typeof status !== 'number' || status < 400 || status === 401 || status === 403) continue;
    const ref = `${operation.key} → ${status}`;
    if (status >= 500) {
      design.unused.push({ ref, reason: 'a server error has no deterministic trigger' });
      continue;
    }
    const samples = context.samplesFor(operation);
    const { triggers, uncovered } = triggersFor(context, operation, response, samples);
    for (const trigger of triggers.slice(0, MAX_PER_STATUS))
      design.drafts.push(errorCase(context, operation, response, samples, trigger));
    if (triggers.length === 0) design.unused.push({ ref, reason: 'no trigger can be derived from the spec' });
    if (uncovered.length > 0) design.unused.push({ ref, reason: uncoveredReason(uncovered) });
  }
  return design;
}

function triggersFor(
  context: ApiCaseContext,
  operation: ApiOperation,
  response: ApiResponse,
  samples: SampleValues,
): { triggers: ErrorTrigger[]; uncovered: string[] } {
  const valid = context.validRequest(operation, samples);
  const slots = slotsOf(context, operation);
  const status = response.status as number;
  const causes = causesOf(response.description);
  const repeatable = ['create', 'action'].includes(context.resources.roleOf(operation));
  const fromCauses = causes.map((cause) => ({
    cause,
    trigger: causeTrigger(slots, valid, cause, repeatable),
  }));
  const general =
    status === 404
      ? unknownItemTriggers(slots, valid)
      : status === 409
        ? conflictTrigger(context, operation, valid, samples)
        : status === context.validationStatus(operation)
          ? validationTriggers(slots, valid)
          : [];
  const state =
    general.length === 0 && fromCauses.every((entry) => !entry.trigger)
      ? stateTrigger(context, operation, valid, causes, samples)
      : [];
  const triggers = dedupe([...general, ...fromCauses.flatMap((entry) => entry.trigger ?? []), ...state]);
  // A conflict trigger (409) already reaches "already exists"; other causes stay uncovered.
  const uncovered = fromCauses
    .filter((entry) => !entry.trigger && !(entry.cause.kind === 'repeat' && general.length > 0))
    .map((entry) => entry.cause.text);
  return { triggers, uncovered: state.length > 0 ? [] : uncovered };
}

function errorCase(
  context: ApiCaseContext,
  operation: ApiOperation,
  response: ApiResponse,
  samples: SampleValues,
  trigger: ErrorTrigger,
): CaseDraft {
  const status = response.status as number;
  const request = context.request(operation, trigger.request);
  const acts: ManualStep[] = trigger.twice
    ? [
        act(request, `${context.success(operation)?.status ?? 'success'} the first time`),
        act(`${request} again`, `${status} — ${firstLine(response.description)}`),
      ]
    : [act(request, `${status} — ${firstLine(response.description)}`)];
  const setup = uniqueSteps([
    ...authSteps(operation),
    ...context.obtainSteps(operation, samples),
    ...(trigger.arrange ?? []),
  ]);
  return {
    ...context.base(operation, samples, status),
    title: `${operation.key}: ${trigger.title} is rejected (${status})`,
    description: `${operation.summary ?? operation.key}: documented error ${status} (${response.description.replace(/\s+/g, ' ').trim()}).`,
    kind: 'negative',
    priority: 'NORMAL',
    steps: [
      ...(setup.length > 0 ? setup : [arrange('Have the API reachable at the base URL')]),
      ...acts,
      ...errorChecks(context, operation, response),
    ],
  };
}

function errorChecks(context: ApiCaseContext, operation: ApiOperation, response: ApiResponse): ManualStep[] {
  const checks = [check('Check the response body', `It is ${errorShape(context, response)}`)];
  const role = context.resources.roleOf(operation);
  const read = context.resources.first(context.resources.resourceOf(operation), 'read');
  if (role !== 'list' && role !== 'read' && read)
    checks.push(
      check(`Send ${read.key} for the same item`, 'It shows the item unchanged by the rejected request'),
    );
  return checks;
}

function uniqueSteps(steps: ManualStep[]): ManualStep[] {
  const seen = new Set<string>();
  return steps.filter((step) => !seen.has(step.action) && seen.add(step.action));
}

/** Two triggers that send the same requests are one case, whatever their causes said. */
function dedupe(triggers: ErrorTrigger[]): ErrorTrigger[] {
  const seen = new Set<string>();
  return triggers.filter((trigger) => {
    const key = JSON.stringify([trigger.request, trigger.twice ?? false, trigger.arrange ?? []]);
    return !seen.has(key) && seen.add(key);
  });
}

function uncoveredReason(causes: string[]): string {
  const shown = causes
    .slice(0, 3)
    .map((cause) => `«${cause}»`)
    .join(', ');
  return `${causes.length} documented cause(s) need a state the spec does not describe how to reach: ${shown}${causes.length > 3 ? ', …' : ''}`;
}
