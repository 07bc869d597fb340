// The product catalogue served at GET /api/catalog. Each product declares its configuration
// fields so one generic form renderer covers every product; the field flags (quantity,
// maxPerUnitOf, availableInRegions) express the dependencies the UI has to enforce.

export type ProductCategoryId = 'compute' | 'storage' | 'network' | 'databases';

export interface FieldOption {
  value: string;
  label: string;
}

interface FieldBase {
  id: string;
  label: string;
  /** Tooltip text shown by the "About <label>" button. */
  help?: string;
}

export interface NumericField extends FieldBase {
  kind: 'range' | 'number';
  unit?: string;
  min: number;
  max: number;
  step: number;
  default: number;
  /** The whole line item is multiplied by this field (instances, hosts). */
  quantity?: boolean;
  /** Upper bound that depends on another field: value ≤ factor × that field's value. */
  maxPerUnitOf?: { field: string; factor: number };
}

export interface ChoiceField extends FieldBase {
  kind: 'select' | 'radio';
  options: FieldOption[];
  default: string;
  /** Only selectable in these regions; elsewhere the field is disabled and reset to its default. */
  availableInRegions?: string[];
}

export type ProductField = NumericField | ChoiceField;

export interface Product {
  id: string;
  name: string;
  category: ProductCategoryId;
  description: string;
  popular: boolean;
  freeTier: boolean;
  /** What a Free Tier product includes; shown instead of sizing fields. */
  allowance?: string[];
  fields: ProductField[];
}

export interface Region {
  id: string;
  name: string;
  gpu: boolean;
}

export interface Catalog {
  categories: { id: ProductCategoryId; name: string }[];
  regions: Region[];
  products: Product[];
}

const regions: Region[] = [
  { id: 'ru-central-1', name: 'Moscow (ru-central-1)', gpu: true },
  { id: 'ru-north-1', name: 'Saint Petersburg (ru-north-1)', gpu: false },
  { id: 'ru-east-1', name: 'Novosibirsk (ru-east-1)', gpu: false },
];

const regionField: ChoiceField = {
  id: 'region',
  label: 'Region',
  kind: 'select',
  options: regions.map((region) => ({ value: region.id, label: region.name })),
  default: 'ru-central-1',
  help: 'Prices differ between regions: Saint Petersburg is 10% and Novosibirsk 15% cheaper than Moscow.',
};

const tariffField: ChoiceField = {
  id: 'tariff',
  label: 'Tariff',
  kind: 'radio',
  options: [
    { value: 'on-demand', label: 'On demand' },
    { value: 'reserved-1y', label: 'Reserved for 1 year (−30%)' },
  ],
  default: 'on-demand',
  help: 'A one-year reservation is paid monthly and costs 30% less than on-demand usage.',
};

const diskTypeField: ChoiceField = {
  id: 'diskType',
  label: 'Disk type',
  kind: 'select',
  options: [
    { value: 'ssd', label: 'SSD' },
    { value: 'hdd', label: 'HDD' },
  ],
  default: 'ssd',
  help: 'SSD disks are faster; HDD disks are cheaper per gigabyte.',
};

