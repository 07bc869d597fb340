// An editor a state opened (a "New" button showed text boxes and a "Save"/"OK"/"Confirm" control):
// what a user does there is type into its first box and commit. Tried first in the state, before
// the editor's other controls, so a bounded exploration always tries the create itself; what the
// commit showed (the new item, the editor gone) becomes a test of the whole create. What it types
// carries a mark of letters (sample-values.ts) so the item is new to the app each time.
import type { UiElement } from '../../core/page-model.ts';
import type { InteractionPlan, PlanContext } from './plan-interactions.ts';
import { markedText, newMark, sampleText } from './sample-values.ts';

const COMMITS = /(^|[^\p{L}])(save|ok|done|confirm|apply|submit|create|add|update)($|[^\p{L}])/iu;

const usable = (element: UiElement, added: Set<string>): boolean =>
  added.has(element.id) && element.visible && element.enabled && !element.destructive;

/** Fill the first added text box, then click the first added commit control: one plan, or none. */
export function commitPlans(
  context: PlanContext,
  added: Set<string>,
  mark: string = newMark(),
): InteractionPlan[] {
  const box = context.elements.find(
    (element) =>
      usable(element, added) &&
      element.role === 'textbox' &&
      (element.inputType === undefined || element.inputType === 'text') &&
      context.facts.get(element.id)?.readOnly !== true,
  );
  const commit = context.elements.find(
    (element) => usable(element, added) && element.role === 'button' && COMMITS.test(element.name),
  );
  if (!box || !commit) return [];
  const facts = context.facts.get(box.id);
  const maxLength = box.constraints?.maxLength;
  const typed = markedText(sampleText(box.inputType, facts?.placeholder ?? '', maxLength), mark, maxLength);
  return [
    {
      setup: [{ kind: 'fill', target: box.id, ...typed }],
      action: { kind: 'click', target: commit.id },
      restore: [],
    },
  ];
}
