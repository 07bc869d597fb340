import type { PageModel, UiLocator } from '../../core/page-model.ts';
import type { UiPageObject, UiTarget } from '../../core/ui-test-case.ts';
import { locatorKey, memberName } from './locator-names.ts';

interface Entry {
  page: PageModel;
  byKey: Map<string, UiTarget>;
  names: Set<string>;
}

/**
 * Collects the locators cases use into one page object per page, so each locator is named once
 * and every case says `estimate.connect` for the same element.
 */
export class PageObjectRegistry {
  readonly #entries = new Map<string, Entry>();

  constructor(pages: PageModel[]) {
    for (const page of pages) this.#entries.set(page.id, { page, byKey: new Map(), names: new Set() });
  }

  /** The member for this locator on this page; `nameHint` names it the first time it is seen. */
  target(pageId: string, locator: UiLocator, nameHint: string): UiTarget {
    const entry = this.#entries.get(pageId);
    if (!entry) throw new Error(`no page "${pageId}" in the site model`);
    const key = locatorKey(locator);
    const known = entry.byKey.get(key);
    if (known) return known;
    const target: UiTarget = { page: pageId, name: uniqueName(entry.names, memberName(nameHint)), locator };
    entry.byKey.set(key, target);
    entry.names.add(target.name);
    return target;
  }

  pageObjects(): UiPageObject[] {
    return [...this.#entries.values()].map(({ page, byKey }) => ({
      id: page.id,
      path: page.path,
      title: page.title,
      locators: [...byKey.values()],
    }));
  }
}

function uniqueName(taken: Set<string>, name: string): string {
  if (!taken.has(name)) return name;
  let suffix = 2;
  while (taken.has(`${name}${suffix}`)) suffix += 1;
  return `${name}${suffix}`;
}
