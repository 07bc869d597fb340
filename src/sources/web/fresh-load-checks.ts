// Checks made against fresh loads of a page: which landmarks are stable (same snapshot on
// another load, untouched by every interaction), and what each form says when emptied and
// submitted. The driver is at its initial state when called (every interaction restores it).
import type { UiForm, UiLocator } from '../../core/page-model.ts';
import { probeEmptySubmit } from './collect-forms.ts';
import type { CollectedForm } from './collect-forms.ts';
import type { PageDriver } from './page-driver.ts';
import { briefError } from './page-issues.ts';

type RegionSnapshots = Map<string, { locator: UiLocator; snapshot: string }>;

export function stableRegionsOf(
  atLoad: RegionSnapshots,
  onAnotherLoad: RegionSnapshots,
  touched: Set<string>,
): { locator: UiLocator; snapshot: string }[] {
  return [...atLoad]
    .filter(([label, entry]) => !touched.has(label) && onAnotherLoad.get(label)?.snapshot === entry.snapshot)
    .map(([, entry]) => entry);
}

export async function probeForms(
  driver: PageDriver,
  forms: CollectedForm[],
  allowDestructive: boolean,
): Promise<{ forms: UiForm[]; problems: string[] }> {
  const problems: string[] = [];
  const checked: UiForm[] = [];
  for (const [index, collected] of forms.entries()) {
    if (index > 0) await driver.reopen(); // the previous probe left its form emptied
    try {
      const emptySubmitMessages = await probeEmptySubmit(driver, collected, allowDestructive);
      checked.push({ ...collected.form, emptySubmitMessages });
    } catch (error) {
      problems.push(`empty submit of ${collected.form.id}: ${briefError(error)}`);
      checked.push(collected.form);
    }
  }
  return { forms: checked, problems };
}
