// "/": what the calculator does, the three steps, and the running total of the estimate.
import { h } from '../dom.js';
import { getItems } from '../estimate-store.js';
import { formatRub } from '../format.js';
import { estimateTotals, priceItem } from '../pricing.js';
import { navigate } from '../router.js';

const steps = [
  ['Choose', 'Pick services in the catalogue: compute, storage, network or databases.'],
  ['Configure', 'Set vCPU, memory, disks, region and tariff. The price updates as you type.'],
  ['Review', 'Compare services, share the estimate or download it as JSON.'],
];

function servicesText(count) {
  if (count === 0) return 'No services added yet.';
  return count === 1 ? '1 service in your estimate.' : `${count} services in your estimate.`;
}

export function renderStartPage(_context, { catalog, prices }) {
  const items = getItems();
  const lines = items.map((item) => {
    const product = catalog.products.find((candidate) => candidate.id === item.productId);
    return product ? priceItem(product, item.values, prices) : 0;
  });
  const { total } = estimateTotals(lines, prices);

  return {
    title: 'Cloud price calculator — estimate your monthly cost',
    element: h(
      'div',
      { class: 'page page-start', 'data-testid': 'start-page' },
      h(
        'section',
        { class: 'hero', 'aria-labelledby': 'page-title' },
        h('h1', { id: 'page-title' }, 'Estimate the cost of cloud services'),
        h(
          'p',
          { class: 'lead' },
          'Configure virtual machines, storage, networking and databases and see the monthly price before you order.',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button button-primary button-large',
            onClick: () => navigate('/catalog'),
          },
          'Add service',
        ),
      ),
      h(
        'section',
        { class: 'steps-section', 'aria-labelledby': 'steps-heading' },
        h('h2', { id: 'steps-heading' }, 'How it works'),
        h(
          'ol',
          { class: 'steps', 'data-testid': 'process-steps' },
          steps.map(([name, text], index) =>
            h(
              'li',
              { class: 'step' },
              h('span', { class: 'step-number', 'aria-hidden': 'true' }, String(index + 1)),
              h('div', {}, h('h3', {}, `${index + 1}. ${name}`), h('p', {}, text)),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'summary card', 'aria-labelledby': 'summary-heading', 'data-testid': 'estimate-summary' },
        h('h2', { id: 'summary-heading' }, 'Your estimate'),
        h('p', { class: 'summary-count' }, servicesText(items.length)),
        h(
          'p',
          { class: 'total-line' },
          h('span', { class: 'total-label' }, 'Total per month incl. VAT'),
          h('strong', { class: 'total-amount', 'data-testid': 'total' }, formatRub(total)),
        ),
        items.length > 0 ? h('a', { href: '/estimate', class: 'button' }, 'Review estimate') : null,
      ),
    ),
  };
}
