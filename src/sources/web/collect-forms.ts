// Forms with their fields (element ids, document order), submit button and locator; and the
// validation messages a form shows when emptied and, where that is safe, submitted.
import type { Page } from '@playwright/test';
import type { UiElement, UiForm } from '../../core/page-model.ts';
import { chooseLocator } from './choose-locator.ts';
import type { CollectedElements } from './collect-elements.ts';
import { IdAllocator } from './element-ids.ts';
import { callInPage } from './in-page-script.ts';
import type { FormFacts } from './in-page-types.ts';
import { readLocatorTarget } from './locator-target.ts';
import type { PageDriver } from './page-driver.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

export interface CollectedForm {
  form: UiForm;
  /** Internal key of the <form> element in the document it was collected from. */
  key: string;
  method: string;
}

async function formLocator(page: Page, key: string): Promise<UiForm['locator']> {
  const target = await readLocatorTarget(page, key);
  return target && chooseLocator(page, target);
}

export async function collectForms(page: Page, collected: CollectedElements): Promise<CollectedForm[]> {
  const forms = await callInPage<FormFacts[]>(page, 'forms');
  const ids = new IdAllocator();
  const result: CollectedForm[] = [];
  for (const facts of forms) {
    const fields = facts.fieldKeys.map((key) => collected.idByKey.get(key)).filter((id) => id !== undefined);
    const submit = [...collected.facts].find(
      ([, element]) => element.submits && element.formKey === facts.key,
    )?.[0];
    result.push({
      key: facts.key,
      method: facts.method,
      form: {
        id: ids.next('form', facts.name || 'form'),
        name: facts.name,
        locator: await formLocator(page, facts.key),
        fields,
        submit,
        emptySubmitMessages: [],
      },
    });
  }
  return result;
}

const clearable = (element: UiElement): boolean =>
  (element.tag === 'input' || element.tag === 'textarea') &&
  !['checkbox', 'radio', 'file', 'range', 'hidden', 'submit', 'button', 'reset', 'image'].includes(
    element.inputType ?? '',
  );

/**
 * Empties the form's text fields, submits it when that cannot post data (no destructive submit,
 * not a POST form unless allowed), and reads the validation messages now shown. Leaves the page
 * dirty: the caller reloads.
 */
export async function probeEmptySubmit(
  driver: PageDriver,
  { form, method }: CollectedForm,
  allowDestructive: boolean,
): Promise<UiForm['emptySubmitMessages']> {
  const fields = form.fields.map((id) => driver.elementsById.get(id)).filter((field) => field !== undefined);
  const toClear = fields.filter((field) => field.visible && field.enabled && clearable(field));
  if (toClear.length === 0) return [];
  for (const field of toClear) await driver.act({ kind: 'fill', target: field.id, value: '' });
  await driver.settle();
  const submit = form.submit ? driver.elementsById.get(form.submit) : undefined;
  const safe = submit && !submit.destructive && (method !== 'post' || allowDestructive);
  if (safe && (await toPlaywrightLocator(driver.page, submit.locator).isEnabled({ timeout: 1_000 }))) {
    await driver.act({ kind: 'click', target: submit.id });
    await driver.settle();
  }
  const keys = fields.map((field) => driver.keyOf(field.id)).filter((key) => key !== undefined);
  const messages = await callInPage<{ key: string; message: string }[]>(
    driver.page,
    'validationMessages',
    keys,
  );
  return messages.flatMap(({ key, message }) => {
    const field = driver.idOf(key);
    return field ? [{ field, message }] : [];
  });
}
