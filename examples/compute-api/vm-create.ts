import { ApiError, validationError } from './api-error.ts';
import {
  collectTags,
  first,
  normalizeId,
  requireProject,
  requireTagIds,
  resolveReference,
  resolveZone,
} from './lookups.ts';
import type { DiskType, Flavor, Image } from './seed-data.ts';
import type { ComputeStore, Disk, Vm, VmInterface } from './store.ts';

// Request shapes of POST /api/v1/vms and /api/v1.1/vms as guaranteed by the schema validator.
// v1 describes networking with `subnets`, v1.1 with `interfaces`; both are handled alike.
interface NewDiskItem {
  name: string;
  size: number;
  disk_type_id?: string;
  disk_type_name?: string;
}

interface ExistingDiskItem {
  disk_id?: string;
  disk_name?: string;
}

interface NetworkItem {
  type?: 'regular' | 'direct_ip';
  ip_address?: string;
  interface_security_enabled?: boolean;
  security_groups?: string[];
  security_group_names?: string[];
  subnet_id?: string;
  subnet_name?: string;
  new_floating_ip?: boolean;
  new_external_ip?: boolean;
  attach_floating_ip_id?: string;
  attach_floating_ip_name?: string;
  attach_external_ip_id?: string;
  attach_external_ip_name?: string;
}

export interface VmCreateItem {
  project_id: string;
  name: string;
  disks: (NewDiskItem | ExistingDiskItem)[];
  description?: string;
  availability_zone_id?: string;
  availability_zone_name?: string;
  flavor_id?: string;
  flavor_name?: string;
  image_id?: string;
  image_name?: string;
  tag_ids?: string[];
  tag_names?: string[];
  placement_group_id?: string;
  placement_group_name?: string;
  metadata_fields?: { image_metadata_id: string; value: string }[];
  cloud_init?: string;
  subnets?: NetworkItem[];
  interfaces?: NetworkItem[];
}

type DiskPlan = { kind: 'new'; item: NewDiskItem; diskType: DiskType } | { kind: 'existing'; disk: Disk };

interface NetworkPlan {
  item: NetworkItem;
  subnetId: string;
  securityGroupIds: string[];
}

interface VmPlan {
  item: VmCreateItem;
  projectId: string;
  availabilityZoneId: string;
  flavor: Flavor;
  image: Image;
  tagIds: string[];
  networks: NetworkPlan[];
  disks: DiskPlan[];
}

function isNewDisk(item: NewDiskItem | ExistingDiskItem): item is NewDiskItem {
  return 'size' in item;
}

/** `{}` passes the ExistingDisk schema (nothing is required there) but names no disk. */
function checkDiskItems(items: VmCreateItem[]): void {
  items.forEach((item, vmIndex) =>
    item.disks.forEach((disk, diskIndex) => {
      if (!isNewDisk(disk) && disk.disk_id === undefined && disk.disk_name === undefined) {
        throw validationError(
          `${vmIndex}.disks.${diskIndex}`,
          'an existing disk item needs disk_id or disk_name (a new disk needs name and size)',
        );
      }
    }),
  );
}

function findExistingDisk(store: ComputeStore, projectId: string, item: ExistingDiskItem): Disk {
  const notFound = (): ApiError =>
    new ApiError(404, 'disk_not_found', `Disk ${item.disk_id ?? item.disk_name ?? ''} is not found`);
  const inProject = store.disksInProject(projectId);
  if (item.disk_id !== undefined) {
    const disk = inProject.find((candidate) => candidate.id === normalizeId(item.disk_id ?? ''));
    if (!disk || (item.disk_name !== undefined && disk.name !== item.disk_name)) throw notFound();
    return disk;
  }
  // Names are unique for disks made through the disks API; prefer a free one if VMs made twins.
  const named = inProject.filter((candidate) => candidate.name === item.disk_name);
  const disk = named.find((candidate) => candidate.attachments.length === 0) ?? named[0];
  if (!disk) throw notFound();
  return disk;
}

