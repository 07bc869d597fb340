import { ApiError, simulatedServerError } from './api-error.ts';
import {
  collectTags,
  findVm,
  normalizeId,
  requireProject,
  requireTagIds,
  resolveReference,
} from './lookups.ts';
import { pageRequestFromQuery, paginate } from './pagination.ts';
import { presentVm, presentVmItem } from './presenters.ts';
import type { RouteDefinition, RouteHandler } from './route.ts';
import { json, noContent } from './route.ts';
import type { Flavor } from './seed-data.ts';
import type { ComputeStore, Vm, VmState } from './store.ts';
import type { VmCreateItem } from './vm-create.ts';
import { createVms } from './vm-create.ts';

interface VmListQuery {
  project_id?: string;
  vm_ids?: string[];
  tag_ids?: string[];
  availability_zone_ids?: string[];
  image_ids?: string[];
  flavor_ids?: string[];
  placement_group_ids?: string[];
  statuses?: VmState[];
  name?: string;
  empty_fip?: boolean;
  free_tier?: boolean;
  support_gpu?: boolean;
}

/** VmUpdateRequest: the integer 1 is the API's "not set" marker for every field. */
interface VmUpdateBody {
  name?: string | 1;
  flavor_id?: string | 1;
  flavor_name?: string | 1;
  description?: string | 1;
  tag_ids?: string[] | 1;
  tag_names?: string[] | 1;
}

interface VmDeleteBody {
  delete_attachments?: { disk_ids: string[]; external_ips: string[] };
}

interface VmSetStateItem {
  id: string;
  state: string;
}

function given<T>(value: T | 1 | undefined): T | undefined {
  return value === 1 ? undefined : value;
}

/** An empty or absent list filter matches everything; otherwise the value must be listed. */
function listedIn(filter: string[] | undefined, value: string): boolean {
  return filter === undefined || filter.length === 0 || filter.map(normalizeId).includes(value);
}

function flavorOf(store: ComputeStore, vm: Vm): Flavor {
  const flavor = store.flavors.get(vm.flavorId);
  if (!flavor) throw new Error(`Dangling flavor reference ${vm.flavorId}`);
  return flavor;
}

function vmPathId(path: Record<string, string>): string {
  return path.vm_id ?? '';
}

const listVms: RouteHandler = ({ store, fault, request }) => {
  const query = request.query as VmListQuery;
  // project_id is required by the spec; only the seeded fault lets it be absent (→ all projects).
  const projectId = query.project_id === undefined ? undefined : requireProject(store, query.project_id);
  const unknownZone = (query.availability_zone_ids ?? []).find(
    (id) => !store.availabilityZones.has(normalizeId(id)),
  );
  if (unknownZone !== undefined) {
    throw new ApiError(404, 'not_found', `Availability zone ${unknownZone} is not found`);
  }
  const candidates = projectId === undefined ? [...store.vms.values()] : store.vmsInProject(projectId);
  const matches = candidates.filter((vm) => {
    const flavor = flavorOf(store, vm);
    const hasFloatingIp = vm.interfaces.some((vmInterface) => vmInterface.floatingIp !== null);
    return (
      listedIn(query.vm_ids, vm.id) &&
      (query.tag_ids === undefined ||
        query.tag_ids.length === 0 ||
        query.tag_ids.some((tagId) => vm.tagIds.includes(normalizeId(tagId)))) &&
      listedIn(query.availability_zone_ids, vm.availabilityZoneId) &&
      listedIn(query.image_ids, vm.imageId) &&
      listedIn(query.flavor_ids, vm.flavorId) &&
      // No VM is ever in a placement group here, so any such filter excludes everything.
      (query.placement_group_ids === undefined || query.placement_group_ids.length === 0) &&
      (query.statuses === undefined || query.statuses.length === 0 || query.statuses.includes(vm.state)) &&
      (query.name === undefined || vm.name === query.name) &&
      (query.empty_fip === undefined || query.empty_fip === !hasFloatingIp) &&
      (query.free_tier === undefined || query.free_tier === flavor.freeTier) &&
      (query.support_gpu === undefined || query.support_gpu === flavor.gpu > 0)
    );
  });
  const page = paginate(matches, pageRequestFromQuery(request.query, fault === 'pagination-off-by-one'));
  return json(200, { ...page, items: page.items.map((vm) => presentVmItem(store, vm)) });
};

const createVmBatch: RouteHandler = ({ store, request }) => {
  const vms = createVms(store, request.body as VmCreateItem[]);
  return json(
    201,
    vms.map((vm) => presentVm(store, vm)),
  );
};

