import type { Flavor } from './seed-data.ts';
import type { ComputeStore, Disk, Tag, Vm, VmInterface } from './store.ts';

// Store records → the spec's response schemas. Every `required` field of the schema is always
// present; optional ones are present when the server knows a value.

type Json = Record<string, unknown>;

function lookup<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  // Records only ever point at existing rows; a miss is a bug in the stand-in, not a client error.
  if (value === undefined) throw new Error(`Dangling ${what} reference ${id}`);
  return value;
}

function tagsOf(store: ComputeStore, tagIds: string[]): Tag[] {
  return tagIds.map((id) => lookup(store.tags, id, 'tag'));
}

function projectOf(store: ComputeStore, projectId: string): Json {
  return { id: projectId, product_instance_id: store.productInstanceId };
}

function availabilityZoneOf(store: ComputeStore, id: string): Json {
  const zone = lookup(store.availabilityZones, id, 'availability zone');
  return { id: zone.id, name: zone.name };
}

export function presentFlavor(store: ComputeStore, flavor: Flavor): Json {
  return {
    id: flavor.id,
    name: flavor.name,
    description: flavor.description,
    type: flavor.type,
    cpu: flavor.cpu,
    ram: flavor.ram,
    gpu: flavor.gpu,
    oversubscription: flavor.oversubscription,
    assured_bandwidth: flavor.assuredBandwidth,
    maximum_bandwidth: flavor.maximumBandwidth,
    pps: flavor.pps,
    availability_zones: [...store.availabilityZones.values()].map((zone, index) => ({
      availability_zone_id: zone.id,
      availability_zone_name: zone.name,
      default: index === 0,
      enabled: true,
      state: 'created',
    })),
  };
}

function presentFlavorMini(flavor: Flavor): Json {
  return {
    id: flavor.id,
    name: flavor.name,
    cpu: flavor.cpu,
    ram: flavor.ram,
    gpu: flavor.gpu,
    oversubscription: flavor.oversubscription,
    free_tier: flavor.freeTier,
  };
}

export function diskState(disk: Disk): 'available' | 'in_use' {
  return disk.attachments.length > 0 ? 'in_use' : 'available';
}

export function presentDisk(store: ComputeStore, disk: Disk): Json {
  const diskType = lookup(store.diskTypes, disk.diskTypeId, 'disk type');
  return {
    id: disk.id,
    name: disk.name,
    description: disk.description,
    size: disk.size,
    state: diskState(disk),
    bootable: disk.bootable,
    readonly: disk.readonly,
    shared: disk.shared,
    encrypted: disk.encrypted,
    serial_id: disk.serialId,
    project: projectOf(store, disk.projectId),
    availability_zone: availabilityZoneOf(store, disk.availabilityZoneId),
    disk_type: { id: diskType.id, name: diskType.name, free_tier: diskType.freeTier },
    created_time: disk.createdTime,
    modified_time: disk.modifiedTime,
    tags: tagsOf(store, disk.tagIds),
    vms: disk.attachments.map((attachment) => {
      const vm = lookup(store.vms, attachment.vmId, 'vm');
      return { id: vm.id, name: vm.name, primary: attachment.primary, state: vm.state };
    }),
  };
}

function presentFloatingIp(vmInterface: VmInterface): Json | undefined {
  const ip = vmInterface.floatingIp;
  return ip ? { id: ip.id, name: ip.name, ip_address: ip.ipAddress, state: 'in_use' } : undefined;
}

function presentSubnet(store: ComputeStore, subnetId: string): Json {
  const subnet = lookup(store.subnets, subnetId, 'subnet');
  return {
    id: subnet.id,
    name: subnet.name,
    state: 'created',
    routed_network: false,
    subnet_address: subnet.address,
  };
}

