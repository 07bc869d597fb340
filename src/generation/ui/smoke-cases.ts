import type { PageModel } from '../../core/page-model.ts';
import type { UiAssertion, UiTestCase } from '../../core/ui-test-case.ts';
import { arrangeStep, assertStep, uiCase } from './case-steps.ts';
import { describePage, joinWords } from './describe.ts';
import { mainHeading } from './page-checks.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

// Named regions are page content (checked by aria snapshots); these frame every page.
const KEY_LANDMARKS = new Set([
  'banner',
  'navigation',
  'main',
  'contentinfo',
  'search',
  'complementary',
  'form',
]);

/** The page loads: its title, main heading and key landmarks are there, and nothing errs. */
export function smokeCase(context: UiGenerationContext, page: PageModel): UiTestCase {
  const assertions: UiAssertion[] = [{ kind: 'title', text: page.title }];
  const checked: string[] = [];
  const heading = mainHeading(context, page);
  if (heading) {
    assertions.push({ kind: 'visible', target: heading });
    checked.push('main heading');
  }
  const landmarks = keyLandmarks(page);
  for (const landmark of landmarks) {
    const locator = {
      strategy: 'role' as const,
      role: landmark.role,
      ...(landmark.name ? { name: landmark.name, exact: true } : {}),
    };
    assertions.push({ kind: 'visible', target: context.locatorTarget(page.id, locator) });
  }
  if (landmarks.length > 0) checked.push(`${landmarks.length} landmarks`);
  if (page.consoleErrors.length === 0) {
    assertions.push({ kind: 'no-console-errors' });
    checked.push('no console errors');
  } else {
    context.skip(
      `smoke ${page.id} console`,
      `the page logged errors when explored: ${page.consoleErrors[0]}`,
    );
  }
  return uiCase({
    id: `${page.id}-smoke`,
    title: `${describePage(page)} loads with ${joinWords(['its title', ...checked])}`,
    kind: 'smoke',
    page: page.id,
    priority: 'critical',
    steps: [arrangeStep(page), assertStep(assertions)],
    covers: [`page ${page.id}`],
  });
}

/** Unnamed landmarks are used only when they are the only one of their role (else ambiguous). */
function keyLandmarks(page: PageModel): { role: string; name: string }[] {
  const candidates = page.landmarks.filter((landmark) => KEY_LANDMARKS.has(landmark.role));
  return candidates.filter(
    (landmark) =>
      // Empty or hidden on a fresh load (a list's main before any item): seen only in a state.
      landmark.visible !== false &&
      (landmark.name !== '' || candidates.filter((other) => other.role === landmark.role).length === 1),
  );
}
