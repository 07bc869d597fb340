import { ApiError, wrongProject } from './api-error.ts';
import type { AvailabilityZone } from './seed-data.ts';
import type { ComputeStore, Disk, Vm } from './store.ts';

// Existence checks shared by the handlers. Ids are compared in lower case because UUIDs are
// case-insensitive and the validator accepts either case.

export function normalizeId(id: string): string {
  return id.toLowerCase();
}

/** The single project of the stand-in; any other syntactically valid id is unknown. */
export function requireProject(store: ComputeStore, projectId: string): string {
  if (normalizeId(projectId) !== store.projectId) throw wrongProject(projectId);
  return store.projectId;
}

export function findDisk(store: ComputeStore, diskId: string): Disk {
  const disk = store.disks.get(normalizeId(diskId));
  if (!disk) throw new ApiError(404, 'disk_not_found', `Disk ${diskId} is not found`);
  return disk;
}

/** VM lookups answer 404 on read/delete but 422 elsewhere, exactly as each operation documents. */
export function findVm(store: ComputeStore, vmId: string, status: 404 | 422): Vm {
  const vm = store.vms.get(normalizeId(vmId));
  if (!vm) throw new ApiError(status, 'vm_not_found', `Vm ${vmId} is not found`);
  return vm;
}

interface Named {
  id: string;
  name: string;
}

export interface ReferenceInput {
  id?: string;
  name?: string;
  idField: string;
  nameField: string;
}

/**
 * Resolves an entity given by id and/or name (both are optional in the requests). Each one given
 * must exist; when both are given they must agree. Without either the fallback is used.
 */
export function resolveReference<T extends Named>(
  entities: Iterable<T>,
  input: ReferenceInput,
  fallback: T,
  notFound: (reference: string) => ApiError,
): T {
  const all = [...entities];
  const byId =
    input.id === undefined ? undefined : all.find((entity) => entity.id === normalizeId(input.id ?? ''));
  if (input.id !== undefined && !byId) throw notFound(`${input.idField}=${input.id}`);
  const byName = input.name === undefined ? undefined : all.find((entity) => entity.name === input.name);
  if (input.name !== undefined && !byName) throw notFound(`${input.nameField}=${input.name}`);
  if (byId && byName && byId.id !== byName.id) {
    throw new ApiError(
      422,
      'validation_error',
      `${input.idField} and ${input.nameField} refer to different entities`,
      {
        field: input.nameField,
      },
    );
  }
  return byId ?? byName ?? fallback;
}

/** The availability zone a create request names by id or name, else the default one. */
export function resolveZone(
  store: ComputeStore,
  request: { availability_zone_id?: string; availability_zone_name?: string },
): AvailabilityZone {
  return resolveReference(
    store.availabilityZones.values(),
    {
      id: request.availability_zone_id,
      name: request.availability_zone_name,
      idField: 'availability_zone_id',
      nameField: 'availability_zone_name',
    },
    first(store.availabilityZones.values()),
    (reference) => new ApiError(422, 'wrong_az', `Availability zone ${reference} is not found`),
  );
}

/** Tag ids must exist (the API cannot create tags by id); the first unknown one is reported. */
export function requireTagIds(
  store: ComputeStore,
  tagIds: string[] | undefined,
  notFound: (tagId: string) => ApiError,
): string[] {
  return (tagIds ?? []).map((tagId) => {
    const tag = store.tags.get(normalizeId(tagId));
    if (!tag) throw notFound(tagId);
    return tag.id;
  });
}

/** Tag ids plus the tags named (created on first use), without duplicates. */
export function collectTags(store: ComputeStore, tagIds: string[], tagNames: string[] | undefined): string[] {
  const named = (tagNames ?? []).map((name) => store.ensureTag(name).id);
  return [...new Set([...tagIds, ...named])];
}

export function first<T>(values: Iterable<T>): T {
  for (const value of values) return value;
  throw new Error('The seed data is empty');
}
