// The site's frame: controls every page shows again (a header's command menu, theme and invite
// buttons, the main navigation). Tried on every page they took most of each page's time, and
// a page's own controls (a list's "New …") were never reached. The first page to try such an
// interaction claims it; other pages skip it. Controls inside a `main` landmark are each
// page's own content and are never skipped.
import type { UiAction, UiElement } from '../../core/page-model.ts';
import type { InteractionPlan } from './plan-interactions.ts';

export class SiteFrame {
  readonly #owners = new Map<string, string>();

  /** Whether `page` may try the interaction: nobody else tried it yet (it is now the page's). */
  claim(key: string, page: string): boolean {
    const owner = this.#owners.get(key);
    if (owner === undefined) this.#owners.set(key, page);
    return owner === undefined || owner === page;
  }
}

/**
 * What the interaction does, told by the controls it touches (role, name, landmark) rather than
 * by the page's element ids; undefined when it acts inside the page's `main` content or on an
 * element not recorded.
 */
export function frameKey(plan: InteractionPlan, elements: Map<string, UiElement>): string | undefined {
  const steps = [...plan.setup, plan.action].map((action) =>
    describeStep(action, elements.get(action.target)),
  );
  return steps.some((step) => step === undefined) ? undefined : JSON.stringify(steps);
}

function describeStep(action: UiAction, element: UiElement | undefined): string[] | undefined {
  if (!element || (element.region ?? '').startsWith('main')) return undefined;
  const value = 'value' in action ? action.value : 'key' in action ? action.key : '';
  return [action.kind, element.role, element.name, element.region ?? '', value];
}
