/* global document, CSS */
// Internal keys: a CSS selector that finds one element in the current document. They never
// leave the explorer (the model only holds user-facing locators); they let Node code refer to
// an element between calls without tagging the DOM, which would count as a mutation.
(() => {
  const api = globalThis.__testopsExplorer;

  function unique(selector) {
    try {
      return document.querySelectorAll(selector).length === 1;
    } catch {
      return false;
    }
  }

  /** A selector from the element's own attributes, if one is unique in the document. */
  function attributeKey(element) {
    const tag = element.localName;
    const candidates = [];
    const testId = element.getAttribute('data-testid');
    if (testId) candidates.push(`[data-testid="${CSS.escape(testId)}"]`);
    // Not an id a framework's counter made: two loads may number one element differently.
    if (element.id && !api.counterId.test(element.id)) candidates.push(`#${CSS.escape(element.id)}`);
    const name = element.getAttribute('name');
    if (name) {
      const value = element.getAttribute('value');
      const base = `${tag}[name="${CSS.escape(name)}"]`;
      candidates.push(value === null ? base : `${base}[value="${CSS.escape(value)}"]`);
    }
    return candidates.find(unique);
  }

  function nthOfType(element) {
    let index = 1;
    for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (sibling.localName === element.localName) index += 1;
    }
    return `${element.localName}:nth-of-type(${index})`;
  }

  /** The element's own key, else a short path from the nearest ancestor that has one. */
  api.keyOf = (element) => {
    const own = attributeKey(element);
    if (own) return own;
    const steps = [];
    let current = element;
    while (current && current !== document.documentElement) {
      steps.unshift(nthOfType(current));
      const parent = current.parentElement;
      const anchor = parent && parent !== document.documentElement ? attributeKey(parent) : undefined;
      if (anchor) return `${anchor} > ${steps.join(' > ')}`;
      current = parent;
    }
    return `html > ${steps.join(' > ')}`;
  };

  api.hasStableKey = (element) => attributeKey(element) !== undefined;

  api.find = (key) => {
    try {
      return document.querySelector(key);
    } catch {
      return null;
    }
  };
})();
