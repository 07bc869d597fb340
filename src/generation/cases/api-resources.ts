import type { ApiModel, ApiOperation } from '../../core/api-model.ts';
import {
  itemParameterOf,
  operationRole,
  resourceNameOf,
  type OperationRole,
} from '../../core/operation-role.ts';
import { idStem } from '../../core/resource-names.ts';

// The things an API manages as a tester names them, over the roles and names core reads from
// paths (the same ones the automated suite's resource graph uses).

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

  /** The resource a field or parameter refers to: `vm_id` → VM, `diskId` → disk. */
  byField(field: string): ApiResource | undefined {
    const stem = idStem(field.replace(/s$/, ''));
    return stem ? this.byName.get(stem) : undefined;
  }

  first(resource: ApiResource, role: OperationRole): ApiOperation | undefined {
    return resource.operations.find((entry) => entry.role === role)?.operation;
  }

  private add(operation: ApiOperation): void {
    const name = resourceNameOf(operation);
    const resource = this.byName.get(name) ?? { label: labelOf(name), idParam: undefined, operations: [] };
    this.byName.set(name, resource);
    resource.idParam ??= itemParameterOf(operation);
    const role = operationRole(operation);
    resource.operations.push({ operation, role });
    this.ofOperation.set(operation.key, { resource, role });
  }
}

/** Short names are acronyms ("vm" → "VM"); others read as words ("disk"). */
function labelOf(name: string): string {
  return name.length <= 3 ? name.toUpperCase() : name.replace(/[-_]+/g, ' ');
}
