import { suiteVariableEnv } from '../api/request-builder.ts';
import type { ApiModel, ApiOperation } from '../../core/api-model.ts';
import { codePointOrder } from './code-point-order.ts';

/**
 * Required ids nobody can create through the API (a project, a tenant): the run needs them as
 * variables. Ids of things the API creates or lists (a disk id) are found by the suite itself.
 */
export function apiVariables(api: ApiModel): { name: string; env: string; usedBy: string[] }[] {
  const obtainable = obtainableStems(api.operations);
  const usedBy = new Map<string, Set<string>>();
  for (const operation of api.operations) {
    for (const parameter of operation.parameters) {
      if (!parameter.required || parameter.in === 'cookie') continue;
      const stem = idStem(parameter.name);
      if (stem === undefined || obtainable.has(stem)) continue;
      const users = usedBy.get(parameter.name) ?? new Set<string>();
      usedBy.set(parameter.name, users.add(operation.key));
    }
  }
  return [...usedBy]
    .sort(([a], [b]) => codePointOrder(a, b))
    .map(([name, users]) => ({ name, env: suiteVariableEnv(name), usedBy: [...users].sort(codePointOrder) }));
}

/** `vm_id` → `vm`, `diskId` → `disk`, `id` → `` (an item's own id), anything else → undefined. */
function idStem(name: string): string | undefined {
  if (name.toLowerCase() === 'id') return '';
  const match = /^(.+?)(?:[_-](?:id|Id|ID)|Id|ID)$/.exec(name);
  return match?.[1]?.toLowerCase();
}

/** Kinds with a collection the suite can create in or list from: `/api/v1/disks` → `disk`. */
function obtainableStems(operations: readonly ApiOperation[]): Set<string> {
  const stems = new Set<string>(['']);
  for (const operation of operations) {
    if (operation.method !== 'post' && operation.method !== 'get') continue;
    const last = operation.path
      .split('/')
      .filter((segment) => segment && !segment.startsWith('{'))
      .at(-1);
    if (last && !operation.path.endsWith('}')) stems.add(last.toLowerCase().replace(/s$/, ''));
  }
  return stems;
}