const getVm: RouteHandler = ({ store, fault, request }) => {
  const vmId = vmPathId(request.path);
  const known = store.vms.has(normalizeId(vmId));
  if (!known && fault === 'not-found-500')
    throw simulatedServerError(`NoneType has no attribute 'id' (${vmId})`);
  if (!known && fault === 'read-after-delete-500' && store.deletedVmIds.has(normalizeId(vmId))) {
    throw simulatedServerError(`Stale cache entry for deleted vm ${vmId}`);
  }
  return json(200, presentVm(store, findVm(store, vmId, 404)));
};

const updateVm: RouteHandler = ({ store, request }) => {
  // Only 422 is documented for an unknown VM on this operation.
  const vm = findVm(store, vmPathId(request.path), 422);
  const body = request.body as VmUpdateBody;
  const name = given(body.name);
  const description = given(body.description);
  const tagIdsInput = given(body.tag_ids);
  const tagNames = given(body.tag_names);
  const flavorId = given(body.flavor_id);
  const flavorName = given(body.flavor_name);
  const flavor =
    flavorId === undefined && flavorName === undefined
      ? undefined
      : resolveReference(
          store.flavors.values(),
          { id: flavorId, name: flavorName, idField: 'flavor_id', nameField: 'flavor_name' },
          flavorOf(store, vm),
          (reference) => new ApiError(422, 'flavor_not_found', `Flavor ${reference} is not found`),
        );
  const tagIds = requireTagIds(
    store,
    tagIdsInput,
    (tagId) => new ApiError(422, 'wrong_tag', `Tag ${tagId} is not found`),
  );
  if (
    name !== undefined &&
    store.vmsInProject(vm.projectId).some((other) => other.name === name && other.id !== vm.id)
  ) {
    throw new ApiError(422, 'vm_already_exists', `Vm named "${name}" already exists in the project`);
  }
  if (name !== undefined) vm.name = name;
  if (description !== undefined) vm.description = description;
  if (flavor !== undefined) vm.flavorId = flavor.id;
  if (tagIdsInput !== undefined || tagNames !== undefined) vm.tagIds = collectTags(store, tagIds, tagNames);
  vm.modifiedTime = store.now();
  return json(200, presentVm(store, vm));
};

const deleteVm: RouteHandler = ({ store, request }) => {
  const vm = findVm(store, vmPathId(request.path), 404);
  const body = request.body as VmDeleteBody | undefined;
  const alsoDelete = new Set((body?.delete_attachments?.disk_ids ?? []).map(normalizeId));
  for (const { disk } of store.disksOfVm(vm.id)) {
    // Disks created with the VM (or named in delete_attachments) go with it unless another VM
    // still mounts them (shared disks); all others are just detached.
    const usedElsewhere = disk.attachments.some((attachment) => attachment.vmId !== vm.id);
    if ((disk.ownerVmId === vm.id || alsoDelete.has(disk.id)) && !usedElsewhere) {
      store.disks.delete(disk.id);
    } else {
      disk.attachments = disk.attachments.filter((attachment) => attachment.vmId !== vm.id);
      disk.modifiedTime = store.now();
    }
  }
  store.vms.delete(vm.id);
  store.deletedVmIds.add(vm.id);
  return noContent();
};

const setVmStates: RouteHandler = ({ store, fault, request }) => {
  const items = request.body as VmSetStateItem[];
  // Check every id first so a batch with one unknown VM changes nothing.
  const targets = items.map((item) => ({ vm: findVm(store, item.id, 422), state: item.state }));
  const now = store.now();
  for (const { vm, state } of targets) {
    if (state !== 'running' && state !== 'stopped') {
      // Unreachable on the correct server (the enum is validated); the fault variant ignores it.
      if (fault === 'invalid-enum-accepted') continue;
      throw new ApiError(422, 'validation_error', `Unsupported state ${state}`, { field: 'state' });
    }
    vm.state = state;
    vm.modifiedTime = now;
  }
  return noContent();
};

export const vmRoutes: RouteDefinition[] = [
  { method: 'get', path: '/api/v1/vms', handler: listVms },
  { method: 'post', path: '/api/v1/vms', handler: createVmBatch },
  { method: 'put', path: '/api/v1/vms', handler: setVmStates },
  { method: 'post', path: '/api/v1.1/vms', handler: createVmBatch },
  { method: 'get', path: '/api/v1/vms/{vm_id}', handler: getVm },
  { method: 'put', path: '/api/v1/vms/{vm_id}', handler: updateVm },
  { method: 'delete', path: '/api/v1/vms/{vm_id}', handler: deleteVm },
];
