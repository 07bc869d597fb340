import type { ApiOperation } from '../../core/api-model.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import type { ApiResource } from './api-resources.ts';
import { fieldOf, withField } from './api-requests.ts';
import { authSteps, echoedFields } from './api-success-cases.ts';
import type { CaseDraft } from './case-set.ts';
import { act, check } from './manual-steps.ts';
import { stateChangeCases } from './api-state-changes.ts';
import { draft, status } from './api-state-draft.ts';

// State transitions of each resource, from its create/read/update/delete operations: what was
// created can be read and listed, an update is persisted, a deleted item is gone (and a second
// delete says so). Actions with an inverse or an enumerated state get their own cycles.

export function stateCases(context: ApiCaseContext): CaseDraft[] {
  return context.resources.all.flatMap((resource) => [
    ...lifecycleCases(context, resource),
    ...stateChangeCases(context, resource),
  ]);
}

function lifecycleCases(context: ApiCaseContext, resource: ApiResource): CaseDraft[] {
  const op = (role: Parameters<typeof context.resources.first>[1]) => context.resources.first(resource, role);
  const [create, read, list, update, remove] = [
    op('create'),
    op('read'),
    op('list'),
    op('update'),
    op('delete'),
  ];
  const drafts: CaseDraft[] = [];
  if (create && read) drafts.push(createdThenRead(context, resource, create, read));
  if (create && list) drafts.push(createdThenListed(context, resource, create, list));
  if (update && read) drafts.push(updatedThenRead(context, resource, update, read));
  if (remove && read && documents(read, 404)) drafts.push(deletedThenRead(context, resource, remove, read));
  if (remove && documents(remove, 404)) drafts.push(deletedTwice(context, resource, remove));
  return drafts;
}

function createdThenRead(
  context: ApiCaseContext,
  resource: ApiResource,
  create: ApiOperation,
  read: ApiOperation,
): CaseDraft {
  const samples = context.samplesFor(read);
  const body = context.validRequest(create, samples).body;
  const variable = samples.variable(resource.idParam ?? 'id', resource.label);
  return draft(context, create, samples, {
    title: `${resource.label}: a created ${resource.label} is returned by ${read.key}`,
    steps: [
      ...authSteps(create),
      act(
        context.request(create, { path: {}, query: {}, body }),
        `${status(context, create)}; note the returned id as ${variable}`,
      ),
      act(context.request(read, context.validRequest(read, samples)), `${status(context, read)}`),
      check(
        'Compare the two responses',
        `The ${resource.label} has the id ${variable} and ${joined(echoedFields(body))}`,
      ),
    ],
  });
}

function createdThenListed(
  context: ApiCaseContext,
  resource: ApiResource,
  create: ApiOperation,
  list: ApiOperation,
): CaseDraft {
  const samples = context.samplesFor(create);
  const body = context.validRequest(create, samples).body;
  const variable = samples.variable(resource.idParam ?? 'id', resource.label);
  return draft(context, create, samples, {
    title: `${resource.label}: a created ${resource.label} appears in ${list.key}`,
    steps: [
      ...authSteps(create),
      act(
        context.request(create, { path: {}, query: {}, body }),
        `${status(context, create)}; note the returned id as ${variable}`,
      ),
      act(context.request(list, context.validRequest(list, samples)), `${status(context, list)}`),
      check(
        'Look for the new item in the list',
        `An item with the id ${variable} is listed with ${joined(echoedFields(body))}`,
      ),
    ],
  });
}

function updatedThenRead(
  context: ApiCaseContext,
  resource: ApiResource,
  update: ApiOperation,
  read: ApiOperation,
): CaseDraft {
  const samples = context.samplesFor(update);
  const request = context.validRequest(update, samples);
  const changed =
    fieldOf(request.body, 'name') !== undefined
      ? { ...request, body: withField(request.body, 'name', `qa-${resource.label.toLowerCase()}-renamed`) }
      : request;
  return draft(context, update, samples, {
    title: `${resource.label}: an update is persisted and returned by ${read.key}`,
    steps: [
      ...authSteps(update),
      ...context.obtainSteps(update, samples),
      act(context.request(update, changed), `${status(context, update)}`),
      act(context.request(read, context.validRequest(read, samples)), `${status(context, read)}`),
      check('Check the item read back', `It shows ${joined(echoedFields(changed.body))}`),
    ],
  });
}

function deletedThenRead(
  context: ApiCaseContext,
  resource: ApiResource,
  remove: ApiOperation,
  read: ApiOperation,
): CaseDraft {
  const samples = context.samplesFor(remove);
  return draft(context, remove, samples, {
    title: `${resource.label}: a deleted ${resource.label} is no longer found (404)`,
    steps: [
      ...authSteps(remove),
      ...context.obtainSteps(remove, samples),
      act(context.request(remove, context.validRequest(remove, samples)), `${status(context, remove)}`),
      act(context.request(read, context.validRequest(read, samples)), '404'),
      check('Check the list of the resource', `The deleted ${resource.label} is not listed any more`),
    ],
  });
}

function deletedTwice(context: ApiCaseContext, resource: ApiResource, remove: ApiOperation): CaseDraft {
  const samples = context.samplesFor(remove);
  const request = context.request(remove, context.validRequest(remove, samples));
  return draft(context, remove, samples, {
    title: `${resource.label}: deleting the same ${resource.label} twice returns 404 the second time`,
    steps: [
      ...authSteps(remove),
      ...context.obtainSteps(remove, samples),
      act(request, `${status(context, remove)}`),
      act(`${request} again`, '404'),
      check(
        'Check the second response body',
        'It is the documented not-found error; nothing else was deleted',
      ),
    ],
  });
}

function documents(operation: ApiOperation, code: number): boolean {
  return operation.responses.some((response) => response.status === code);
}

function joined(fields: string[]): string {
  return fields.length > 0 ? fields.join(', ') : 'the values that were sent';
}
