import { randomUUID } from 'node:crypto';
import type { AvailabilityZone, DiskType, Flavor, Image, SecurityGroup, Subnet } from './seed-data.ts';
import {
  seedAvailabilityZones,
  seedDiskTypes,
  seedFlavors,
  seedIds,
  seedImages,
  seedSecurityGroups,
  seedSubnets,
} from './seed-data.ts';

export type VmState =
  | 'running'
  | 'stopped'
  | 'error'
  | 'error_creating'
  | 'error_deleting'
  | 'creating'
  | 'starting'
  | 'stopping'
  | 'rebooting'
  | 'deleting'
  | 'updating';

export interface Tag {
  id: string;
  name: string;
  color: string;
}

export interface DiskAttachment {
  vmId: string;
  /** The VM's boot disk. */
  primary: boolean;
  /** Attach order, so a VM lists its disks in the order they were connected. */
  seq: number;
}

export interface Disk {
  id: string;
  projectId: string;
  name: string;
  description: string;
  size: number;
  diskTypeId: string;
  availabilityZoneId: string;
  bootable: boolean;
  readonly: boolean;
  shared: boolean;
  encrypted: boolean;
  serialId: string;
  tagIds: string[];
  attachments: DiskAttachment[];
  /** Set while the disk is attached to the VM that created it: it is deleted with that VM. */
  ownerVmId: string | null;
  createdTime: string;
  modifiedTime: string;
  seq: number;
}

export interface FloatingIp {
  id: string;
  name: string;
  ipAddress: string;
}

export interface VmInterface {
  id: string;
  name: string;
  ipAddress: string;
  type: 'regular' | 'direct_ip';
  primary: boolean;
  interfaceSecurityEnabled: boolean;
  securityGroupIds: string[];
  subnetId: string;
  floatingIp: FloatingIp | null;
}

export interface VmMetadataField {
  id: string;
  metadataId: string;
  value: string;
}

export interface RemoteConsole {
  url: string;
  ws: string;
  protocol: 'vnc' | 'serial';
}

export interface Vm {
  id: string;
  projectId: string;
  name: string;
  description: string;
  flavorId: string;
  imageId: string;
  availabilityZoneId: string;
  state: VmState;
  tagIds: string[];
  interfaces: VmInterface[];
  metadataFields: VmMetadataField[];
  cloudInit: string | null;
  vnc: { url: string; ws: string } | null;
  remoteConsole: RemoteConsole | null;
  createdTime: string;
  modifiedTime: string;
  seq: number;
}

/**
 * All state of one server instance. Every `startComputeApi` call gets its own store, so tests
 * and fault variants never see each other's data.
 */
export class ComputeStore {
  readonly projectId: string;
  readonly productInstanceId = seedIds.productInstance;
  readonly availabilityZones = new Map<string, AvailabilityZone>(seedAvailabilityZones.map((z) => [z.id, z]));
  readonly flavors = new Map<string, Flavor>(seedFlavors.map((f) => [f.id, f]));
  readonly diskTypes = new Map<string, DiskType>(seedDiskTypes.map((t) => [t.id, t]));
  readonly images = new Map<string, Image>(seedImages.map((i) => [i.id, i]));
  readonly securityGroups = new Map<string, SecurityGroup>(seedSecurityGroups.map((g) => [g.id, g]));
  readonly subnets = new Map<string, Subnet>(seedSubnets.map((s) => [s.id, s]));
  readonly tags = new Map<string, Tag>();
  readonly disks = new Map<string, Disk>();
  readonly vms = new Map<string, Vm>();
  /** Ids of deleted VMs, remembered so a fault can treat them differently from never-seen ids. */
  readonly deletedVmIds = new Set<string>();

  // Continues after the seed rows so every entity has a unique, increasing creation sequence:
  // the tie-breaker that keeps list order stable within one millisecond.
  private sequence = Math.max(...seedFlavors.map((flavor) => flavor.seq));
  private addressCounter = 0;

  constructor(projectId: string) {
    this.projectId = projectId;
  }

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  now(): string {
    return new Date().toISOString();
  }

  newId(): string {
    return randomUUID();
  }

  /** Private addresses 10.0.x.y from the default subnet, never reused within one store. */
  allocateIpAddress(): string {
    const n = this.addressCounter;
    this.addressCounter += 1;
    return `10.0.${Math.floor(n / 250) % 256}.${(n % 250) + 2}`;
  }

  /** Public addresses from TEST-NET-3 (203.0.113.0/24), which is reserved for documentation. */
  allocatePublicIpAddress(): string {
    const n = this.addressCounter;
    this.addressCounter += 1;
    return `203.0.113.${(n % 250) + 2}`;
  }

  disksInProject(projectId: string): Disk[] {
    return [...this.disks.values()].filter((disk) => disk.projectId === projectId);
  }

  vmsInProject(projectId: string): Vm[] {
    return [...this.vms.values()].filter((vm) => vm.projectId === projectId);
  }

  /** Disks attached to the VM, boot disk first, then in attach order. */
  disksOfVm(vmId: string): { disk: Disk; attachment: DiskAttachment }[] {
    const result: { disk: Disk; attachment: DiskAttachment }[] = [];
    for (const disk of this.disks.values()) {
      const attachment = disk.attachments.find((candidate) => candidate.vmId === vmId);
      if (attachment) result.push({ disk, attachment });
    }
    return result.sort(
      (a, b) =>
        Number(b.attachment.primary) - Number(a.attachment.primary) || a.attachment.seq - b.attachment.seq,
    );
  }

  findTagByName(name: string): Tag | undefined {
    return [...this.tags.values()].find((tag) => tag.name === name);
  }

  /** Tags named in a request are created on first use: the API exposes no way to create them. */
  ensureTag(name: string): Tag {
    const existing = this.findTagByName(name);
    if (existing) return existing;
    const tag: Tag = { id: this.newId(), name, color: '#4a90d9' };
    this.tags.set(tag.id, tag);
    return tag;
  }
}
