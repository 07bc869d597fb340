/* global document, window */
// Facts about one element, gathered in a single pass in the page: what Node code needs to pick
// a locator (role, name, labels, test id, text, enclosing scopes) and to fill the model
// (visibility, state, value, form constraints).
(() => {
  const api = globalThis.__testopsExplorer;
  const landmarkRoles = new Set([
    'banner',
    'navigation',
    'main',
    'contentinfo',
    'complementary',
    'region',
    'form',
    'search',
    'dialog',
    'alertdialog',
  ]);
  // Scopes a locator may be narrowed to with `within`, besides landmarks.
  const scopeRoles = new Set([
    ...landmarkRoles,
    'tabpanel',
    'article',
    'group',
    'radiogroup',
    'listitem',
    'row',
  ]);
  api.isField = (element) => ['input', 'select', 'textarea'].includes(element.localName);
  const limit = (text, max) => (text.length > max ? `${text.slice(0, max)}…` : text);

  api.isVisible = (element) => {
    // Playwright's definition: a non-empty box and not visibility:hidden.
    const box = element.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    return element.checkVisibility ? element.checkVisibility({ visibilityProperty: true }) : true;
  };

  const isEnabled = (element) =>
    !element.matches(':disabled') && element.closest('[aria-disabled="true"]') === null;

  const isToggle = (element) => element.type === 'checkbox' || element.type === 'radio';

  function booleanState(element, attribute, useProperty) {
    if (useProperty && isToggle(element)) return element[attribute.replace('aria-', '')];
    const value = element.getAttribute(attribute);
    return value === null ? undefined : value === 'true';
  }

  function valueOf(element) {
    if (element.localName === 'input' && element.type === 'password') return element.value ? '••••' : '';
    if (isToggle(element)) return element.checked ? 'checked' : 'unchecked';
    if (api.isField(element)) {
      return limit(String(element.value), 200);
    }
    return undefined;
  }

  function constraintsOf(element) {
    if (!api.isField(element)) return undefined;
    const constraints = {};
    if (element.required || element.getAttribute('aria-required') === 'true') constraints.required = true;
    if (element.localName === 'input') constraints.type = element.type;
    for (const name of ['min', 'max', 'step', 'pattern']) {
      const value = element.getAttribute(name);
      if (value !== null && value !== '') constraints[name] = value;
    }
    if (element.minLength >= 0) constraints.minLength = element.minLength;
    if (element.maxLength >= 0) constraints.maxLength = element.maxLength;
    if (element.localName === 'select') {
      constraints.options = Array.from(element.options, (option) => ({
        value: option.value,
        label: api.normalize(option.label || option.textContent),
      }));
    }
    return constraints;
  }

  function scopesOf(element) {
    const scopes = [];
    for (
      let parent = element.parentElement;
      parent && parent !== document.body;
      parent = parent.parentElement
    ) {
      const role = api.roleOf(parent);
      if (!scopeRoles.has(role)) continue;
      const name = api.nameOf(parent, role);
      scopes.push({ key: api.keyOf(parent), role, name, testId: parent.getAttribute('data-testid') ?? '' });
    }
    return scopes;
  }

  function regionOf(scopes) {
    const landmark = scopes.find((scope) => landmarkRoles.has(scope.role));
    if (!landmark) return undefined;
    return landmark.name ? `${landmark.role} "${landmark.name}"` : landmark.role;
  }

  /** The accessible name of the element at `key`, or null when none is there. */
  api.nameAt = (key) => {
    const element = api.find(key);
    return element ? api.nameOf(element, api.roleOf(element)) : null;
  };

  api.describe = (element) => {
    const role = api.roleOf(element);
    const scopes = scopesOf(element);
    const form = element.form ?? element.closest('form');
    return {
      key: api.keyOf(element),
      tag: element.localName,
      inputType: element.localName === 'input' ? element.type : undefined,
      role,
      name: api.nameOf(element, role),
      visible: api.isVisible(element),
      enabled: isEnabled(element),
      readOnly: element.readOnly === true || element.getAttribute('aria-readonly') === 'true',
      value: valueOf(element),
      checked: booleanState(element, 'aria-checked', true),
      selected: element.getAttribute('aria-selected') === 'true',
      group: element.type === 'radio' ? element.name : '',
      expanded: booleanState(element, 'aria-expanded', false),
      invalid: element.getAttribute('aria-invalid') === 'true' || element.matches(':user-invalid'),
      testId: element.getAttribute('data-testid') ?? '',
      elementId: element.getAttribute('id') ?? '',
      classNames: Array.from(element.classList).slice(0, 12),
      placeholder: element.getAttribute('placeholder') ?? '',
      labels: element.labels ? Array.from(element.labels, (label) => api.normalize(label.textContent)) : [],
      ariaLabel: api.normalize(element.getAttribute('aria-label')),
      text: api.isField(element) ? '' : limit(api.normalize(element.innerText ?? element.textContent), 200),
      href: element.localName === 'a' && element.hasAttribute('href') ? element.href : undefined,
      opensElsewhere: element.getAttribute('target') === '_blank' || element.hasAttribute('download'),
      formKey: form ? api.keyOf(form) : undefined,
      submits: Boolean(form) && (element.type === 'submit' || element.type === 'image'),
      constraints: constraintsOf(element),
      scopes,
      region: regionOf(scopes),
      url: window.location.href,
    };
  };
})();
