/* global document, HTMLElement */
// Page-wide collections: the interactive elements, forms and their validation messages, menu
// toggles, and horizontal overflow at the current viewport.
(() => {
  const api = globalThis.__testopsExplorer;
  const interactiveRoles = [
    'button',
    'link',
    'checkbox',
    'radio',
    'switch',
    'tab',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'slider',
    'spinbutton',
    'combobox',
    'textbox',
    'searchbox',
    'treeitem',
  ];
  const interactive = [
    'a[href]',
    'button',
    'input:not([type="hidden"])',
    'select',
    'textarea',
    'summary',
    '[contenteditable="true"]',
    ...interactiveRoles.map((role) => `[role="${role}"]`),
  ].join(', ');
  api.interactiveSelector = interactive;

  /** A loading placeholder, or inside one: a stand-in for a control that is not there yet. */
  api.isPlaceholder = (element) =>
    element.matches(api.loadingSelector) || element.closest(api.placeholderBlocks) !== null;

  /** Whether any loading placeholder shows. */
  api.loadingShown = () => Array.from(document.querySelectorAll(api.loadingSelector)).some(api.isVisible);

  api.collectInteractive = (max) => {
    const all = Array.from(document.querySelectorAll(interactive)).filter(
      (element) =>
        element instanceof HTMLElement && !element.closest('template') && !api.isPlaceholder(element),
    );
    return { total: all.length, items: all.slice(0, max).map(api.describe) };
  };

  /** The first `max` interactive elements among the given keys (what an action rendered), described. */
  api.describeKeys = (keys, max) =>
    keys
      .map(api.find)
      .filter(
        (element) =>
          element instanceof HTMLElement &&
          element.matches(interactive) &&
          !element.closest('template') &&
          !api.isPlaceholder(element),
      )
      .slice(0, max)
      .map(api.describe);

  api.forms = () =>
    Array.from(document.forms, (form) => ({
      key: api.keyOf(form),
      name: api.nameOf(form, 'form'),
      method: (form.getAttribute('method') ?? 'get').toLowerCase(),
      noValidate: form.noValidate,
      fieldKeys: Array.from(form.elements)
        .filter((field) => api.isField(field) && field.type !== 'hidden')
        .map(api.keyOf),
    }));

  const errorLike = '[role="alert"], [id*="error" i], [class*="error" i], [class*="invalid" i]';

  /** Field keys with the validation message each shows (native or via aria-describedby). */
  api.validationMessages = (fieldKeys) =>
    fieldKeys.flatMap((key) => {
      const field = api.find(key);
      if (!field) return [];
      const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const errorIds = [field.getAttribute('aria-errormessage'), ...described].filter(Boolean);
      const shown = errorIds
        .map((id) => document.getElementById(id))
        .filter((element) => element && api.isVisible(element));
      // aria-describedby often lists a hint too; the error part is what a test asserts on.
      const errors = shown.filter((element) => element.matches(errorLike));
      const message = (errors.length > 0 ? errors : shown).map((element) => api.normalize(element.innerText));
      const invalid = field.getAttribute('aria-invalid') === 'true';
      const text = invalid ? message.join(' ') : field.validationMessage;
      return text ? [{ key, message: text }] : [];
    });

  api.overflow = () => {
    const width = document.documentElement.clientWidth;
    const horizontal = document.documentElement.scrollWidth > width;
    if (!horizontal) return { horizontal, keys: [] };
    const overflowing = Array.from(document.body.querySelectorAll('*')).filter(
      (element) =>
        element instanceof HTMLElement &&
        api.isVisible(element) &&
        element.getBoundingClientRect().right > width + 1,
    );
    // The innermost offenders name the cause; their ancestors only inherit the width.
    const innermost = overflowing.filter(
      (element) => !overflowing.some((other) => other !== element && element.contains(other)),
    );
    return { horizontal, keys: innermost.slice(0, 10).map(api.keyOf) };
  };

  // Content a reader needs at any width: headings and the notices of the page's landmarks.
  const contentSelector = 'h1, h2, h3, p, [role="note"]';
  const landmarkSelector =
    'header, footer, main, aside, nav, [role="banner"], [role="contentinfo"], [role="main"], [role="complementary"]';
  const siteWide = 'footer, [role="contentinfo"], header, [role="banner"]';

  /** Visible text blocks inside landmarks, the main heading and site-wide notices first. */
  api.contentBlocks = (max) => {
    const blocks = Array.from(document.querySelectorAll(contentSelector)).filter((element) => {
      if (!(element instanceof HTMLElement) || !api.isVisible(element)) return false;
      if (element.closest('[aria-hidden="true"], a, button, label, [role="tooltip"], dialog')) return false;
      const text = api.normalize(element.innerText);
      return text.length > 0 && text.length <= 300 && element.closest(landmarkSelector) !== null;
    });
    const rank = (element) =>
      element.localName === 'h1' ? 0 : element.closest(siteWide) ? 1 : element.localName === 'h2' ? 2 : 3;
    return blocks
      .map((element, index) => ({ element, index }))
      .sort((a, b) => rank(a.element) - rank(b.element) || a.index - b.index)
      .slice(0, max)
      .map(({ element }) => api.keyOf(element));
  };

  api.menuToggles = () =>
    Array.from(document.querySelectorAll('button, [role="button"], summary'))
      .filter((element) => api.isVisible(element))
      .filter((element) => {
        const name = api.nameOf(element, 'button');
        return element.hasAttribute('aria-expanded') || /menu|navigation|☰/i.test(name);
      })
      .map(api.describe);
})();