function presentInterface(store: ComputeStore, vmInterface: VmInterface): Json {
  const floatingIp = presentFloatingIp(vmInterface);
  return {
    id: vmInterface.id,
    name: vmInterface.name,
    ip_address: vmInterface.ipAddress,
    security_groups: vmInterface.securityGroupIds.map((id) => {
      const group = lookup(store.securityGroups, id, 'security group');
      return { id: group.id, name: group.name, state: 'created' };
    }),
    ...(floatingIp ? { floating_ip: floatingIp } : {}),
    primary: vmInterface.primary,
    type: vmInterface.type,
    interface_security_enabled: vmInterface.interfaceSecurityEnabled,
    state: 'created',
    subnet: presentSubnet(store, vmInterface.subnetId),
  };
}

function presentInterfaceItem(store: ComputeStore, vmInterface: VmInterface): Json {
  const floatingIp = presentFloatingIp(vmInterface);
  return {
    id: vmInterface.id,
    name: vmInterface.name,
    ip_address: vmInterface.ipAddress,
    ...(floatingIp ? { floating_ip: floatingIp } : {}),
    primary: vmInterface.primary,
    state: 'created',
    type: vmInterface.type,
    subnet: presentSubnet(store, vmInterface.subnetId),
  };
}

function consoleFields(vm: Vm): Json {
  return {
    ...(vm.vnc ? { vnc_url: vm.vnc.url, vnc_ws: vm.vnc.ws } : {}),
    ...(vm.remoteConsole
      ? {
          remote_console_url: vm.remoteConsole.url,
          remote_console_ws: vm.remoteConsole.ws,
          remote_console_protocol: vm.remoteConsole.protocol,
        }
      : {}),
  };
}

/** PublicVmResponse: the full view returned by create, get and update. */
export function presentVm(store: ComputeStore, vm: Vm): Json {
  const image = lookup(store.images, vm.imageId, 'image');
  return {
    id: vm.id,
    name: vm.name,
    description: vm.description,
    icon: '',
    tags: tagsOf(store, vm.tagIds),
    flavor: presentFlavorMini(lookup(store.flavors, vm.flavorId, 'flavor')),
    state: vm.state,
    locked: false,
    image: {
      id: image.id,
      name: image.name,
      free_tier_enabled: image.freeTierEnabled,
      type: image.type,
      display_name: image.displayName,
    },
    created_time: vm.createdTime,
    modified_time: vm.modifiedTime,
    disks: store.disksOfVm(vm.id).map(({ disk, attachment }) => {
      const diskType = lookup(store.diskTypes, disk.diskTypeId, 'disk type');
      return {
        id: disk.id,
        name: disk.name,
        primary: attachment.primary,
        size: disk.size,
        state: diskState(disk),
        serial_id: disk.serialId,
        tags: tagsOf(store, disk.tagIds),
        disk_type: { id: diskType.id, name: diskType.name },
        // Bandwidth grows with size, as on the real platform; the exact curve is not documented.
        limit_bw: Math.min(1000, 100 + disk.size),
        limit_rate: Math.min(500, 50 + Math.floor(disk.size / 2)),
        limit_lock: false,
      };
    }),
    metadata_fields: vm.metadataFields.map((field) => ({
      id: field.id,
      metadata_id: field.metadataId,
      name: 'custom',
      display_name: 'Custom metadata',
      value: field.value,
    })),
    interfaces: vm.interfaces.map((vmInterface) => presentInterface(store, vmInterface)),
    project: projectOf(store, vm.projectId),
    availability_zone: availabilityZoneOf(store, vm.availabilityZoneId),
    ...consoleFields(vm),
    guest_agent_state: 'unavailable',
  };
}

/** PublicVmResponseItem: the lighter view used by the VM list. */
export function presentVmItem(store: ComputeStore, vm: Vm): Json {
  return {
    id: vm.id,
    name: vm.name,
    project_id: vm.projectId,
    description: vm.description,
    icon: '',
    tags: tagsOf(store, vm.tagIds),
    flavor: presentFlavorMini(lookup(store.flavors, vm.flavorId, 'flavor')),
    state: vm.state,
    locked: false,
    created_time: vm.createdTime,
    modified_time: vm.modifiedTime,
    interfaces: vm.interfaces.map((vmInterface) => presentInterfaceItem(store, vmInterface)),
    availability_zone: availabilityZoneOf(store, vm.availabilityZoneId),
    ...consoleFields(vm),
    guest_agent_state: 'unavailable',
  };
}