function planNetwork(store: ComputeStore, item: NetworkItem): NetworkPlan {
  const subnet = resolveReference(
    store.subnets.values(),
    { id: item.subnet_id, name: item.subnet_name, idField: 'subnet_id', nameField: 'subnet_name' },
    first(store.subnets.values()),
    (reference) => new ApiError(422, 'subnet_not_found', `Subnet ${reference} is not found`),
  );
  // The stand-in has no floating IP pool to attach from; only new ones can be requested.
  const floatingIp =
    item.attach_floating_ip_id ??
    item.attach_floating_ip_name ??
    item.attach_external_ip_id ??
    item.attach_external_ip_name;
  if (floatingIp !== undefined) {
    throw new ApiError(404, 'floating_ip_not_found', `Floating IP ${floatingIp} is not found`);
  }
  const groupIds = (item.security_groups ?? []).map((groupId) => {
    const group = store.securityGroups.get(normalizeId(groupId));
    if (!group) throw new ApiError(422, 'security_group_not_found', `Security group ${groupId} is not found`);
    return group.id;
  });
  const groupNames = (item.security_group_names ?? []).map((name) => {
    const group = [...store.securityGroups.values()].find((candidate) => candidate.name === name);
    if (!group) throw new ApiError(422, 'security_group_not_found', `Security group ${name} is not found`);
    return group.id;
  });
  const explicit = [...new Set([...groupIds, ...groupNames])];
  const securityEnabled = item.interface_security_enabled ?? true;
  return {
    item,
    subnetId: subnet.id,
    // Like the real platform, a secured interface lands in the default group unless told otherwise.
    securityGroupIds: !securityEnabled
      ? []
      : explicit.length > 0
        ? explicit
        : [first(store.securityGroups.keys())],
  };
}

function planVm(store: ComputeStore, item: VmCreateItem): VmPlan {
  const projectId = requireProject(store, item.project_id);
  const zone = resolveZone(store, item);
  const flavor = resolveReference(
    store.flavors.values(),
    { id: item.flavor_id, name: item.flavor_name, idField: 'flavor_id', nameField: 'flavor_name' },
    first(store.flavors.values()),
    (reference) => new ApiError(404, 'flavor_not_found', `Flavor ${reference} is not found`),
  );
  const image = resolveReference(
    store.images.values(),
    { id: item.image_id, name: item.image_name, idField: 'image_id', nameField: 'image_name' },
    first(store.images.values()),
    (reference) => new ApiError(404, 'image_not_found', `Image ${reference} is not found`),
  );
  const tagIds = requireTagIds(
    store,
    item.tag_ids,
    (tagId) => new ApiError(404, 'tag_not_found', `Tag ${tagId} is not found`),
  );
  const placementGroup = item.placement_group_id ?? item.placement_group_name;
  if (placementGroup !== undefined) {
    // No placement groups exist in the stand-in, so any reference is unknown.
    throw new ApiError(422, 'placement_group_not_found', `Placement group ${placementGroup} is not found`);
  }
  const networks = (item.interfaces ?? item.subnets ?? [{}]).map((network) => planNetwork(store, network));
  const disks = item.disks.map((disk): DiskPlan => {
    if (!isNewDisk(disk)) return { kind: 'existing', disk: findExistingDisk(store, projectId, disk) };
    const diskType = resolveReference(
      store.diskTypes.values(),
      {
        id: disk.disk_type_id,
        name: disk.disk_type_name,
        idField: 'disk_type_id',
        nameField: 'disk_type_name',
      },
      first(store.diskTypes.values()),
      (reference) => new ApiError(404, 'disk_type_not_found', `Disk type ${reference} is not found`),
    );
    return { kind: 'new', item: disk, diskType };
  });
  return { item, projectId, availabilityZoneId: zone.id, flavor, image, tagIds, networks, disks };
}

