import type { ApiOperation } from '../../core/api-model.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import type { Cause } from './api-error-causes.ts';
import { withField, type RequestParts } from './api-requests.ts';
import type { SampleValues } from './api-sample-values.ts';
import type { ErrorTrigger } from './api-error-triggers.ts';
import { arrange } from './manual-steps.ts';

// Errors that need a state rather than a bad value: a duplicate (409) and an item that other
// resources still reference (405/409/422 "has related entities"), reached with the API's own
// operations so the tester knows exactly what to do first.

export function conflictTrigger(
  context: ApiCaseContext,
  operation: ApiOperation,
  valid: RequestParts,
  samples: SampleValues,
): ErrorTrigger[] {
  const role = context.resources.roleOf(operation);
  if (role === 'create')
    return [{ title: 'the same create request sent twice', request: valid, twice: true }];
  const resource = context.resources.resourceOf(operation);
  const create = context.resources.first(resource, 'create');
  if (role !== 'update' || !create || !hasField(context, operation, 'name')) return [];
  const other = `qa-${resource.label.toLowerCase()}-2`;
  const createBody = withField(context.validRequest(create, samples).body, 'name', other);
  return [
    {
      title: `name of another existing ${resource.label}`,
      request: { ...valid, body: withField(valid.body ?? {}, 'name', other) },
      arrange: [
        arrange(
          `${context.request(create, { path: {}, query: {}, body: createBody })} to create a second ${resource.label}`,
          `${context.success(create)?.status ?? 'Success'}; a ${resource.label} named "${other}" exists`,
        ),
      ],
    },
  ];
}

const REFERENCED = /связанн|ссыл|подключ|монтир|related|referenc|attached|in use|mounted/iu;

/** "У диска есть связанные сущности": attach something to it first, with the API's own action. */
export function stateTrigger(
  context: ApiCaseContext,
  operation: ApiOperation,
  valid: RequestParts,
  causes: Cause[],
  samples: SampleValues,
): ErrorTrigger[] {
  if (!causes.some((cause) => REFERENCED.test(cause.text))) return [];
  const resource = context.resources.resourceOf(operation);
  const linker = referencingOperation(context, operation);
  if (!linker) return [];
  const request = context.validRequest(linker, samples);
  return [
    {
      title: `${resource.label} still referenced by another resource`,
      request: valid,
      arrange: [
        ...context.obtainSteps(linker, samples),
        arrange(
          `${context.request(linker, request)} so that the ${resource.label} is referenced`,
          `${context.success(linker)?.status ?? 'Success'}`,
        ),
      ],
    },
  ];
}

/** An action on this item (`/disks/{disk_id}/attach`) or any operation whose body names it (`vm_id`). */
function referencingOperation(context: ApiCaseContext, operation: ApiOperation): ApiOperation | undefined {
  const resource = context.resources.resourceOf(operation);
  const ownAction = resource.operations.find(
    (entry) => entry.role === 'action' && /attach|link|mount|bind/i.test(entry.operation.path),
  );
  if (ownAction) return ownAction.operation;
  const idField = resource.idParam;
  return context.model.operations.find(
    (candidate) => candidate !== operation && idField !== undefined && hasField(context, candidate, idField),
  );
}

function hasField(context: ApiCaseContext, operation: ApiOperation, field: string): boolean {
  if (!operation.requestBody) return false;
  const body = context.view.resolve(operation.requestBody.schema);
  return context.view
    .fields(body.type === 'array' ? body.items : body)
    .some((candidate) => candidate.name === field);
}
