// The fixed price table served at GET /api/prices. Amounts are roubles per month excluding VAT;
// the client turns a configuration into kopecks with one rounding step, so every total is
// deterministic and reproducible by hand.

export type PriceComponent =
  /** value × rate */
  | { type: 'per-unit'; rate: number }
  /** value × rates[value of another field], e.g. disk size priced by disk type */
  | { type: 'per-unit-by-option'; optionField: string; rates: Record<string, number> }
  /** rates[value], e.g. a GPU model */
  | { type: 'per-option'; rates: Record<string, number> };

export interface ProductPrice {
  base: number;
  components: Record<string, PriceComponent>;
}

export interface PriceTable {
  currency: 'RUB';
  vatRate: number;
  regionMultipliers: Record<string, number>;
  tariffMultipliers: Record<string, number>;
  products: Record<string, ProductPrice>;
}

const diskRates = { ssd: 12.5, hdd: 3.2 };
const free: ProductPrice = { base: 0, components: {} };

export const priceCalculatorPrices: PriceTable = {
  currency: 'RUB',
  vatRate: 0.2,
  regionMultipliers: { 'ru-central-1': 1, 'ru-north-1': 0.9, 'ru-east-1': 0.85 },
  tariffMultipliers: { 'on-demand': 1, 'reserved-1y': 0.7 },
  products: {
    vm: {
      base: 0,
      components: {
        vcpu: { type: 'per-unit', rate: 1100 },
        ram: { type: 'per-unit', rate: 290 },
        diskSize: { type: 'per-unit-by-option', optionField: 'diskType', rates: diskRates },
        gpu: { type: 'per-option', rates: { none: 0, t4: 38000, a100: 165000 } },
      },
    },
    'vm-starter': free,
    kubernetes: {
      base: 0,
      components: {
        masterType: { type: 'per-option', rates: { zonal: 7200, regional: 19800 } },
        nodes: { type: 'per-unit', rate: 4400 },
      },
    },
    'object-storage': {
      base: 0,
      components: {
        sizeGb: {
          type: 'per-unit-by-option',
          optionField: 'storageClass',
          rates: { standard: 2.01, cold: 1.07 },
        },
      },
    },
    'object-storage-starter': free,
    'network-disk': {
      base: 0,
      components: { sizeGb: { type: 'per-unit-by-option', optionField: 'diskType', rates: diskRates } },
    },
    'public-ip': { base: 180, components: {} },
    'load-balancer': { base: 1250, components: { trafficGb: { type: 'per-unit', rate: 0.9 } } },
    cdn: { base: 0, components: { trafficGb: { type: 'per-unit', rate: 1.1 } } },
    postgresql: {
      base: 0,
      components: {
        vcpu: { type: 'per-unit', rate: 1600 },
        ram: { type: 'per-unit', rate: 420 },
        storageGb: { type: 'per-unit', rate: 13.5 },
      },
    },
    redis: { base: 0, components: { ram: { type: 'per-unit', rate: 950 } } },
    'serverless-db-starter': free,
  },
};
