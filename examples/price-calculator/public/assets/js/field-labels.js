// How field names and values are written for people: "RAM, GB" as a form label, "4 GB" in a
// summary, option labels instead of option ids.
export function fieldLabel(field) {
  return field.unit ? `${field.label}, ${field.unit}` : field.label;
}

export function fieldValueText(field, value) {
  if (field.kind === 'select' || field.kind === 'radio') {
    return field.options.find((option) => option.value === value)?.label ?? String(value);
  }
  return field.unit ? `${value} ${field.unit}` : String(value);
}
