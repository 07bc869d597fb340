// An editor a state opened (a "New" button showed text boxes and a "Save"/"OK"/"Confirm" control):
// what a user does there is type into its first box and commit. Tried first in the state, before
// the editor's other controls, so a bounded exploration always tries the create itself; what the
// commit showed (the new item, the editor gone) becomes a test of the whole create. What it types
// carries a mark of letters (sample-values.ts) so the item is new to the app each time. Then, where
// the page has a search box, the same text is searched for: the app finds what it just created.
import type { UiAction, UiElement } from '../../core/page-model.ts';
import type { InteractionPlan, PlanContext } from './plan-interactions.ts';
import { markedText, newMark, sampleText } from './sample-values.ts';

const COMMITS = /(^|[^\p{L}])(save|ok|done|confirm|apply|submit|create|add|update)($|[^\p{L}])/iu;

const usable = (element: UiElement, added: Set<string>): boolean =>
  added.has(element.id) && element.visible && element.enabled && !element.destructive;

/**
 * Fill the first added text box (a required one first: a create form's name), then click the
 * first added commit control; then search for what was typed, when the page has a search box.
 * When the box sits in a form (a create dialog), the commit is that form's own (its submit first)
 * and the form's other required text fields are filled too: a modal dialog hides the page behind
 * it, whose controls ("Add filter") then read as added, and a form refuses a required field left
 * empty. No plans without a box and a commit control. Each plan creates with marks of its own:
 * an app that keeps data met the first plan's item already (a warning that the title exists),
 * which a test creating its own never sees.
 */
export function commitPlans(
  context: PlanContext,
  added: Set<string>,
  mark: () => string = newMark,
): InteractionPlan[] {
  const writable = (element: UiElement): boolean =>
    usable(element, added) && element.role === 'textbox' && context.facts.get(element.id)?.readOnly !== true;
  const boxes = context.elements.filter(
    (element) => writable(element) && (element.inputType === undefined || element.inputType === 'text'),
  );
  const box = boxes.find((element) => element.constraints?.required) ?? boxes[0];
  const form = box ? context.facts.get(box.id)?.formKey : undefined;
  const inForm = (element: UiElement): boolean =>
    form === undefined || context.facts.get(element.id)?.formKey === form;
  const commits = context.elements.filter(
    (element) => usable(element, added) && element.role === 'button' && COMMITS.test(element.name),
  );
  const commit =
    commits.find(
      (element) => form !== undefined && inForm(element) && context.facts.get(element.id)?.submits,
    ) ??
    commits.find(inForm) ??
    commits[0];
  if (!box || !commit) return [];
  // The form's other required text fields, each with a plain sample: only the name carries a mark.
  const required: UiAction[] =
    form === undefined
      ? []
      : context.elements
          .filter(
            (element) =>
              element.id !== box.id && writable(element) && inForm(element) && element.constraints?.required,
          )
          .map((element) => ({
            kind: 'fill',
            target: element.id,
            value: sampleText(
              element.inputType,
              context.facts.get(element.id)?.placeholder ?? '',
              element.constraints?.maxLength,
            ),
          }));
  const facts = context.facts.get(box.id);
  const maxLength = box.constraints?.maxLength;
  const text = sampleText(box.inputType, facts?.placeholder ?? '', maxLength);
  const create = (typed: { value: string; mark?: string }): InteractionPlan => ({
    setup: [{ kind: 'fill', target: box.id, ...typed }, ...required],
    action: { kind: 'click', target: commit.id },
    restore: [],
  });
  const first = markedText(text, mark(), maxLength);
  // Only a marked text is searched for: a plain word may match what existed before.
  const search = first.mark
    ? searchBox(
        context.elements,
        (element) => element.id !== box.id && context.facts.get(element.id)?.readOnly !== true,
      )
    : undefined;
  if (!search) return [create(first)];
  const again = markedText(text, mark(), maxLength);
  const created = create(again);
  return [
    create(first),
    {
      setup: [...created.setup, created.action],
      action: { kind: 'fill', target: search.id, ...again },
      restore: [],
    },
  ];
}

/** The page's search field: a searchbox, or a text box inside a search landmark. */
export function searchBox(
  elements: UiElement[],
  usable: (element: UiElement) => boolean = () => true,
): UiElement | undefined {
  return elements.find(
    (element) =>
      element.visible &&
      element.enabled &&
      (element.role === 'searchbox' ||
        (element.role === 'textbox' && /^search\b/.test(element.region ?? ''))) &&
      usable(element),
  );
}
