// The side-by-side comparison of selected estimate lines: one column per service, one row per
// parameter (the union of all their fields, in first-seen order), the price last.
import { h } from './dom.js';
import { fieldLabel, fieldValueText } from './field-labels.js';
import { formatRub } from './format.js';

export function buildCompareTable(lines) {
  const rows = new Map();
  for (const { product } of lines) {
    for (const field of product.fields)
      if (!rows.has(fieldLabel(field))) rows.set(fieldLabel(field), field.id);
  }
  const cell = (line, label) => {
    const field = line.product.fields.find((candidate) => fieldLabel(candidate) === label);
    return field ? fieldValueText(field, line.item.values[field.id]) : '—';
  };
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'compare-table', 'data-testid': 'comparison-table' },
      h('caption', {}, `Comparison of ${lines.length} services`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Parameter'),
          lines.map((line) => h('th', { scope: 'col' }, line.item.name)),
        ),
      ),
      h(
        'tbody',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, 'Product'),
          lines.map((line) => h('td', {}, line.product.name)),
        ),
        [...rows.keys()].map((label) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, label),
            lines.map((line) => h('td', {}, cell(line, label))),
          ),
        ),
        h(
          'tr',
          { class: 'compare-price' },
          h('th', { scope: 'row' }, 'Price per month'),
          lines.map((line) => h('td', {}, formatRub(line.kopecks))),
        ),
      ),
    ),
  );
}
