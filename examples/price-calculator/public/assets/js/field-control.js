// Builds the form control for one product field and returns a small controller, so the
// configuration page can read values, move limits, disable fields and show errors without
// knowing which kind of control it is dealing with.
import { h } from './dom.js';
import { fieldLabel } from './field-labels.js';
import { createTooltip } from './tooltip.js';

function labelRow(field, labelElement, context) {
  const row = h('div', { class: 'field-label-row' }, labelElement);
  if (field.help) {
    const { trigger, tooltip } = createTooltip(field.label, field.help, context);
    row.append(trigger, tooltip);
  }
  return row;
}

function numericControl(field, value, context, onChange) {
  const id = `field-${field.id}`;
  const labelId = `label-${field.id}`;
  const hint = h('p', { class: 'field-hint', id: `hint-${field.id}` });
  const error = h('p', { class: 'field-error', id: `error-${field.id}`, hidden: true });
  const input = h('input', {
    type: 'number',
    id,
    name: field.id,
    inputmode: 'numeric',
    min: field.min,
    max: field.max,
    step: field.step,
    value,
    'aria-describedby': `${hint.id} ${error.id}`,
  });
  const range =
    field.kind === 'range'
      ? h('input', {
          type: 'range',
          id: `${id}-range`,
          min: field.min,
          max: field.max,
          step: field.step,
          value,
          'aria-labelledby': labelId,
          'aria-describedby': hint.id,
        })
      : null;
  // The slider and the number box share one label; their roles (slider, spinbutton) tell them apart.
  range?.addEventListener('input', () => {
    input.value = range.value;
    onChange(field);
  });
  input.addEventListener('input', () => {
    if (range && /^\d+$/.test(input.value.trim())) range.value = input.value.trim();
    onChange(field);
  });
  const element = h(
    'div',
    { class: `field field-${field.kind}`, 'data-field': field.id },
    labelRow(field, h('label', { for: id, id: labelId }, fieldLabel(field)), context),
    h('div', { class: 'field-control' }, range, input),
    hint,
    error,
  );
  return {
    field,
    element,
    read: () => input.value.trim(),
    write(next) {
      input.value = String(next);
      if (range) range.value = String(next);
    },
    setMax(max) {
      input.max = String(max);
      if (range) range.max = String(max);
    },
    setHint: (text) => (hint.textContent = text),
    setError(message) {
      error.hidden = !message;
      error.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
    setDisabled() {},
  };
}

function selectControl(field, value, context, onChange) {
  const id = `field-${field.id}`;
  const hint = h('p', { class: 'field-hint', id: `hint-${field.id}`, hidden: true });
  const select = h(
    'select',
    { id, name: field.id, 'aria-describedby': hint.id },
    field.options.map((option) =>
      h('option', { value: option.value, selected: option.value === value }, option.label),
    ),
  );
  select.addEventListener('change', () => onChange(field));
  const element = h(
    'div',
    { class: 'field field-select', 'data-field': field.id },
    labelRow(field, h('label', { for: id }, fieldLabel(field)), context),
    h('div', { class: 'field-control' }, select),
    hint,
  );
  return {
    field,
    element,
    read: () => select.value,
    write: (next) => (select.value = next),
    setMax() {},
    setHint(text) {
      hint.hidden = !text;
      hint.textContent = text ?? '';
    },
    setError() {},
    setDisabled: (disabled) => (select.disabled = disabled),
  };
}

function radioControl(field, value, context, onChange) {
  const labelId = `label-${field.id}`;
  const inputs = field.options.map((option) =>
    h('input', {
      type: 'radio',
      id: `field-${field.id}-${option.value}`,
      name: field.id,
      value: option.value,
      checked: option.value === value,
    }),
  );
  for (const input of inputs) input.addEventListener('change', () => onChange(field));
  const element = h(
    'div',
    { class: 'field field-radio', 'data-field': field.id },
    labelRow(field, h('span', { class: 'field-label', id: labelId }, fieldLabel(field)), context),
    h(
      'div',
      { class: 'radio-group', role: 'radiogroup', 'aria-labelledby': labelId },
      field.options.map((option, index) =>
        h(
          'div',
          { class: 'radio-option' },
          inputs[index],
          h('label', { for: inputs[index].id }, option.label),
        ),
      ),
    ),
  );
  return {
    field,
    element,
    read: () => inputs.find((input) => input.checked)?.value ?? field.default,
    write(next) {
      for (const input of inputs) input.checked = input.value === next;
    },
    setMax() {},
    setHint() {},
    setError() {},
    setDisabled(disabled) {
      for (const input of inputs) input.disabled = disabled;
    },
  };
}

export function createFieldControl(field, value, context, onChange) {
  if (field.kind === 'range' || field.kind === 'number')
    return numericControl(field, value, context, onChange);
  if (field.kind === 'radio') return radioControl(field, value, context, onChange);
  return selectControl(field, value, context, onChange);
}
