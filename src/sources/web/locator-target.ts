// What a locator is chosen from: the in-page facts of an element plus Playwright's own role and
// accessible name, read from its aria snapshot — the same computation getByRole() uses, so a
// role locator built from it matches by construction. Hidden elements have no aria snapshot;
// for them the in-page approximation stands (and every locator is verified anyway).
import type { Page } from '@playwright/test';
import { describeMatches } from './in-page-script.ts';
import type { ElementFacts } from './in-page-types.ts';

interface AriaNode {
  role?: unknown;
  name?: unknown;
}

async function ariaRoleAndName(page: Page, key: string): Promise<{ role: string; name: string } | undefined> {
  try {
    const nodes = (await page.locator(key).ariaSnapshotJSON({ timeout: 1_000 })) as unknown;
    const node = Array.isArray(nodes) ? (nodes[0] as AriaNode | undefined) : undefined;
    if (!node || typeof node.role !== 'string' || node.role === 'text') return undefined;
    return { role: node.role, name: typeof node.name === 'string' ? node.name : '' };
  } catch {
    return undefined; // detached meanwhile: the in-page approximation stands in
  }
}

/** The facts with Playwright's role and name where it has them. */
export async function withAriaRole(page: Page, facts: ElementFacts): Promise<ElementFacts> {
  const aria = facts.visible ? await ariaRoleAndName(page, facts.key) : undefined;
  return aria ? { ...facts, role: aria.role, name: aria.name } : facts;
}

/** Facts (with Playwright's role and name) of the element an internal key finds, if any. */
export async function readLocatorTarget(page: Page, key: string): Promise<ElementFacts | undefined> {
  const [facts] = await describeMatches<ElementFacts>(page.locator(key)).catch(() => []);
  return facts ? withAriaRole(page, facts) : undefined;
}
