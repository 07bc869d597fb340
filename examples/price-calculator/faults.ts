// UI faults the demo can be seeded with. Each one flips exactly one observable behaviour, so a
// generated test suite can be scored by how many of them it catches (mutation-style). The client
// keeps the same names in public/assets/js/fault.js; the server injects the active one into the page.
export const priceCalculatorFaults = [
  {
    name: 'price-not-updated-on-region-change',
    description: 'Changing the region on the configuration page does not recalculate the live price.',
  },
  {
    name: 'remove-leaves-item',
    description: 'Remove on the estimate page reports success but the service stays in the list.',
  },
  {
    name: 'instances-100-accepted',
    description: 'The instance count accepts 100 (off-by-one) without a validation message.',
  },
  {
    name: 'share-link-loses-service',
    description: 'The share link drops the last service of the estimate.',
  },
  {
    name: 'disclaimer-missing-on-mobile',
    description: 'The non-offer disclaimer is hidden on narrow (mobile) viewports.',
  },
  {
    name: 'free-tier-added-twice',
    description: 'A Free Tier product can be added to the estimate more than once.',
  },
  {
    name: 'total-excludes-vat',
    description: 'The "per month incl. VAT" total shows the amount without VAT.',
  },
  {
    name: 'search-ignores-category',
    description: 'Catalogue search returns products from every category, ignoring the selected tab.',
  },
  {
    name: 'compare-allows-four',
    description: 'Four services can be selected and compared instead of at most three.',
  },
  {
    name: 'ram-limit-not-enforced',
    description: 'RAM above 8 GB per vCPU is accepted and priced.',
  },
  {
    name: 'tooltip-never-closes',
    description: 'A field tooltip stays open after Escape or moving focus away.',
  },
  {
    name: 'console-error-on-load',
    description: 'Every page load writes an error to the browser console.',
  },
  {
    name: 'gpu-enabled-in-all-regions',
    description: 'The GPU select stays enabled in regions that offer no GPUs.',
  },
  {
    name: 'mobile-menu-stays-closed',
    description: 'On mobile the Menu button toggles aria-expanded but the navigation never appears.',
  },
] as const;

export type PriceCalculatorFaultName = (typeof priceCalculatorFaults)[number]['name'];

const faultNames: readonly string[] = priceCalculatorFaults.map((fault) => fault.name);

export function isPriceCalculatorFault(name: string): name is PriceCalculatorFaultName {
  return faultNames.includes(name);
}

/** Validates a fault name from options, env or a query string; throws listing the valid names. */
export function parsePriceCalculatorFault(name: string): PriceCalculatorFaultName {
  if (isPriceCalculatorFault(name)) return name;
  throw new Error(`Unknown price calculator fault "${name}". Valid faults: ${faultNames.join(', ')}`);
}
