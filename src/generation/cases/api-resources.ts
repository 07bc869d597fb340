import type { ApiModel, ApiOperation } from '../../core/api-model.ts';

// The things an API manages, read from its paths: `/disks` (list, create), `/disks/{disk_id}`
// (read, update, delete) and `/disks/{disk_id}/attach` (an action) are one resource, "disk".
// Versioned duplicates (`/api/v1.1/vms`) join the resource of the same name.

export type OperationRole = 'list' | 'create' | 'bulk' | 'read' | 'update' | 'delete' | 'action';

export interface ApiResource {
  /** Singular, as a tester says it: `disk`, `VM`, `flavor`. */
  label: string;
  /** The path parameter naming one item: `disk_id`. */
  idParam: string | undefined;
  operations: { operation: ApiOperation; role: OperationRole }[];
}

export class ApiResources {
  private readonly byName = new Map<string, ApiResource>();
  private readonly ofOperation = new Map<string, { resource: ApiResource; role: OperationRole }>();

  constructor(model: ApiModel) {
    for (const operation of model.operations) this.add(operation);
  }

  get all(): ApiResource[] {
    return [...this.byName.values()];
  }

  resourceOf(operation: ApiOperation): ApiResource {
    return this.ofOperation.get(operation.key)!.resource;
  }

  roleOf(operation: ApiOperation): OperationRole {
    return this.ofOperation.get(operation.key)!.role;
  }

  /** The resource a field or parameter refers to: `vm_id` → VM, `disk_id` → disk. */
  byField(field: string): ApiResource | undefined {
    const stem = /^(.+?)_ids?$/.exec(field)?.[1];
    return stem ? this.byName.get(stem.toLowerCase()) : undefined;
  }

  first(resource: ApiResource, role: OperationRole): ApiOperation | undefined {
    return resource.operations.find((entry) => entry.role === role)?.operation;
  }

  private add(operation: ApiOperation): void {
    const segments = operation.path.split('/').filter((segment) => segment !== '');
    const paramIndex = segments.findIndex((segment) => segment.startsWith('{'));
    const collection = paramIndex === -1 ? segments.at(-1) : segments[paramIndex - 1];
    const name = singular(collection ?? operation.tag).toLowerCase();
    const resource = this.byName.get(name) ?? { label: labelOf(name), idParam: undefined, operations: [] };
    this.byName.set(name, resource);
    if (paramIndex !== -1) resource.idParam ??= segments[paramIndex]!.slice(1, -1);
    const role = roleOf(operation, paramIndex, segments.length);
    resource.operations.push({ operation, role });
    this.ofOperation.set(operation.key, { resource, role });
  }
}

function roleOf(operation: ApiOperation, paramIndex: number, length: number): OperationRole {
  if (paramIndex === -1) {
    if (operation.method === 'get') return 'list';
    return operation.method === 'post' ? 'create' : 'bulk';
  }
  if (paramIndex < length - 1) return 'action';
  const roles: Partial<Record<ApiOperation['method'], OperationRole>> = {
    get: 'read',
    put: 'update',
    patch: 'update',
    delete: 'delete',
  };
  return roles[operation.method] ?? 'action';
}

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  return word.replace(/s$/, '');
}

/** Short names are acronyms ("vm" → "VM"); others read as words ("disk"). */
function labelOf(name: string): string {
  return name.length <= 3 ? name.toUpperCase() : name.replace(/[-_]+/g, ' ');
}
