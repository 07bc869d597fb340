// /configure/<productId>: one form for any product, built from the catalogue's field list.
// Every change revalidates all fields (limits depend on each other), updates dependent fields
// and recalculates the live price. ?item=<id> edits an existing estimate line instead.
import { h } from '../dom.js';
import { addItem, findItem, getItems, updateItem } from '../estimate-store.js';
import { hasFault } from '../fault.js';
import { createFieldControl } from '../field-control.js';
import { setFlash } from '../flash.js';
import { formatRub } from '../format.js';
import { priceItem, vatPercent } from '../pricing.js';
import { navigate } from '../router.js';
import { renderNotFoundPage } from './not-found-page.js';

function isNumeric(field) {
  return field.kind === 'range' || field.kind === 'number';
}

function parseWhole(text) {
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

export function renderConfigurePage(context, { catalog, prices }) {
  const product = catalog.products.find((candidate) => candidate.id === context.params[0]);
  if (!product) return renderNotFoundPage(context, 'Product not found');

  const editingItem = findItem(context.query.get('item') ?? '');
  const editing = editingItem?.productId === product.id ? editingItem : undefined;
  const controls = new Map();
  const fieldById = new Map(product.fields.map((field) => [field.id, field]));
  const regionName = (id) => catalog.regions.find((region) => region.id === id)?.name ?? id;

  // --- limits and validation -------------------------------------------------------------

  function numberOf(fieldId) {
    return parseWhole(controls.get(fieldId)?.read() ?? '');
  }

  function effectiveMax(field) {
    if (!field.maxPerUnitOf || hasFault('ram-limit-not-enforced')) return field.max;
    const base = numberOf(field.maxPerUnitOf.field);
    return Number.isNaN(base) ? field.max : Math.min(field.max, base * field.maxPerUnitOf.factor);
  }

  function fieldError(field) {
    const value = numberOf(field.id);
    const max = effectiveMax(field);
    // Fault: the instance count check is off by one.
    const allowed = field.id === 'instances' && hasFault('instances-100-accepted') ? max + 1 : max;
    if (!Number.isNaN(value) && value >= field.min && value <= allowed) return null;
    if (!Number.isNaN(value) && value > max && max < field.max && field.maxPerUnitOf) {
      const base = fieldById.get(field.maxPerUnitOf.field);
      return `${field.label} can be at most ${max} ${field.unit ?? ''} for ${numberOf(base.id)} ${base.label}`;
    }
    return `Enter a whole number from ${field.min} to ${max}`;
  }

  function numericHint(field) {
    const range = `From ${field.min} to ${effectiveMax(field)}${field.unit ? ` ${field.unit}` : ''}`;
    if (!field.maxPerUnitOf) return range;
    const base = fieldById.get(field.maxPerUnitOf.field);
    return `${range}, at most ${field.maxPerUnitOf.factor} ${field.unit ?? ''} per ${base.label}`;
  }

  /** Moves dependent maxima; when the base shrinks, dependent values are lowered to fit. */
  function applyDependentLimits(changed, { announce }) {
    for (const field of product.fields) {
      if (!isNumeric(field) || !field.maxPerUnitOf) continue;
      if (changed && field.maxPerUnitOf.field !== changed.id) continue;
      const control = controls.get(field.id);
      const max = effectiveMax(field);
      control.setMax(max);
      control.setHint(numericHint(field));
      const value = numberOf(field.id);
      if (!Number.isNaN(value) && value > max && announce) {
        control.write(max);
        control.setHint(`${numericHint(field)}. Reduced to ${max} ${field.unit ?? ''} to fit.`);
      }
    }
  }

  function applyRegionAvailability() {
    const region = controls.get('region')?.read();
    for (const field of product.fields) {
      if (!field.availableInRegions) continue;
      const control = controls.get(field.id);
      const available = field.availableInRegions.includes(region) || hasFault('gpu-enabled-in-all-regions');
      if (!available) control.write(field.default);
      control.setDisabled(!available);
      const where = field.availableInRegions.map(regionName).join(', ');
      control.setHint(available ? null : `Not available in this region. Available in ${where}.`);
    }
  }

  function validate() {
    let valid = true;
    for (const field of product.fields) {
      if (!isNumeric(field)) continue;
      const message = fieldError(field);
      controls.get(field.id).setError(message);
      if (message) valid = false;
    }
    return valid;
  }

  function currentValues() {
    const values = {};
    for (const field of product.fields) {
      const raw = controls.get(field.id).read();
      values[field.id] = isNumeric(field) ? parseWhole(raw) : raw;
    }
    return values;
  }

  // --- price panel -----------------------------------------------------------------------

  const priceAmount = h('strong', { class: 'price-amount' });
  const livePrice = h(
    'p',
    { class: 'live-price', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'live-price' },
    priceAmount,
    h('span', { class: 'price-period' }, ' per month'),
  );
  const vatNote = h('p', { class: 'price-note', 'data-testid': 'price-vat-note' });
  const submitButton = h(
    'button',
    { type: 'submit', class: 'button button-primary' },
    editing ? 'Save changes' : 'Add to estimate',
  );
  const status = h('div', { class: 'form-status', role: 'status', 'data-testid': 'add-status' });
  const alert = h('div', { class: 'form-alert', role: 'alert', 'data-testid': 'add-alert' });

  function updatePrice() {
    const valid = validate();
    submitButton.disabled = !valid;
    if (!valid) {
      priceAmount.textContent = '—';
      vatNote.textContent = 'Correct the highlighted fields to see the price.';
      return;
    }
    const kopecks = priceItem(product, currentValues(), prices);
    priceAmount.textContent = formatRub(kopecks);
    const withVat = kopecks + Math.round(kopecks * prices.vatRate);
    vatNote.textContent = `Excluding VAT. With VAT ${vatPercent(prices)}: ${formatRub(withVat)}`;
  }

  function onFieldChange(field) {
    status.replaceChildren();
    alert.replaceChildren();
    applyDependentLimits(field, { announce: true });
    if (field.id === 'region') {
      applyRegionAvailability();
      // Fault: the region handler forgets to recalculate, leaving a stale price on screen.
      if (hasFault('price-not-updated-on-region-change')) {
        submitButton.disabled = !validate();
        return;
      }
    }
    updatePrice();
  }

  // --- form ------------------------------------------------------------------------------

  const fieldsColumn = h('div', { class: 'form-fields' });
  if (product.freeTier) {
    fieldsColumn.append(
      h(
        'section',
        { class: 'allowance', 'aria-labelledby': 'allowance-heading', 'data-testid': 'free-tier-allowance' },
        h('h2', { id: 'allowance-heading' }, 'Included in the Free Tier'),
        h(
          'ul',
          {},
          product.allowance.map((line) => h('li', {}, line)),
        ),
        h('p', { class: 'muted' }, 'One Free Tier service of each kind per estimate.'),
      ),
    );
  }
  for (const field of product.fields) {
    const value = editing?.values[field.id] ?? field.default;
    const control = createFieldControl(field, value, context, onFieldChange);
    controls.set(field.id, control);
    fieldsColumn.append(control.element);
  }
  for (const field of product.fields)
    if (isNumeric(field)) controls.get(field.id).setHint(numericHint(field));
  applyDependentLimits(null, { announce: false });
  applyRegionAvailability();
  updatePrice();

  function onSubmit(event) {
    event.preventDefault();
    status.replaceChildren();
    alert.replaceChildren();
    if (!validate()) return;
    const values = currentValues();
    if (editing) {
      updateItem(editing.id, values);
      setFlash(`${editing.name} updated.`);
      navigate('/estimate');
      return;
    }
    const alreadyAdded = getItems().some((item) => item.productId === product.id);
    // Fault: the once-per-estimate Free Tier rule is skipped.
    if (product.freeTier && alreadyAdded && !hasFault('free-tier-added-twice')) {
      alert.textContent = `${product.name} is already in your estimate. A Free Tier product can be added only once.`;
      return;
    }
    const item = addItem(product, values);
    status.append(`${item.name} added to the estimate. `, h('a', { href: '/estimate' }, 'View estimate'));
  }

  const form = h(
    'form',
    { class: 'configure-layout', novalidate: true, 'aria-labelledby': 'page-title', onSubmit },
    fieldsColumn,
    h(
      'aside',
      { class: 'price-panel card', 'aria-labelledby': 'price-heading', 'data-testid': 'price-panel' },
      h('h2', { id: 'price-heading' }, 'Monthly price'),
      livePrice,
      vatNote,
      submitButton,
      status,
      alert,
    ),
  );

  const title = editing ? `Edit ${editing.name}` : `Configure ${product.name}`;
  return {
    title: `${title} — Cloud price calculator`,
    element: h(
      'div',
      { class: 'page page-configure', 'data-testid': 'configure-page' },
      h(
        'nav',
        { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
        h(
          'ol',
          {},
          h('li', {}, h('a', { href: '/catalog' }, 'Catalogue')),
          h('li', {}, h('span', { 'aria-current': 'page' }, product.name)),
        ),
      ),
      h('h1', { id: 'page-title' }, title),
      h('p', { class: 'lead' }, product.description),
      form,
    ),
  };
}
