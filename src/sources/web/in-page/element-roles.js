/* global document */
// Approximate ARIA roles and accessible names, computed in the page. Playwright's own values
// (from aria snapshots) win for visible elements; these cover hidden elements and scopes, and
// every locator built from them is verified by resolving it, so an approximation can only
// cost a better locator, never produce a wrong one.
(() => {
  const api = globalThis.__testopsExplorer;
  const sectioning = 'article, aside, main, nav, section';
  const inputRoles = {
    checkbox: 'checkbox',
    radio: 'radio',
    range: 'slider',
    number: 'spinbutton',
    search: 'searchbox',
    button: 'button',
    submit: 'button',
    reset: 'button',
    image: 'button',
  };
  const tagRoles = {
    a: (el) => (el.hasAttribute('href') ? 'link' : ''),
    button: () => 'button',
    input: (el) => inputRoles[el.type] ?? (el.type === 'file' || el.type === 'color' ? '' : 'textbox'),
    select: (el) => (el.multiple || el.size > 1 ? 'listbox' : 'combobox'),
    textarea: () => 'textbox',
    nav: () => 'navigation',
    main: () => 'main',
    aside: () => 'complementary',
    header: (el) => (el.parentElement?.closest(sectioning) ? '' : 'banner'),
    footer: (el) => (el.parentElement?.closest(sectioning) ? '' : 'contentinfo'),
    section: (el) => (hasAuthorName(el) ? 'region' : ''),
    form: (el) => (hasAuthorName(el) ? 'form' : ''),
    search: () => 'search',
    dialog: () => 'dialog',
    article: () => 'article',
    fieldset: () => 'group',
    details: () => 'group',
    ul: () => 'list',
    ol: () => 'list',
    li: () => 'listitem',
    output: () => 'status',
    table: () => 'table',
    tr: () => 'row',
    p: () => 'paragraph',
  };
  const nameFromContent = new Set(['button', 'link', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio']);
  for (const role of [
    'option',
    'heading',
    'cell',
    'tooltip',
    'switch',
    'checkbox',
    'radio',
    'treeitem',
    'row',
  ]) {
    nameFromContent.add(role);
  }

  function hasAuthorName(element) {
    return element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby');
  }

  const normalize = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

  function visibleText(element) {
    if (element.nodeType === 3) return element.textContent;
    if (element.nodeType !== 1 || element.getAttribute('aria-hidden') === 'true') return '';
    if (element.localName === 'img') return element.getAttribute('alt') ?? '';
    return Array.from(element.childNodes, visibleText).join('');
  }

  api.roleOf = (element) => {
    const explicit = (element.getAttribute('role') ?? '').trim().split(/\s+/)[0];
    if (explicit && explicit !== 'none' && explicit !== 'presentation') return explicit;
    const byTag = tagRoles[element.localName];
    if (byTag) return byTag(element);
    return /^h[1-6]$/.test(element.localName) ? 'heading' : '';
  };

  api.nameOf = (element, role) => {
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const parts = labelledBy.split(/\s+/).map((id) => document.getElementById(id));
      // A referenced element's own aria-label comes before its text, as the naming rules say: a
      // tooltip's wrapper labelled "Archive feature flag" names the icon button inside it.
      const named = (part) => normalize(part.getAttribute('aria-label')) || visibleText(part);
      const text = normalize(parts.map((part) => (part ? named(part) : '')).join(' '));
      if (text) return text;
    }
    const label = normalize(element.getAttribute('aria-label'));
    if (label) return label;
    const labels = element.labels ? Array.from(element.labels, (item) => visibleText(item)) : [];
    if (labels.length > 0) return normalize(labels.join(' '));
    if (element.localName === 'input' && ['submit', 'reset', 'button'].includes(element.type)) {
      return normalize(element.value || (element.type === 'reset' ? 'Reset' : 'Submit'));
    }
    if (nameFromContent.has(role)) {
      const text = normalize(visibleText(element));
      if (text) return text;
    }
    return normalize(element.getAttribute('title') ?? element.getAttribute('placeholder') ?? '');
  };

  /** `role "name"`, or the bare role without a name: how the model names regions. */
  api.labelOf = (element, role) => {
    const name = api.nameOf(element, role);
    return name ? `${role} "${name}"` : role;
  };

  api.normalize = normalize;
})();
