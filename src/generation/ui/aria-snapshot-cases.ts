import type { PageModel } from '../../core/page-model.ts';
import type { UiTestCase } from '../../core/ui-test-case.ts';
import { arrangeStep, assertStep, slug, uiCase } from './case-steps.ts';
import { describeLocator } from './describe.ts';
import { locatorKey } from './locator-names.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/**
 * Regions whose content did not change during exploration match their recorded aria snapshot.
 * A region shared by many pages (header, footer) is checked once, on the first page it is on.
 */
export function ariaSnapshotCases(
  context: UiGenerationContext,
  page: PageModel,
  seen: Set<string>,
): UiTestCase[] {
  return page.stableRegions.flatMap((region) => {
    const key = `${locatorKey(region.locator)}\n${region.snapshot}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const target = context.locatorTarget(page.id, region.locator);
    return [
      uiCase({
        id: `${page.id}-aria-snapshot-${slug(target.name)}`,
        title: `${describeLocator(region.locator)} on ${page.path} matches its recorded aria snapshot`,
        kind: 'aria-snapshot',
        page: page.id,
        priority: 'low',
        steps: [
          arrangeStep(page),
          assertStep([{ kind: 'aria-snapshot', target, snapshot: region.snapshot }]),
        ],
        covers: [`region ${page.id}/${target.name}`],
      }),
    ];
  });
}