const products: Product[] = [
  {
    id: 'vm',
    name: 'Virtual Machine',
    category: 'compute',
    description: 'Scalable virtual servers with a choice of vCPU, RAM, disks and GPUs.',
    popular: true,
    freeTier: false,
    fields: [
      {
        id: 'vcpu',
        label: 'vCPU',
        kind: 'range',
        min: 1,
        max: 64,
        step: 1,
        default: 2,
        help: 'Virtual processor cores. Each vCPU allows up to 8 GB of RAM.',
      },
      {
        id: 'ram',
        label: 'RAM',
        kind: 'range',
        unit: 'GB',
        min: 1,
        max: 256,
        step: 1,
        default: 4,
        maxPerUnitOf: { field: 'vcpu', factor: 8 },
        help: 'Memory in gigabytes, at most 8 GB per vCPU.',
      },
      {
        id: 'diskSize',
        label: 'Disk size',
        kind: 'number',
        unit: 'GB',
        min: 10,
        max: 4096,
        step: 1,
        default: 20,
        help: 'Boot disk size, from 10 GB to 4 TB.',
      },
      diskTypeField,
      regionField,
      {
        id: 'gpu',
        label: 'GPU',
        kind: 'select',
        options: [
          { value: 'none', label: 'No GPU' },
          { value: 't4', label: 'NVIDIA T4' },
          { value: 'a100', label: 'NVIDIA A100' },
        ],
        default: 'none',
        availableInRegions: regions.filter((region) => region.gpu).map((region) => region.id),
        help: 'GPUs are available only in the Moscow region.',
      },
      tariffField,
      {
        id: 'instances',
        label: 'Number of instances',
        kind: 'number',
        min: 1,
        max: 99,
        step: 1,
        default: 1,
        quantity: true,
        help: 'Identical virtual machines billed together, from 1 to 99.',
      },
    ],
  },
  {
    id: 'vm-starter',
    name: 'Virtual Machine Starter',
    category: 'compute',
    description: 'A small virtual machine included in the free tier.',
    popular: false,
    freeTier: true,
    allowance: ['2 vCPU with 20% guaranteed share', '1 GB RAM', '10 GB HDD', '1 instance'],
    fields: [regionField],
  },
  {
    id: 'kubernetes',
    name: 'Managed Kubernetes',
    category: 'compute',
    description: 'Kubernetes clusters with a managed control plane and worker node groups.',
    popular: true,
    freeTier: false,
    fields: [
      {
        id: 'masterType',
        label: 'Control plane',
        kind: 'select',
        options: [
          { value: 'zonal', label: 'Zonal' },
          { value: 'regional', label: 'Regional (high availability)' },
        ],
        default: 'zonal',
        help: 'A regional control plane runs in three availability zones.',
      },
      {
        id: 'nodes',
        label: 'Worker nodes',
        kind: 'number',
        min: 1,
        max: 50,
        step: 1,
        default: 3,
        help: 'Each worker node has 2 vCPU and 8 GB RAM.',
      },
      regionField,
      tariffField,
    ],
  },
  {
    id: 'object-storage',
    name: 'Object Storage',
    category: 'storage',
    description: 'S3-compatible storage for files, backups and static websites.',
    popular: true,
    freeTier: false,
    fields: [
      {
        id: 'storageClass',
        label: 'Storage class',
        kind: 'select',
        options: [
          { value: 'standard', label: 'Standard' },
          { value: 'cold', label: 'Cold' },
        ],
        default: 'standard',
        help: 'Cold storage is cheaper for data that is rarely read.',
      },
      {
        id: 'sizeGb',
        label: 'Stored data',
        kind: 'number',
        unit: 'GB',
        min: 1,
        max: 102400,
        step: 1,
        default: 100,
      },
      regionField,
    ],
  },
  {
    id: 'object-storage-starter',
    name: 'Object Storage Starter',
    category: 'storage',
    description: 'Object storage volume included in the free tier.',
    popular: false,
    freeTier: true,
    allowance: ['1 GB of stored data', '10 000 read requests', '1 000 write requests'],
    fields: [regionField],
  },
  {
    id: 'network-disk',
    name: 'Network Disk',
    category: 'storage',
    description: 'Block storage volumes that attach to virtual machines.',
    popular: false,
    freeTier: false,
    fields: [
      {
        id: 'sizeGb',
        label: 'Disk size',
        kind: 'number',
        unit: 'GB',
        min: 10,
        max: 4096,
        step: 1,
        default: 100,
      },
      diskTypeField,
      regionField,
    ],
  },
  {
    id: 'public-ip',
    name: 'Public IP Address',
    category: 'network',
    description: 'Static public IPv4 addresses for virtual machines and load balancers.',
    popular: false,
    freeTier: false,
    fields: [
      {
        id: 'addresses',
        label: 'Number of addresses',
        kind: 'number',
        min: 1,
        max: 20,
        step: 1,
        default: 1,
        quantity: true,
      },
      regionField,
    ],
  },
  {
    id: 'load-balancer',
    name: 'Network Load Balancer',
    category: 'network',
    description: 'Distributes incoming traffic between virtual machines.',
    popular: false,
    freeTier: false,
    fields: [
      {
        id: 'trafficGb',
        label: 'Processed traffic',
        kind: 'number',
        unit: 'GB',
        min: 0,
        max: 100000,
        step: 1,
        default: 500,
      },
      regionField,
    ],
  },
  {
    id: 'cdn',
    name: 'CDN',
    category: 'network',
    description: 'Content delivery network that caches static content close to users.',
    popular: false,
    freeTier: false,
    fields: [
      {
        id: 'trafficGb',
        label: 'Outgoing traffic',
        kind: 'number',
        unit: 'GB',
        min: 1,
        max: 100000,
        step: 1,
        default: 1000,
      },
    ],
  },
  {
    id: 'postgresql',
    name: 'Managed PostgreSQL',
    category: 'databases',
    description: 'PostgreSQL clusters with automatic backups and failover.',
    popular: true,
    freeTier: false,
    fields: [
      {
        id: 'vcpu',
        label: 'vCPU per host',
        kind: 'range',
        min: 2,
        max: 32,
        step: 2,
        default: 2,
      },
      {
        id: 'ram',
        label: 'RAM per host',
        kind: 'range',
        unit: 'GB',
        min: 4,
        max: 128,
        step: 1,
        default: 8,
        maxPerUnitOf: { field: 'vcpu', factor: 8 },
      },
      {
        id: 'storageGb',
        label: 'Storage',
        kind: 'number',
        unit: 'GB',
        min: 10,
        max: 4096,
        step: 1,
        default: 50,
      },
      regionField,
      {
        id: 'hosts',
        label: 'Number of hosts',
        kind: 'number',
        min: 1,
        max: 9,
        step: 1,
        default: 1,
        quantity: true,
      },
    ],
  },
  {
    id: 'redis',
    name: 'Managed Redis',
    category: 'databases',
    description: 'In-memory Redis clusters for caching and queues.',
    popular: false,
    freeTier: false,
    fields: [
      {
        id: 'ram',
        label: 'RAM per host',
        kind: 'number',
        unit: 'GB',
        min: 2,
        max: 64,
        step: 1,
        default: 4,
      },
      regionField,
      {
        id: 'hosts',
        label: 'Number of hosts',
        kind: 'number',
        min: 1,
        max: 9,
        step: 1,
        default: 1,
        quantity: true,
      },
    ],
  },
  {
    id: 'serverless-db-starter',
    name: 'Serverless Database Starter',
    category: 'databases',
    description: 'A serverless document database included in the free tier.',
    popular: false,
    freeTier: true,
    allowance: ['1 000 000 request units', '1 GB of stored data'],
    fields: [regionField],
  },
];

export const priceCalculatorCatalog: Catalog = {
  categories: [
    { id: 'compute', name: 'Compute' },
    { id: 'storage', name: 'Storage' },
    { id: 'network', name: 'Network' },
    { id: 'databases', name: 'Databases' },
  ],
  regions,
  products,
};