function checkBusinessRules(store: ComputeStore, plans: VmPlan[]): void {
  const takenNames = new Set([...store.vms.values()].map((vm) => `${vm.projectId}/${vm.name}`));
  const claimedDisks = new Set<string>();
  for (const plan of plans) {
    const key = `${plan.projectId}/${plan.item.name}`;
    if (takenNames.has(key)) {
      throw new ApiError(
        422,
        'vm_already_exists',
        `Vm named "${plan.item.name}" already exists in the project`,
      );
    }
    takenNames.add(key);
    for (const diskPlan of plan.disks) {
      if (diskPlan.kind !== 'existing') continue;
      const { disk } = diskPlan;
      if (claimedDisks.has(disk.id) || (disk.attachments.length > 0 && !disk.shared)) {
        throw new ApiError(422, 'disk_not_available', `Disk ${disk.id} can not be attached: it is in use`);
      }
      claimedDisks.add(disk.id);
    }
  }
}

function buildInterface(store: ComputeStore, network: NetworkPlan, index: number): VmInterface {
  const wantsFloatingIp = network.item.new_floating_ip === true || network.item.new_external_ip === true;
  const publicAddress = wantsFloatingIp ? store.allocatePublicIpAddress() : undefined;
  return {
    id: store.newId(),
    name: `eth${index}`,
    ipAddress: network.item.ip_address ?? store.allocateIpAddress(),
    type: network.item.type ?? 'regular',
    primary: index === 0,
    interfaceSecurityEnabled: network.item.interface_security_enabled ?? true,
    securityGroupIds: network.securityGroupIds,
    subnetId: network.subnetId,
    floatingIp: publicAddress
      ? { id: store.newId(), name: `fip-${publicAddress.replace(/\./g, '-')}`, ipAddress: publicAddress }
      : null,
  };
}

function commitVm(store: ComputeStore, plan: VmPlan): Vm {
  const now = store.now();
  const vm: Vm = {
    id: store.newId(),
    projectId: plan.projectId,
    name: plan.item.name,
    description: plan.item.description ?? '',
    flavorId: plan.flavor.id,
    imageId: plan.image.id,
    availabilityZoneId: plan.availabilityZoneId,
    state: 'running',
    tagIds: collectTags(store, plan.tagIds, plan.item.tag_names),
    interfaces: plan.networks.map((network, index) => buildInterface(store, network, index)),
    metadataFields: (plan.item.metadata_fields ?? []).map((field) => ({
      id: store.newId(),
      metadataId: field.image_metadata_id,
      value: field.value,
    })),
    cloudInit: plan.item.cloud_init ?? null,
    vnc: null,
    remoteConsole: null,
    createdTime: now,
    modifiedTime: now,
    seq: store.nextSequence(),
  };
  store.vms.set(vm.id, vm);
  plan.disks.forEach((diskPlan, index) => {
    // The first disk of the request is the boot disk.
    const attachment = { vmId: vm.id, primary: index === 0, seq: store.nextSequence() };
    if (diskPlan.kind === 'existing') {
      diskPlan.disk.attachments.push(attachment);
      diskPlan.disk.modifiedTime = now;
      return;
    }
    const id = store.newId();
    store.disks.set(id, {
      id,
      projectId: plan.projectId,
      name: diskPlan.item.name,
      description: '',
      size: diskPlan.item.size,
      diskTypeId: diskPlan.diskType.id,
      availabilityZoneId: plan.availabilityZoneId,
      bootable: index === 0,
      readonly: false,
      shared: false,
      encrypted: false,
      serialId: id.replace(/-/g, '').slice(0, 20),
      tagIds: [],
      attachments: [attachment],
      ownerVmId: vm.id,
      createdTime: now,
      modifiedTime: now,
      seq: store.nextSequence(),
    });
  });
  return vm;
}

/**
 * Creates a batch of VMs atomically: every item is checked (structure, then existence of what it
 * references, then business rules) before anything is stored, so a failing item leaves no
 * half-created VMs or disks behind.
 */
export function createVms(store: ComputeStore, items: VmCreateItem[]): Vm[] {
  checkDiskItems(items);
  const plans = items.map((item) => planVm(store, item));
  checkBusinessRules(store, plans);
  return plans.map((plan) => commitVm(store, plan));
}
