// Every interactive element of the page with its best unique locator. Elements for which no
// unique locator exists are skipped and counted; a page with a huge DOM is cut at a bound.
import type { Page } from '@playwright/test';
import type { UiElement } from '../../core/page-model.ts';
import { mapLimit } from '../../core/map-limit.ts';
import { chooseLocator } from './choose-locator.ts';
import { linkLooksDestructive, looksDestructive } from './destructive.ts';
import { IdAllocator } from './element-ids.ts';
import { callInPage } from './in-page-script.ts';
import { withAriaRole } from './locator-target.ts';
import type { ElementFacts } from './in-page-types.ts';

export interface CollectedElements {
  elements: UiElement[];
  /** In-page facts per element id, for planning interactions and building links and forms. */
  facts: Map<string, ElementFacts>;
  /** Element id per internal key (valid in the document they were collected from). */
  idByKey: Map<string, string>;
  skipped: { role: string; name: string }[];
  /** How many interactive elements the page had beyond the bound. */
  truncated: number;
}

export async function collectElements(page: Page, maxElements: number): Promise<CollectedElements> {
  const { total, items } = await callInPage<{ total: number; items: ElementFacts[] }>(
    page,
    'collectInteractive',
    maxElements,
  );
  return {
    ...(await locateAll(page, items, new IdAllocator())),
    truncated: Math.max(0, total - items.length),
  };
}

/**
 * The first `max` interactive elements among `keys` (what an action rendered: a menu's items, a
 * tab's buttons), located in the page as it is now; ids from `ids`, so they do not clash with
 * the page's own.
 */
export async function collectRendered(
  page: Page,
  keys: string[],
  max: number,
  ids: { next(...parts: string[]): string },
): Promise<Omit<CollectedElements, 'truncated'>> {
  const items = await callInPage<ElementFacts[]>(page, 'describeKeys', keys, max);
  return locateAll(page, items, ids);
}

async function locateAll(
  page: Page,
  items: ElementFacts[],
  ids: { next(...parts: string[]): string },
): Promise<Omit<CollectedElements, 'truncated'>> {
  const located = await mapLimit(items, 8, async (item) => {
    const facts = await withAriaRole(page, item);
    return { facts, locator: await chooseLocator(page, facts) };
  });
  const result: Omit<CollectedElements, 'truncated'> = {
    elements: [],
    facts: new Map(),
    idByKey: new Map(),
    skipped: [],
  };
  for (const { facts, locator } of located) {
    if (!locator) {
      result.skipped.push({ role: facts.role || facts.tag, name: facts.name });
      continue;
    }
    const role = facts.role || facts.tag;
    const id = ids.next(
      role,
      facts.name || facts.labels[0] || facts.placeholder || facts.testId || facts.text,
    );
    result.elements.push(toUiElement(id, role, facts, locator));
    result.facts.set(id, facts);
    result.idByKey.set(facts.key, id);
  }
  return result;
}

function toUiElement(
  id: string,
  role: string,
  facts: ElementFacts,
  locator: UiElement['locator'],
): UiElement {
  return {
    id,
    role,
    name: facts.name,
    tag: facts.tag,
    inputType: facts.inputType,
    locator,
    visible: facts.visible,
    enabled: facts.enabled,
    region: facts.region,
    value: facts.value ?? (facts.text || undefined),
    constraints: facts.constraints,
    // An icon-only control says what it does only in its id (`delete-flow`).
    destructive: (facts.href === undefined ? looksDestructive : linkLooksDestructive)(
      facts.name,
      facts.text,
      facts.href,
      facts.elementId,
    ),
  };
}
