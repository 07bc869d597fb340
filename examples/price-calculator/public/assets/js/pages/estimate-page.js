// /estimate: the added services with Edit / Remove / Compare, the totals, and the actions
// (Download JSON, Share link, Connect). Opening /estimate#state=… restores a shared estimate.
import { buildCompareTable } from '../compare-table.js';
import { createContactDialog } from '../contact-dialog.js';
import { h, srOnly } from '../dom.js';
import { downloadEstimateJson } from '../estimate-download.js';
import { getItems, removeItem, replaceItems, subscribe } from '../estimate-store.js';
import { hasFault } from '../fault.js';
import { fieldLabel, fieldValueText } from '../field-labels.js';
import { takeFlash } from '../flash.js';
import { formatRub } from '../format.js';
import { estimateTotals, priceItem, vatPercent } from '../pricing.js';
import { navigate } from '../router.js';
import { buildShareUrl, readSharedEstimate } from '../share-codec.js';

function restoreSharedEstimate(catalog) {
  const shared = readSharedEstimate(catalog);
  if (!shared) return null;
  // Drop the hash so a reload shows the stored estimate instead of re-importing the link.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  if (shared.error) return { alert: `This shared link could not be opened: ${shared.error}.` };
  replaceItems(shared.entries);
  const count = shared.entries.length;
  return {
    status: `Estimate restored from a shared link (${count} ${count === 1 ? 'service' : 'services'}).`,
  };
}

