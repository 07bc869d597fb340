import type { ApiOperation } from './api-model.ts';
import { singular } from './resource-names.ts';

// What an operation does to the resource its path names: `/disks` (list, create),
// `/disks/{disk_id}` (read, update, delete), `/disks/{disk_id}/attach` (an action). Versioned
// duplicates (`/api/v1.1/vms`) and trailing slashes (`/authors/`) join the same resource.

export type OperationRole = 'list' | 'create' | 'bulk' | 'read' | 'update' | 'delete' | 'action';

/** The resource an operation acts on, singular: the segment before its first parameter, or its last. */
export function resourceNameOf(operation: ApiOperation): string {
  const { segments, paramIndex } = pathShape(operation.path);
  const collection = paramIndex === -1 ? segments.at(-1) : segments[paramIndex - 1];
  return singular(collection ?? operation.tag);
}

/** The path parameter naming one item of that resource (`disk_id`), if the path has one. */
export function itemParameterOf(operation: ApiOperation): string | undefined {
  const { segments, paramIndex } = pathShape(operation.path);
  return paramIndex === -1 ? undefined : segments[paramIndex]!.slice(1, -1);
}

export function operationRole(operation: ApiOperation): OperationRole {
  const { segments, paramIndex } = pathShape(operation.path);
  if (paramIndex === -1) {
    if (operation.method === 'get') return 'list';
    return operation.method === 'post' ? 'create' : 'bulk';
  }
  if (paramIndex < segments.length - 1) return 'action';
  const roles: Partial<Record<ApiOperation['method'], OperationRole>> = {
    get: 'read',
    put: 'update',
    patch: 'update',
    delete: 'delete',
  };
  return roles[operation.method] ?? 'action';
}

function pathShape(path: string): { segments: string[]; paramIndex: number } {
  const segments = path.split('/').filter((segment) => segment !== '');
  return { segments, paramIndex: segments.findIndex((segment) => segment.startsWith('{')) };
}
