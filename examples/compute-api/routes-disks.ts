import { ApiError, simulatedServerError } from './api-error.ts';
import {
  collectTags,
  findDisk,
  findVm,
  first,
  normalizeId,
  requireProject,
  requireTagIds,
  resolveReference,
  resolveZone,
} from './lookups.ts';
import { pageRequestFromQuery, paginate } from './pagination.ts';
import { presentDisk } from './presenters.ts';
import type { RouteDefinition, RouteHandler } from './route.ts';
import { isUuid } from './uuid.ts';
import { json, noContent } from './route.ts';
import type { ComputeStore, Disk } from './store.ts';

// Request shapes as guaranteed by the schema validator (PublicDiskCreateRequest, …).
interface DiskListQuery {
  project_id: string;
  tag_ids?: string[];
  availability_zone_id?: string;
  name?: string;
}

interface DiskCreateBody {
  project_id: string;
  name: string;
  size: number;
  description?: string;
  availability_zone_id?: string;
  availability_zone_name?: string;
  disk_type_id?: string;
  disk_type_name?: string;
  readonly?: boolean;
  shared?: boolean;
  encrypted?: boolean;
  tag_ids?: string[];
  tag_names?: string[];
}

interface DiskUpdateBody {
  name?: string;
  description?: string;
  size?: number;
  readonly?: boolean;
  shared?: boolean;
  encrypted?: boolean;
  tag_ids?: string[];
  tag_names?: string[];
}

interface DiskVmBody {
  vm_id: string;
}

/** The documented maximum size; a seeded fault crashes exactly on it. */
const maxDiskSize = 16384;

const wrongTag = (tagId: string): ApiError => new ApiError(422, 'wrong_tag', `Tag ${tagId} is not found`);

function diskPathId(path: Record<string, string>): string {
  return path.disk_id ?? '';
}

function nameTaken(store: ComputeStore, projectId: string, name: string, exceptDiskId?: string): boolean {
  return store.disksInProject(projectId).some((disk) => disk.name === name && disk.id !== exceptDiskId);
}

function conflict(name: string): ApiError {
  return new ApiError(
    409,
    'disk_with_this_data_already_exists',
    `Disk named "${name}" already exists in the project`,
  );
}

const listDisks: RouteHandler = ({ store, fault, request }) => {
  const query = request.query as unknown as DiskListQuery;
  const projectId = requireProject(store, query.project_id);
  if (
    query.availability_zone_id !== undefined &&
    !store.availabilityZones.has(normalizeId(query.availability_zone_id))
  ) {
    // Documented as a 422 here, unlike the flavor and VM lists.
    throw new ApiError(422, 'wrong_az', `Availability zone ${query.availability_zone_id} is not found`);
  }
  const zoneId =
    query.availability_zone_id === undefined ? undefined : normalizeId(query.availability_zone_id);
  const tagIds = (query.tag_ids ?? []).map(normalizeId);
  const matches = store
    .disksInProject(projectId)
    .filter(
      (disk) =>
        (query.name === undefined || disk.name === query.name) &&
        (zoneId === undefined || disk.availabilityZoneId === zoneId) &&
        (tagIds.length === 0 || tagIds.some((tagId) => disk.tagIds.includes(tagId))),
    );
  const page = paginate(matches, pageRequestFromQuery(request.query, fault === 'pagination-off-by-one'));
  return json(200, { ...page, items: page.items.map((disk) => presentDisk(store, disk)) });
};

const createDisk: RouteHandler = ({ store, fault, request }) => {
  const body = request.body as DiskCreateBody;
  const projectId = requireProject(store, body.project_id);
  const zone = resolveZone(store, body);
  const diskType = resolveReference(
    store.diskTypes.values(),
    {
      id: body.disk_type_id,
      name: body.disk_type_name,
      idField: 'disk_type_id',
      nameField: 'disk_type_name',
    },
    first(store.diskTypes.values()),
    (reference) => new ApiError(422, 'wrong_disk_type', `Disk type ${reference} is not found`),
  );
  const tagIds = requireTagIds(store, body.tag_ids, wrongTag);
  if (nameTaken(store, projectId, body.name)) throw conflict(body.name);
  if (fault === 'boundary-500' && body.size === maxDiskSize) throw simulatedServerError('Disk size overflow');

  const now = store.now();
  const id = store.newId();
  const disk: Disk = {
    id,
    projectId,
    name: body.name,
    description: body.description ?? '',
    size: body.size,
    diskTypeId: diskType.id,
    availabilityZoneId: zone.id,
    bootable: false,
    readonly: body.readonly ?? false,
    shared: body.shared ?? false,
    encrypted: body.encrypted ?? false,
    serialId: id.replace(/-/g, '').slice(0, 20),
    tagIds: collectTags(store, tagIds, body.tag_names),
    attachments: [],
    ownerVmId: null,
    createdTime: now,
    modifiedTime: now,
    seq: store.nextSequence(),
  };
  store.disks.set(disk.id, disk);
  return json(fault === 'wrong-create-status' ? 200 : 201, presentDisk(store, disk));
};

