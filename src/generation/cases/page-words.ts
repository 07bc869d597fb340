import type { PageModel, UiAction, UiEffect, UiElement, UiLocator } from '../../core/page-model.ts';

// How a manual case names what a tester sees: `the "Add to estimate" button`, `the live price`,
// `the Region select`; actions and observed effects as sentences with the recorded values.

const ROLE_WORDS: Record<string, string> = {
  button: 'button',
  link: 'link',
  textbox: 'field',
  spinbutton: 'field',
  searchbox: 'search field',
  combobox: 'select',
  slider: 'slider',
  radio: 'option',
  checkbox: 'checkbox',
  switch: 'switch',
  tab: 'tab',
  status: 'status message',
  alert: 'alert',
  tooltip: 'tooltip',
  dialog: 'dialog',
  article: 'card',
  heading: 'heading',
  navigation: 'navigation',
  form: 'form',
};

export function describeLocator(locator: UiLocator, page?: PageModel): string {
  const element = page?.elements.find((candidate) => sameLocator(candidate.locator, locator));
  if (element && !namedByAttribute(locator)) return describeElement(element);
  const inside = locator.within ? ` in ${describeLocator(locator.within)}` : '';
  return `${describeBare(locator)}${inside}`;
}

function describeBare(locator: UiLocator): string {
  switch (locator.strategy) {
    case 'role': {
      const word = ROLE_WORDS[locator.role] ?? locator.role;
      return locator.name ? `the "${locator.name}" ${word}` : `the ${word}`;
    }
    case 'label':
      return `the "${locator.text}" field`;
    case 'placeholder':
      return `the field with the placeholder "${locator.text}"`;
    case 'testid':
      return `the ${locator.testId.replace(/[-_]+/g, ' ')}`;
    case 'text':
      return `the text "${shortText(locator.text)}"`;
    case 'id':
      return `the ${locator.id.replace(/[-_]+/g, ' ')}`;
    case 'class':
      return `the ${locator.className.replace(/[-_]+/g, ' ')} ${locator.tag}`;
    case 'item':
      return `the item "${shortText(locator.text)}"`;
  }
}

/** A test id or element id names the element better than its (often empty) accessible name. */
function namedByAttribute(locator: UiLocator): boolean {
  return locator.strategy === 'testid' || locator.strategy === 'id';
}

export function describeElement(element: UiElement): string {
  if (namedByAttribute(element.locator)) return describeLocator(element.locator);
  const word = ROLE_WORDS[element.role] ?? element.role;
  const inside = element.locator.within ? ` in ${describeLocator(element.locator.within)}` : '';
  return element.name.trim() === ''
    ? `the ${word}${inside}`
    : `the "${shortText(element.name)}" ${word}${inside}`;
}

/** `lookup` finds an element by id on this page first, then on the pages a setup step crosses to. */
export function describeAction(action: UiAction, lookup: (id: string) => UiElement | undefined): string {
  const element = lookup(action.target);
  const target = element ? describeElement(element) : `the "${action.target}" element`;
  switch (action.kind) {
    case 'click':
      return `Click ${target}`;
    case 'fill':
      return action.value === '' ? `Clear ${target}` : `Enter ${action.value} in ${target}`;
    case 'select': {
      const label = element?.constraints?.options?.find((option) => option.value === action.value)?.label;
      return `Select "${label ?? action.value}" in ${target}`;
    }
    case 'check':
      return `Choose ${target}`;
    case 'uncheck':
      return `Clear ${target}`;
    case 'press':
      return `Press ${action.key} on ${target}`;
    case 'hover':
      return `Point at ${target}`;
    case 'dblclick':
      return `Double-click ${target}`;
  }
}

export function describeEffect(effect: UiEffect, page: PageModel): string {
  switch (effect.kind) {
    case 'text-changed':
      return `${describeLocator(effect.target, page)} changes from "${shortText(effect.before)}" to "${shortText(effect.after)}"`;
    case 'value-changed':
      return `${describeLocator(effect.target, page)} changes from ${effect.before} to ${effect.after}`;
    case 'appeared':
      return effect.text && effect.target.strategy !== 'text'
        ? `${describeLocator(effect.target, page)} appears saying "${shortText(effect.text)}"`
        : `${describeLocator(effect.target, page)} appears`;
    case 'disappeared':
      return `${describeLocator(effect.target, page)} disappears`;
    case 'state-changed':
      return `${describeLocator(effect.target, page)} becomes ${effect.state}`;
    case 'url-changed':
      return `the address changes to ${pathOf(effect.to)}`;
    case 'dialog':
      return `a ${effect.type} dialog says "${shortText(effect.message)}"`;
  }
}

/** The page as a tester names it: its main heading, else its title. */
export function pageName(page: PageModel): string {
  return page.headings.find((heading) => heading.level === 1)?.text ?? page.title ?? page.id;
}

/** `form "Configure Virtual Machine"` → "Configure Virtual Machine form"; banner → "Header". */
export function blockName(region: string | undefined): string {
  if (!region) return 'Page';
  const named = /^(\w+) "(.+)"$/.exec(region);
  const plain: Record<string, string> = {
    banner: 'Header',
    contentinfo: 'Footer',
    main: 'Main content',
    navigation: 'Navigation',
  };
  if (!named) return plain[region] ?? region;
  const words: Record<string, string> = {
    complementary: 'panel',
    navigation: 'navigation',
    form: 'form',
    region: 'section',
  };
  return `${named[2]} ${words[named[1]!] ?? named[1]}`;
}

export function sameLocator(a: UiLocator, b: UiLocator): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}

export function shortText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
