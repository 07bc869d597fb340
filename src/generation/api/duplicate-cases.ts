import { documentedStatuses } from '../../core/api-model.ts';
import type { ResourceKind } from '../../core/resource-graph.ts';
import type { ApiTestCase, RequestSpec, Step } from '../../core/test-case.ts';
import { act, fieldAt, responseAssertions, slug, usesOf, withField } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';
import { repeatRequest, uniquePaths } from './repeated-request.ts';

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

/**
 * "A check of an identifier that is taken answers 409": a POST beside the create, on the
 * collection's own path with no parameter of its own (`POST /tag-types/validate`,
 * `POST /users/check-name`), whose body carries the identifier the create sends and which
 * documents 409, must refuse the identifier of a thing the test has just made. Only the
 * identifier fields are sent again; the rest of the check's body is its own success body.
 */
export function takenIdentifierCases(
  context: GenerationContext,
  kind: ResourceKind,
  positive: ApiTestCase,
): ApiTestCase[] {
  const create = kind.create;
  if (!create || positive.operation !== create.key || kind.createdBy === 'producer') return [];
  const actIndex = positive.steps.findIndex((step) => step.phase === 'act');
  const actStep = positive.steps[actIndex];
  if (!actStep || !sendsIdentifier(kind, actStep)) return [];
  const collection = create.path.replace(/\/+$/, '');
  const checks = context.model.operations.filter(
    (operation) =>
      operation.method === 'post' &&
      operation.key !== create.key &&
      operation.path.startsWith(`${collection}/`) &&
      !operation.path.slice(collection.length).includes('{') &&
      documentedStatuses(operation).includes(CONFLICT),
  );
  return checks.flatMap((check) => {
    const made = context.requests.build(check);
    // A learned repair may have replaced a reference with a value of the check's own.
    const built = { request: made.request, uses: usesOf(made.request, made.uses) };
    const title = `${check.key} refuses the ${identifierWords(kind)} of a ${kind.name} that exists (${CONFLICT})`;
    const checked = (request: RequestSpec) =>
      act(
        `${check.key} with the ${identifierWords(kind)} of that ${kind.name}`,
        request,
        responseAssertions(check, [CONFLICT]),
      );
    const testCase = (steps: Step[], uses: ApiTestCase['uses']): ApiTestCase => ({
      ...positive,
      id: slug(title),
      title,
      kind: 'negative',
      operation: check.key,
      group: check.tag,
      uses,
      steps,
      priority: 'normal',
      covers: [`${check.key} ${CONFLICT}`],
    });
    // The check's body already names a thing of this kind (its fixture makes one): as built.
    if (
      built.uses.length === 1 &&
      built.uses[0]!.resource === kind.name &&
      namesOwn(kind, built.request, built.uses[0]!.alias)
    )
      return [testCase([checked(built.request)], built.uses)];
    if (built.uses.length > 0) return [];
    const request = withSentIdentifier(kind, actStep, built.request);
    if (!request) return [];
    const repeated = repeatRequest(actStep, `${create.key}, making the ${kind.name}`);
    return [
      testCase([...positive.steps.slice(0, actIndex), repeated.first, checked(request)], positive.uses),
    ];
  });
}

/** Whether every identifier field of the body is the given resource's own id. */
function namesOwn(kind: ResourceKind, request: RequestSpec, alias: string): boolean {
  const body = request.body;
  const paths = identifierPaths(kind);
  return (
    body?.kind === 'json' &&
    paths.length === 1 &&
    paths.every((path) => {
      const value = fieldAt(body.value, path);
      return value?.kind === 'resource' && value.alias === alias && value.part === undefined;
    })
  );
}

/** The check's own body with each identifier field set to what the create sent, if it has them all. */
function withSentIdentifier(kind: ResourceKind, act: Step, request: RequestSpec): RequestSpec | undefined {
  const sent = uniquePaths(act).map((path) => path.join('.'));
  let body = request.body;
  for (const path of identifierPaths(kind)) {
    const index = sent.indexOf(path.join('.'));
    if (index < 0 || body?.kind !== 'json' || fieldAt(body.value, path) === undefined) return undefined;
    body = { ...body, value: withField(body.value, path, { kind: 'saved', name: `sent_${index}` }) };
  }
  return { ...request, body };
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
