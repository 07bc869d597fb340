// Fixed catalogue of the stand-in: constant UUIDv4s so generated tests and docs can name them.

export const defaultProjectId = '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60';
export const defaultToken = 'demo-token';

export const seedIds = {
  productInstance: 'a3d5c7e9-1b2f-4a6c-8d0e-2f4a6c8e0b1d',
  availabilityZone: 'b1e2d3c4-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  flavorGeneral: 'c1f0a001-3b5d-4e7f-9a1b-2c3d4e5f6a01',
  flavorMemory: 'c1f0a002-3b5d-4e7f-9a1b-2c3d4e5f6a02',
  flavorFreeTier: 'c1f0a003-3b5d-4e7f-9a1b-2c3d4e5f6a03',
  diskTypeSsd: 'd7a0b001-6c8e-4f1a-8b2c-3d4e5f6a7b01',
  diskTypeHdd: 'd7a0b002-6c8e-4f1a-8b2c-3d4e5f6a7b02',
  image: 'e5b0c001-7d9f-4a2b-9c3d-4e5f6a7b8c01',
  securityGroup: 'f3c0d001-8e1a-4b3c-a4d5-5e6f7a8b9c01',
  subnet: '0a9b8c7d-6e5f-4a3b-b2c1-d0e9f8a7b601',
} as const;

export interface AvailabilityZone {
  id: string;
  name: string;
}

export interface Flavor {
  id: string;
  name: string;
  description: string;
  /** One of the spec's FlavorEnum values, so the `type` filter can match it. */
  type: 'general' | 'memory-optimized' | 'gpu_v100' | 'gpu_h100';
  cpu: number;
  ram: number;
  gpu: number;
  oversubscription: string;
  freeTier: boolean;
  assuredBandwidth: number;
  maximumBandwidth: number;
  pps: number;
  createdTime: string;
  seq: number;
}

export interface DiskType {
  id: string;
  name: string;
  freeTier: boolean;
}

export interface Image {
  id: string;
  name: string;
  displayName: string;
  type: 'public' | 'private' | 'marketplace';
  freeTierEnabled: boolean;
}

export interface SecurityGroup {
  id: string;
  name: string;
}

export interface Subnet {
  id: string;
  name: string;
  address: string;
}

export const seedAvailabilityZones: readonly AvailabilityZone[] = [
  { id: seedIds.availabilityZone, name: 'ru-moscow-1a' },
];

// Sequence numbers 1..3 keep the seed order stable; the first flavor is the default for new VMs.
export const seedFlavors: readonly Flavor[] = [
  {
    id: seedIds.flavorGeneral,
    name: 'gen-2-4',
    description: 'General purpose: 2 vCPU, 4 GB RAM',
    type: 'general',
    cpu: 2,
    ram: 4,
    gpu: 0,
    oversubscription: '1:1',
    freeTier: false,
    assuredBandwidth: 100,
    maximumBandwidth: 1000,
    pps: 50000,
    createdTime: '2024-01-10T09:00:00.000Z',
    seq: 1,
  },
  {
    id: seedIds.flavorMemory,
    name: 'mem-4-32',
    description: 'Memory optimized: 4 vCPU, 32 GB RAM',
    type: 'memory-optimized',
    cpu: 4,
    ram: 32,
    gpu: 0,
    oversubscription: '1:1',
    freeTier: false,
    assuredBandwidth: 200,
    maximumBandwidth: 2000,
    pps: 100000,
    createdTime: '2024-01-11T09:00:00.000Z',
    seq: 2,
  },
  {
    id: seedIds.flavorFreeTier,
    name: 'free-1-1',
    description: 'Free tier: 1 vCPU, 1 GB RAM',
    type: 'general',
    cpu: 1,
    ram: 1,
    gpu: 0,
    oversubscription: '1:10',
    freeTier: true,
    assuredBandwidth: 10,
    maximumBandwidth: 100,
    pps: 10000,
    createdTime: '2024-01-12T09:00:00.000Z',
    seq: 3,
  },
];

// The first disk type is the default for new disks.
export const seedDiskTypes: readonly DiskType[] = [
  { id: seedIds.diskTypeSsd, name: 'ssd', freeTier: false },
  { id: seedIds.diskTypeHdd, name: 'hdd', freeTier: true },
];

export const seedImages: readonly Image[] = [
  {
    id: seedIds.image,
    name: 'ubuntu-22.04',
    displayName: 'Ubuntu 22.04 LTS',
    type: 'public',
    freeTierEnabled: true,
  },
];

export const seedSecurityGroups: readonly SecurityGroup[] = [{ id: seedIds.securityGroup, name: 'default' }];

export const seedSubnets: readonly Subnet[] = [
  { id: seedIds.subnet, name: 'default-subnet', address: '10.0.0.0/16' },
];
