import type { ObservedInteraction, PageModel, UiAction, UiElement, UiForm } from '../../core/page-model.ts';
import type { UiAssertion, UiTestCase } from '../../core/ui-test-case.ts';
import { actStep, arrangeStep, assertStep, slug, uiCase } from './case-steps.ts';
import type { DescribedAction } from './case-steps.ts';
import { joinWords } from './describe.ts';
import { isFillable, isSelectable } from './form-fields.ts';
import { observedCase } from './observed-case.ts';
import { stepAction } from './resolve-actions.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/** Per form: submitted with its fields empty (each shows its message), and with valid values. */
export function formCases(context: UiGenerationContext, page: PageModel): UiTestCase[] {
  return page.forms.flatMap((form) => {
    const submit = form.submit ? context.element(page.id, form.submit) : undefined;
    if (submit?.destructive) {
      context.skip(`form ${page.id}/${form.id}`, `its submit "${submit.name}" is destructive`);
      return [];
    }
    return [emptyCase(context, page, form), validCase(context, page, form)].filter(
      (testCase): testCase is UiTestCase => testCase !== undefined,
    );
  });
}

/** The interaction that submits the form as it is: the valid-submit case claims it. */
export function isSubmitInteraction(page: PageModel, interaction: ObservedInteraction): boolean {
  return (
    interaction.setup.length === 0 &&
    interaction.action.kind === 'click' &&
    page.forms.some((form) => form.submit === interaction.action.target)
  );
}

/**
 * Empties the form's text fields all at once, as the explorer did (a message may depend on another
 * field), submits with Enter (implicit submission: nothing when the submit is disabled), then
 * expects each field to report the message the explorer saw for it.
 */
function emptyCase(context: UiGenerationContext, page: PageModel, form: UiForm): UiTestCase | undefined {
  if (form.emptySubmitMessages.length === 0) return undefined;
  const cleared = formFields(context, page, form).filter(
    (element) => element.visible && element.enabled && isFillable(element),
  );
  const messages = form.emptySubmitMessages.flatMap(({ field, message }) => {
    const element = context.element(page.id, field);
    return element ? [{ element, message }] : [];
  });
  if (cleared.length === 0 || messages.length === 0) {
    context.skip(`form ${page.id}/${form.id} empty`, 'no field of the form can be emptied');
    return undefined;
  }
  const clears = cleared.map((element) =>
    fieldAction(context, page, element, { kind: 'fill', target: element.id, value: '' }),
  );
  const last = cleared.at(-1)!;
  const submit = fieldAction(context, page, last, { kind: 'press', target: last.id, key: 'Enter' });
  const assertions: UiAssertion[] = messages.map(({ element, message }) => ({
    kind: 'field-message',
    target: context.elementTarget(page.id, element),
    message,
  }));
  return uiCase({
    id: `${page.id}-form-${slug(form.id)}-empty`,
    title: `Submitting "${form.name}" with ${joinWords(cleared.map((element) => element.name))} empty shows each field's message`,
    kind: 'form',
    page: page.id,
    priority: 'normal',
    steps: [arrangeStep(page), actStep([...clears, submit]), assertStep(assertions)],
    covers: [`form ${page.id}/${form.id} empty submit`],
  });
}

function formFields(context: UiGenerationContext, page: PageModel, form: UiForm): UiElement[] {
  return form.fields.flatMap((id) => context.element(page.id, id) ?? []);
}

/** Fills every field with the value it had when explored, submits, and expects what followed. */
function validCase(context: UiGenerationContext, page: PageModel, form: UiForm): UiTestCase | undefined {
  const what = `form ${page.id}/${form.id} valid submit`;
  const observed = page.interactions.find(
    (interaction) => isSubmitInteraction(page, interaction) && interaction.action.target === form.submit,
  );
  if (!form.submit || !observed) {
    context.skip(what, 'no submission of the form was observed, so there is nothing to expect');
    return undefined;
  }
  const fills = validValues(context, page, form);
  if (!fills.ok) {
    context.skip(what, fills.reason);
    return undefined;
  }
  const built = observedCase(context, page, observed, {
    kind: 'form',
    before: fills.actions,
    lead: () => `Submitting "${form.name}" with valid values`,
  });
  if (built.ok)
    return {
      ...built.testCase,
      id: `${page.id}-form-${slug(form.id)}-valid`,
      covers: [...built.testCase.covers, `form ${page.id}/${form.id} valid submit`],
    };
  context.skip(what, built.reason);
  return undefined;
}

function validValues(
  context: UiGenerationContext,
  page: PageModel,
  form: UiForm,
): { ok: true; actions: DescribedAction[] } | { ok: false; reason: string } {
  const actions: DescribedAction[] = [];
  for (const element of formFields(context, page, form)) {
    const id = element.id;
    const value = element.value ?? '';
    if (value === '' && element.constraints?.required)
      return { ok: false, reason: `no valid value was recorded for required "${element.name}"` };
    const recorded: UiAction | undefined =
      isFillable(element) && value !== ''
        ? { kind: 'fill', target: id, value }
        : isSelectable(element) && value !== ''
          ? { kind: 'select', target: id, value }
          : undefined;
    if (recorded) actions.push(fieldAction(context, page, element, recorded));
  }
  return { ok: true, actions };
}

/** A step on a field of the form (always on the form's own page: no link following). */
function fieldAction(context: UiGenerationContext, page: PageModel, element: UiElement, recorded: UiAction) {
  return stepAction(context, { recorded, element, page: page.id });
}