const getDisk: RouteHandler = ({ store, fault, request }) => {
  const diskId = diskPathId(request.path);
  // The fault variant skipped the path validation; here it "crashes" on the id it cannot parse.
  if (fault === 'malformed-id-500' && !isUuid(diskId)) {
    throw simulatedServerError(`badly formed hexadecimal UUID string: ${diskId}`);
  }
  const view = presentDisk(store, findDisk(store, diskId));
  if (fault === 'missing-response-field') delete view.size;
  return json(200, view);
};

const updateDisk: RouteHandler = ({ store, fault, request }) => {
  const stored = findDisk(store, diskPathId(request.path));
  const body = request.body as DiskUpdateBody;
  const tagIds = requireTagIds(store, body.tag_ids, wrongTag);
  if (body.size !== undefined && body.size < stored.size) {
    throw new ApiError(
      422,
      'disk_size_decrease_forbidden',
      `Disk size can not be decreased (from ${stored.size} to ${body.size})`,
    );
  }
  if (body.name !== undefined && nameTaken(store, stored.projectId, body.name, stored.id))
    throw conflict(body.name);

  // The fault variant edits a copy: the response looks right, the store never changes.
  const disk: Disk = fault === 'update-not-persisted' ? structuredClone(stored) : stored;
  if (body.name !== undefined) disk.name = body.name;
  if (body.description !== undefined) disk.description = body.description;
  if (body.size !== undefined) disk.size = body.size;
  if (body.readonly !== undefined) disk.readonly = body.readonly;
  if (body.shared !== undefined) disk.shared = body.shared;
  if (body.encrypted !== undefined) disk.encrypted = body.encrypted;
  if (body.tag_ids !== undefined || body.tag_names !== undefined) {
    disk.tagIds = collectTags(store, tagIds, body.tag_names);
  }
  disk.modifiedTime = store.now();
  return json(200, presentDisk(store, disk));
};

const deleteDisk: RouteHandler = ({ store, fault, request }) => {
  const disk = findDisk(store, diskPathId(request.path));
  if (disk.attachments.length > 0) {
    throw new ApiError(405, 'disk_has_references', `Disk ${disk.id} is attached to a virtual machine`);
  }
  if (fault !== 'delete-does-not-delete') store.disks.delete(disk.id);
  return noContent();
};

const attachDisk: RouteHandler = ({ store, fault, request }) => {
  const disk = findDisk(store, diskPathId(request.path));
  const { vm_id: vmId } = request.body as DiskVmBody;
  if (fault === 'attach-ignores-missing-vm' && !store.vms.has(normalizeId(vmId))) {
    return json(200, presentDisk(store, disk));
  }
  const vm = findVm(store, vmId, 422);
  if (disk.attachments.some((attachment) => attachment.vmId === vm.id)) {
    throw new ApiError(422, 'disk_already_attached', `Disk ${disk.id} is already attached to vm ${vm.id}`);
  }
  // Only shared disks may be mounted by several VMs at once.
  if (disk.attachments.length > 0 && !disk.shared) {
    throw new ApiError(422, 'disk_already_attached', `Disk ${disk.id} is already attached to another vm`);
  }
  disk.attachments.push({ vmId: vm.id, primary: false, seq: store.nextSequence() });
  disk.modifiedTime = store.now();
  return json(200, presentDisk(store, disk));
};

const detachDisk: RouteHandler = ({ store, request }) => {
  const disk = findDisk(store, diskPathId(request.path));
  const { vm_id: vmId } = request.body as DiskVmBody;
  const vm = findVm(store, vmId, 422);
  if (!disk.attachments.some((attachment) => attachment.vmId === vm.id)) {
    throw new ApiError(422, 'disk_not_attached', `Disk ${disk.id} is not attached to vm ${vm.id}`);
  }
  disk.attachments = disk.attachments.filter((attachment) => attachment.vmId !== vm.id);
  // Once detached, the disk no longer shares the lifetime of the VM that created it.
  if (disk.ownerVmId === vm.id) disk.ownerVmId = null;
  disk.modifiedTime = store.now();
  return json(200, presentDisk(store, disk));
};

export const diskRoutes: RouteDefinition[] = [
  { method: 'get', path: '/api/v1/disks', handler: listDisks },
  { method: 'post', path: '/api/v1/disks', handler: createDisk },
  { method: 'get', path: '/api/v1/disks/{disk_id}', handler: getDisk },
  { method: 'put', path: '/api/v1/disks/{disk_id}', handler: updateDisk },
  { method: 'delete', path: '/api/v1/disks/{disk_id}', handler: deleteDisk },
  { method: 'post', path: '/api/v1/disks/{disk_id}/attach', handler: attachDisk },
  { method: 'post', path: '/api/v1/disks/{disk_id}/detach', handler: detachDisk },
];
