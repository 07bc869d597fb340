import type { UiForm } from '../../core/page-model.ts';
import type { CaseDraft } from './case-set.ts';
import { act, check, joinWords } from './manual-steps.ts';
import type { PageCaseContext } from './page-case-context.ts';
import { describeElement } from './page-words.ts';

// Form validation as observed: the form submitted with its fields emptied, each field's own
// message. Forms whose empty submit was not safe to try get a case only when fields are marked
// required, and then without invented message texts.

export function formCases(context: PageCaseContext): CaseDraft[] {
  return context.page.forms.flatMap((form) => {
    const messages = form.emptySubmitMessages;
    const required = form.fields
      .map((id) => context.element(id))
      .filter((field) => field?.constraints?.required);
    if (messages.length === 0 && required.length === 0) return [];
    return [validationCase(context, form)];
  });
}

function validationCase(context: PageCaseContext, form: UiForm): CaseDraft {
  const messages = form.emptySubmitMessages;
  const emptied = (
    messages.length > 0
      ? messages.map((entry) => entry.field)
      : form.fields.filter((id) => context.element(id)?.constraints?.required)
  )
    .map((id) => context.element(id))
    .filter((field) => field !== undefined);
  const submit = form.submit ? context.element(form.submit) : undefined;
  const checks =
    messages.length > 0
      ? messages.map((entry) => {
          const field = context.element(entry.field);
          return check(
            `Check ${field ? describeElement(field) : entry.field}`,
            `It is marked invalid with the message "${entry.message}"`,
          );
        })
      : emptied.map((field) =>
          check(`Check ${describeElement(field)}`, 'It is marked as required and invalid'),
        );
  return {
    ...context.base(
      `form "${form.name}"`,
      emptied.map((field) => field.id),
      [form.name],
    ),
    title: `${context.name}: ${form.name} form rejects empty ${emptied.length === 1 ? 'field' : 'fields'} ${joinWords(emptied.map((field) => `"${field.name}"`))}`,
    description: `Validation of the "${form.name}" form on ${context.page.path}${messages.length > 0 ? ', with the messages observed when it was submitted empty' : ''}.`,
    kind: 'validation',
    steps: [
      ...context.openSteps(),
      act(`Clear ${joinWords(emptied.map(describeElement))}`, 'The fields are empty'),
      act(
        submit ? `Click ${describeElement(submit)}` : 'Submit the form',
        `The form is not submitted; ${messages.length || emptied.length} validation messages appear`,
      ),
      ...checks,
    ],
  };
}
