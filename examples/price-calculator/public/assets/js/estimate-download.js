// "Download JSON": the estimate as a file, with amounts in roubles and the raw configuration
// values, so it can be re-imported or checked by hand.
import { toRoubles } from './format.js';

let previousUrl = null;

export function downloadEstimateJson(lines, totals, prices) {
  const document_ = {
    currency: prices.currency,
    vatRate: prices.vatRate,
    items: lines.map(({ item, product, kopecks }) => ({
      name: item.name,
      productId: product.id,
      productName: product.name,
      configuration: item.values,
      pricePerMonth: toRoubles(kopecks),
    })),
    subtotalPerMonth: toRoubles(totals.subtotal),
    vatPerMonth: toRoubles(totals.vat),
    totalPerMonthInclVat: toRoubles(totals.total),
  };
  const blob = new Blob([`${JSON.stringify(document_, null, 2)}\n`], { type: 'application/json' });
  // The previous object URL is released only now: revoking right after click() can cancel the download.
  if (previousUrl) URL.revokeObjectURL(previousUrl);
  previousUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = previousUrl;
  link.download = 'price-estimate.json';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
