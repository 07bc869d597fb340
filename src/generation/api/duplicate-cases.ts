import { documentedStatuses } from '../../core/api-model.ts';
import type { ResourceKind } from '../../core/resource-graph.ts';
import type { ApiTestCase, Step } from '../../core/test-case.ts';
import { fieldAt, responseAssertions, slug } from './case-helpers.ts';
import { repeatRequest } from './repeated-request.ts';

const CONFLICT = 409;

/**
 * "A second create with the same identifier is refused": when the client picks a resource's
 * identifier (`POST /tag-types` sends the `name` that `/tag-types/{name}` reads), two resources
 * cannot both own it, so the documented 409 must answer the same create sent again. Only for an
 * identifier the request carries: a server-made id says nothing about sending equal bodies, and
 * only where the create documents 409, the status the document promises for it.
 */
export function duplicateIdentifierCase(kind: ResourceKind, positive: ApiTestCase): ApiTestCase | undefined {
  const create = kind.create;
  if (!create || positive.operation !== create.key || kind.createdBy === 'producer') return undefined;
  if (!documentedStatuses(create).includes(CONFLICT)) return undefined;
  const actIndex = positive.steps.findIndex((step) => step.phase === 'act');
  const act = positive.steps[actIndex];
  if (!act || !sendsIdentifier(kind, act)) return undefined;
  const repeated = repeatRequest(act, `${create.key} once, making the ${kind.name}`);
  const checked: Step = {
    ...act,
    title: `${create.key} again with the same ${identifierWords(kind)}`,
    request: repeated.request,
    assertions: responseAssertions(create, [CONFLICT]),
    // Kept: a server that accepts the duplicate after all has made something the test must remove.
  };
  const title = `${create.key} refuses a second ${kind.name} with the same ${identifierWords(kind)} (${CONFLICT})`;
  return {
    ...positive,
    id: slug(title),
    title,
    kind: 'negative',
    steps: [
      ...positive.steps.slice(0, actIndex),
      repeated.first,
      checked,
      ...positive.steps.slice(actIndex + 1),
    ],
    priority: 'normal',
    covers: [`${create.key} ${CONFLICT}`],
  };
}

/** Whether every part of the identifier is a run-unique value the create's own body sends. */
function sendsIdentifier(kind: ResourceKind, act: Step): boolean {
  const body = act.request.body;
  if (body?.kind !== 'json') return false;
  const paths = identifierPaths(kind);
  return (
    paths.length > 0 &&
    paths.some((path) => fieldAt(body.value, path)?.kind === 'unique') &&
    paths.every((path) => fieldAt(body.value, path) !== undefined)
  );
}

/** Where the identifier's parts sit in the create's body: the same paths the create answers them at. */
function identifierPaths(kind: ResourceKind): string[][] {
  const answered = kind.keyPaths ? Object.values(kind.keyPaths) : [kind.createIdPath ?? ''];
  // `tagType.name` in an enveloped answer is `name` in the body sent; `0.id` is a list answer.
  return answered
    .filter((path) => path !== '')
    .map((path) => (kind.createIdFrom === 'request' ? path.split('.') : path.split('.').slice(-1)))
    .filter((parts) => parts.every((part) => !/^\d+$/.test(part)));
}

function identifierWords(kind: ResourceKind): string {
  return kind.keyPaths ? Object.keys(kind.keyPaths).join(' and ') : kind.idParam;
}
