// Controls an action rendered that the page did not hold at load: a menu's items, a tab's
// buttons, a dialog mounted on open (React portals, Vue teleports, widgets that build their
// content when shown). Follow-ups act on them with that action as their setup, so they join the
// page as elements not visible on arrival, with ids that clash with none of the page's.
import type { ObservedInteraction, UiElement } from '../../core/page-model.ts';
import { freeId, idBase } from './element-ids.ts';
import type { PageDriver } from './page-driver.ts';
import type { PlanContext } from './plan-interactions.ts';
import type { InteractionOutcome } from './run-interaction.ts';

const locatorKey = (element: UiElement): string => JSON.stringify(element.locator);

export class RenderedControls {
  /** Hands out ids for what an action renders: `RunOptions.rendered`. */
  readonly ids: { next(...parts: string[]): string };
  private readonly byLocator: Map<string, string>;
  private readonly adopted: UiElement[] = [];

  /** `context` is the exploration's own copy and `known` its elements by id: adopted controls join both. */
  constructor(
    private readonly context: PlanContext,
    private readonly known: Map<string, UiElement>,
    private readonly drivers: PageDriver[],
  ) {
    // The drivers know what earlier rounds on them rendered: no id, and no control, is adopted twice.
    const all = [...context.elements, ...drivers.flatMap((driver) => [...driver.elementsById.values()])];
    const taken = new Set(all.map((element) => element.id));
    this.ids = { next: (...parts) => freeId(idBase(...parts), taken) };
    this.byLocator = new Map(all.map((element) => [locatorKey(element), element.id]));
  }

  /**
   * Makes what the outcome rendered known to the plans and the drivers; answers the outcome's
   * revealed ids, with a control another action rendered first under its first id.
   */
  adopt(outcome: InteractionOutcome): string[] {
    const same = new Map<string, string>();
    for (const element of outcome.rendered.elements) {
      const known = this.byLocator.get(locatorKey(element));
      if (known !== undefined) {
        same.set(element.id, known);
        continue;
      }
      this.byLocator.set(locatorKey(element), element.id);
      const control = { ...element, visible: false };
      this.adopted.push(control);
      this.context.elements.push(control);
      this.known.set(control.id, control);
      this.context.facts.set(control.id, outcome.rendered.facts.get(element.id)!);
      for (const driver of this.drivers) driver.addRendered(control);
    }
    return outcome.revealed.map((id) => same.get(id) ?? id);
  }

  /** The adopted controls some interaction acts on: the only ones a test needs. */
  usedBy(interactions: ObservedInteraction[]): UiElement[] {
    const used = new Set(
      interactions.flatMap((interaction) =>
        [...interaction.setup, interaction.action].map((step) => step.target),
      ),
    );
    return this.adopted.filter((element) => used.has(element.id));
  }
}