export function renderEstimatePage(context, { catalog, prices }) {
  const restored = restoreSharedEstimate(catalog);
  const compareLimit = hasFault('compare-allows-four') ? 4 : 3;
  const selectedForCompare = new Set();

  const flash = h('div', { class: 'flash', role: 'status', 'data-testid': 'estimate-status' });
  const flashAlert = h('div', { class: 'flash flash-alert', role: 'alert' });
  const initialFlash = takeFlash() ?? restored?.status;
  if (initialFlash) flash.textContent = initialFlash;
  if (restored?.alert) flashAlert.textContent = restored.alert;

  const servicesHeading = h('h2', { id: 'services-heading', tabindex: '-1' }, 'Services');
  const list = h('ul', {
    class: 'estimate-list',
    'data-testid': 'estimate-list',
    'aria-labelledby': 'services-heading',
  });
  const empty = h(
    'div',
    { class: 'empty-state card', 'data-testid': 'estimate-empty' },
    h('p', {}, 'Your estimate is empty.'),
    h('a', { href: '/catalog', class: 'button button-primary' }, 'Browse the catalogue'),
  );
  const compareButton = h('button', { type: 'button', class: 'button' }, 'Compare');
  const compareHint = h('p', { class: 'compare-hint', id: 'compare-hint' });
  compareButton.setAttribute('aria-describedby', compareHint.id);
  const compareBar = h('div', { class: 'compare-bar' }, compareButton, compareHint);
  const comparison = h('section', {
    class: 'comparison card',
    'aria-labelledby': 'comparison-heading',
    hidden: true,
    'data-testid': 'comparison',
  });

  const subtotalValue = h('dd', { 'data-testid': 'subtotal' });
  const vatValue = h('dd', { 'data-testid': 'vat' });
  const totalValue = h('dd', { class: 'total-amount', 'data-testid': 'total' });
  const shareInput = h('input', { type: 'text', id: 'share-url', readonly: true, class: 'share-input' });
  const shareOutput = h(
    'div',
    { class: 'share-output', hidden: true, 'data-testid': 'share-output' },
    h('label', { for: 'share-url' }, 'Link to this estimate'),
    shareInput,
    h('p', { class: 'muted' }, 'Anyone who opens the link sees this configuration.'),
  );
  const downloadButton = h('button', { type: 'button', class: 'button' }, 'Download JSON');
  const shareButton = h('button', { type: 'button', class: 'button' }, 'Share link');
  const connectButton = h('button', { type: 'button', class: 'button button-primary' }, 'Connect');
  const dialog = createContactDialog();
  dialog.addEventListener('close', () => connectButton.focus());

  function lines() {
    return getItems().flatMap((item) => {
      const product = catalog.products.find((candidate) => candidate.id === item.productId);
      return product ? [{ item, product, kopecks: priceItem(product, item.values, prices) }] : [];
    });
  }

  function itemRow(line) {
    const { item, product, kopecks } = line;
    const headingId = `${item.id}-name`;
    const checkbox = h('input', {
      type: 'checkbox',
      id: `compare-${item.id}`,
      checked: selectedForCompare.has(item.id),
    });
    checkbox.addEventListener('change', () => {
      if (checkbox.checked) selectedForCompare.add(item.id);
      else selectedForCompare.delete(item.id);
      comparison.hidden = true;
      updateCompareControls();
    });
    return h(
      'li',
      { class: 'estimate-item card', 'data-testid': 'estimate-item', 'data-item-id': item.id },
      h(
        'article',
        { 'aria-labelledby': headingId },
        h(
          'div',
          { class: 'item-head' },
          h('h3', { id: headingId }, item.name),
          product.freeTier ? h('span', { class: 'badge' }, 'Free Tier') : null,
          h(
            'p',
            { class: 'item-price', 'data-testid': 'item-price' },
            formatRub(kopecks),
            h('span', { class: 'price-period' }, ' per month'),
          ),
        ),
        h(
          'dl',
          { class: 'item-specs' },
          product.fields.map((field) =>
            h(
              'div',
              {},
              h('dt', {}, fieldLabel(field)),
              h('dd', {}, fieldValueText(field, item.values[field.id])),
            ),
          ),
        ),
        h(
          'div',
          { class: 'item-actions' },
          h(
            'div',
            { class: 'compare-toggle' },
            checkbox,
            h('label', { for: checkbox.id }, 'Compare', srOnly(` ${item.name}`)),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button button-small',
              onClick: () => navigate(`/configure/${product.id}?item=${item.id}`),
            },
            'Edit',
            srOnly(` ${item.name}`),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button button-small button-danger',
              onClick: () => {
                removeItem(item.id);
                selectedForCompare.delete(item.id);
                flashAlert.textContent = '';
                flash.textContent = `${item.name} removed from the estimate.`;
                servicesHeading.focus();
              },
            },
            'Remove',
            srOnly(` ${item.name}`),
          ),
        ),
      ),
    );
  }

  function updateCompareControls() {
    const count = selectedForCompare.size;
    compareButton.disabled = count < 2 || count > compareLimit;
    for (const checkbox of list.querySelectorAll('input[type="checkbox"]')) {
      checkbox.disabled = !checkbox.checked && count >= compareLimit;
    }
    compareHint.textContent =
      count >= compareLimit
        ? `${count} selected. You can compare up to ${compareLimit} services at a time.`
        : `Select 2 or 3 services to compare (${count} selected).`;
  }

  function showComparison() {
    const selected = lines().filter((line) => selectedForCompare.has(line.item.id));
    comparison.replaceChildren(
      h(
        'div',
        { class: 'comparison-head' },
        h('h2', { id: 'comparison-heading', tabindex: '-1' }, 'Comparison'),
        h(
          'button',
          { type: 'button', class: 'button button-small', onClick: () => (comparison.hidden = true) },
          'Close comparison',
        ),
      ),
      buildCompareTable(selected),
    );
    comparison.hidden = false;
    comparison.querySelector('h2').focus();
  }

  function update() {
    const current = lines();
    const ids = new Set(current.map((line) => line.item.id));
    for (const id of selectedForCompare) if (!ids.has(id)) selectedForCompare.delete(id);
    list.replaceChildren(...current.map(itemRow));
    list.hidden = current.length === 0;
    empty.hidden = current.length > 0;
    compareBar.hidden = current.length < 2;
    comparison.hidden = true;
    updateCompareControls();
    const totals = estimateTotals(
      current.map((line) => line.kopecks),
      prices,
    );
    subtotalValue.textContent = formatRub(totals.subtotal);
    vatValue.textContent = formatRub(totals.vat);
    totalValue.textContent = formatRub(totals.total);
    downloadButton.disabled = current.length === 0;
    shareButton.disabled = current.length === 0;
    shareOutput.hidden = true;
  }

  compareButton.addEventListener('click', showComparison);
  downloadButton.addEventListener('click', () => {
    const current = lines();
    downloadEstimateJson(
      current,
      estimateTotals(
        current.map((line) => line.kopecks),
        prices,
      ),
      prices,
    );
  });
  shareButton.addEventListener('click', () => {
    shareInput.value = buildShareUrl(getItems());
    shareOutput.hidden = false;
    shareInput.focus();
    shareInput.select();
  });
  connectButton.addEventListener('click', () => dialog.showModal());
  context.onDispose(subscribe(update));
  update();

  return {
    title: 'Your estimate — Cloud price calculator',
    element: h(
      'div',
      { class: 'page page-estimate', 'data-testid': 'estimate-page' },
      h('h1', { id: 'page-title' }, 'Your estimate'),
      flash,
      flashAlert,
      h(
        'div',
        { class: 'estimate-layout' },
        h(
          'section',
          {
            class: 'estimate-services',
            'aria-labelledby': 'services-heading',
            'data-testid': 'estimate-services',
          },
          h('div', { class: 'section-head' }, servicesHeading, h('a', { href: '/catalog' }, 'Add service')),
          list,
          empty,
          compareBar,
          comparison,
        ),
        h(
          'aside',
          { class: 'totals card', 'aria-labelledby': 'totals-heading', 'data-testid': 'estimate-totals' },
          h('h2', { id: 'totals-heading' }, 'Total'),
          h(
            'dl',
            { class: 'totals-list', 'aria-live': 'polite' },
            h('div', {}, h('dt', {}, 'Subtotal excl. VAT'), subtotalValue),
            h('div', {}, h('dt', {}, `VAT ${vatPercent(prices)}`), vatValue),
            h('div', { class: 'grand-total' }, h('dt', {}, 'Total per month incl. VAT'), totalValue),
          ),
          h('div', { class: 'totals-actions' }, downloadButton, shareButton, connectButton),
          shareOutput,
        ),
      ),
      dialog,
    ),
  };
}
