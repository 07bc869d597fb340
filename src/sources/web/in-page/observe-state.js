/* global document, window, HTMLElement, NodeFilter */
// The observable state of a page, snapshotted before and after each interaction: interactive
// elements, live regions and stably keyed elements one by one, every other visible text as a
// loose text. Node code diffs two snapshots into the effects of an interaction.
(() => {
  const api = globalThis.__testopsExplorer;
  const liveRoles = [
    'status',
    'alert',
    'log',
    'timer',
    'progressbar',
    'meter',
    'tooltip',
    'dialog',
    'alertdialog',
  ];
  const live = ['[aria-live]', 'output', 'dialog', ...liveRoles.map((role) => `[role="${role}"]`)].join(', ');
  const observable = [api.interactiveSelector, live, '[data-testid]', '[id]'].join(', ');
  const MAX_OBSERVED_TEXT = 300;
  const MAX_LEAVES = 400;

  const landmarks = new Set([
    'banner',
    'navigation',
    'main',
    'contentinfo',
    'complementary',
    'region',
    'form',
    'search',
  ]);

  /** Labels (`navigation "Main"`) of the landmarks around an element, to tell which ones changed. */
  function regionsOf(element, cache) {
    if (!element || element === document.body) return [];
    if (cache.has(element)) return cache.get(element);
    const role = api.roleOf(element);
    const own = landmarks.has(role) ? [api.labelOf(element, role)] : [];
    const regions = [...own, ...regionsOf(element.parentElement, cache)];
    cache.set(element, regions);
    return regions;
  }

  /**
   * The text a test reads: rendered text (no hidden parts), but with the DOM's spacing when the
   * two differ only in whitespace, as where blocks meet ("empty.Browse"): that is what
   * Playwright's text assertions compare.
   */
  function textOf(element, visible) {
    const content = api.normalize(element.textContent);
    if (!visible) return content;
    const rendered = api.normalize(element.innerText);
    const squeeze = (text) => text.replace(/\s+/g, '');
    return rendered !== content && squeeze(rendered) === squeeze(content) ? content : rendered;
  }

  function observe(element, parent, cache) {
    const visible = api.isVisible(element);
    const text = api.isField(element) ? '' : textOf(element, visible);
    return {
      key: api.keyOf(element),
      stable: api.hasStableKey(element),
      parent: parent ? api.keyOf(parent) : '',
      regions: regionsOf(element, cache),
      text: text.length > MAX_OBSERVED_TEXT ? null : text,
      value: api.isField(element) ? String(element.value) : undefined,
      visible,
      enabled: !element.matches(':disabled') && element.getAttribute('aria-disabled') !== 'true',
      checked: element.type === 'checkbox' || element.type === 'radio' ? element.checked : undefined,
      expanded: element.getAttribute('aria-expanded') ?? undefined,
      invalid: element.getAttribute('aria-invalid') === 'true' || element.matches(':user-invalid'),
    };
  }

  // Elements keyed only by their position would shift when siblings come and go, so only
  // interactive elements, live regions and elements with a stable key are observed one by one;
  // every other visible text is observed as a loose text, keyed by the text itself.
  function isObserved(element) {
    if (!(element instanceof HTMLElement) || element === document.body) return false;
    return element.matches(api.interactiveSelector) || element.matches(live) || api.hasStableKey(element);
  }

  function nearest(element, set) {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (set.has(parent)) return parent;
    }
    return undefined;
  }

  /** A dialog showing, if any: a modal one hides the rest of the page from assistive technology. */
  function shownModal() {
    const modals = document.querySelectorAll(
      '[aria-modal="true"], dialog[open], [role="dialog"], [role="alertdialog"]',
    );
    return Array.from(modals).find((element) => api.isVisible(element));
  }

  /**
   * A layer shown over the page that hid the body's other children from assistive technology, with
   * no dialog role: a menu or popover library's (MUI's Menu and Popover are `role="presentation"`
   * roots). A body child not hidden, beside one that is, with something shown in it.
   */
  function shownLayer() {
    const children = Array.from(document.body.children).filter(
      (child) => !child.matches('script, style, noscript, template'),
    );
    if (!children.some((child) => child.getAttribute('aria-hidden') === 'true')) return undefined;
    const shows = (child) =>
      api.isVisible(child) || Array.from(child.querySelectorAll('*')).slice(0, 200).some(api.isVisible);
    return children.find((child) => child.getAttribute('aria-hidden') !== 'true' && shows(child));
  }

  /**
   * Hidden from assistive technology by its own page, not by a modal dialog or a layer: a modal
   * (or a menu's layer) hides the body's other children (`aria-hidden` on the app's root) while
   * the page still shows behind it, and its texts have not gone.
   */
  function ariaHidden(element, modal) {
    const hidden = element.closest('[aria-hidden="true"]');
    if (!hidden) return false;
    const byModal = modal && hidden.parentElement === document.body && !hidden.contains(modal);
    return !byModal;
  }

  /** Text blocks no observed element already covers, with their nearest observed ancestor. */
  function looseTexts(observed, covering, cache) {
    const modal = shownModal() ?? shownLayer();
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node && texts.length < MAX_LEAVES; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || seen.has(element) || !node.textContent.trim()) continue;
      seen.add(element);
      if (element.closest('script, style, noscript, template') || ariaHidden(element, modal)) continue;
      if (covering.has(element) || nearest(element, covering) || !api.isVisible(element)) continue;
      const text = textOf(element, true);
      const parent = nearest(element, observed);
      if (text && text.length <= 200) {
        texts.push({ text, parent: parent ? api.keyOf(parent) : '', regions: regionsOf(element, cache) });
      }
    }
    return texts;
  }

  api.snapshot = () => {
    const elements = Array.from(document.querySelectorAll(observable)).filter(isObserved);
    const set = new Set(elements);
    const cache = new Map();
    const items = elements.map((element) => observe(element, nearest(element, set), cache));
    const covering = new Set(elements.filter((_element, index) => items[index].text !== null));
    return { url: window.location.href, items, texts: looseTexts(set, covering, cache) };
  };
})();
