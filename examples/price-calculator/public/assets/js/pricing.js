// Turns one configuration into a monthly price in kopecks, and line items into totals.
// Rounding happens once per line (after the region and tariff multipliers), so totals are
// plain integer sums.
import { hasFault } from './fault.js';

function componentAmount(component, fieldId, values) {
  const value = values[fieldId];
  switch (component.type) {
    case 'per-unit':
      return Number(value) * component.rate;
    case 'per-unit-by-option':
      return Number(value) * (component.rates[values[component.optionField]] ?? 0);
    case 'per-option':
      return component.rates[value] ?? 0;
    default:
      return 0;
  }
}

export function quantityOf(product, values) {
  const field = product.fields.find((candidate) => candidate.quantity);
  return field ? Number(values[field.id]) : 1;
}

export function priceItem(product, values, prices) {
  const table = prices.products[product.id];
  if (!table) return 0;
  let roubles = table.base;
  for (const [fieldId, component] of Object.entries(table.components)) {
    roubles += componentAmount(component, fieldId, values);
  }
  const region = prices.regionMultipliers[values.region] ?? 1;
  const tariff = prices.tariffMultipliers[values.tariff] ?? 1;
  return Math.round(Math.round(roubles * 100) * region * tariff) * quantityOf(product, values);
}

export function estimateTotals(lineKopecks, prices) {
  const subtotal = lineKopecks.reduce((sum, line) => sum + line, 0);
  const vat = Math.round(subtotal * prices.vatRate);
  // Fault: the "incl. VAT" total forgets to add the VAT line.
  const total = hasFault('total-excludes-vat') ? subtotal : subtotal + vat;
  return { subtotal, vat, total };
}

export function vatPercent(prices) {
  return `${Math.round(prices.vatRate * 100)}%`;
}
