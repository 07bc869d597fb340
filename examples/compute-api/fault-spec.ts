import type { ComputeApiFaultName } from './faults.ts';
import type { OpenApiDocument, SchemaObject } from './openapi-document.ts';
import { getOperation } from './openapi-document.ts';

// Faults that live in request validation are seeded by editing the server's private copy of the
// spec before the validators are compiled: the validator code stays identical for every variant.

function componentProperty(document: OpenApiDocument, schemaName: string, property: string): SchemaObject {
  const schema = document.components?.schemas?.[schemaName];
  const properties = schema?.properties as Record<string, SchemaObject> | undefined;
  const target = properties?.[property];
  if (!target) throw new Error(`The spec has no property ${schemaName}.${property}`);
  return target;
}

function parameter(document: OpenApiDocument, method: 'get', path: string, name: string) {
  const found = getOperation(document, method, path).parameters?.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`The spec has no parameter ${name} on ${method.toUpperCase()} ${path}`);
  return found;
}

/** Returns the document the validators of a fault variant are built from (edited in place). */
export function applyFaultToSpec(
  document: OpenApiDocument,
  fault: ComputeApiFaultName | null,
): OpenApiDocument {
  switch (fault) {
    case 'max-length-ignored':
      // PublicDiskCreateRequest is used by POST /api/v1/disks only.
      delete componentProperty(document, 'PublicDiskCreateRequest', 'name').maxLength;
      break;
    case 'invalid-enum-accepted':
      // VmSetStateRequest is used by PUT /api/v1/vms only.
      delete componentProperty(document, 'VmSetStateRequest', 'state').enum;
      break;
    case 'required-query-ignored':
      parameter(document, 'get', '/api/v1/vms', 'project_id').required = false;
      break;
    case 'malformed-id-500':
      parameter(document, 'get', '/api/v1/disks/{disk_id}', 'disk_id').schema = { type: 'string' };
      break;
    default:
      break;
  }
  return document;
}
