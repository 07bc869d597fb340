import { withoutIconGlyphs } from '../../core/icon-glyphs.ts';
import type { MobileObservation, PageModel, UiElement } from '../../core/page-model.ts';
import type { UiAssertion, UiTestCase } from '../../core/ui-test-case.ts';
import { actStep, arrangeStep, assertStep, uiCase } from './case-steps.ts';
import { describeLocator, describePage, summarize } from './describe.ts';
import { countlessHeading } from './page-checks.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/**
 * At the mobile width: key controls visible and inside the viewport, the page's headings and
 * notices still shown; the menu reveals the rest.
 */
export function mobileCases(context: UiGenerationContext, page: PageModel): UiTestCase[] {
  const mobile = page.mobile;
  if (!mobile) return [];
  const menu = menuCase(context, page, mobile);
  return [layoutCase(context, page, mobile), ...(menu ? [menu] : [])];
}

function layoutCase(context: UiGenerationContext, page: PageModel, mobile: MobileObservation): UiTestCase {
  const controls = elements(
    context,
    page,
    mobile.visible.filter((id) => !mobile.behindMenu.includes(id)),
  )
    // Skip links are visible but parked off-screen until focused: never "in the viewport".
    .filter((element) => !(element.role === 'link' && /^skip (to|navigation)/i.test(element.name)))
    .slice(0, context.options.maxMobileControls);
  const assertions = controls.flatMap((element) => fits(context, page, element));
  // Text is checked visible, not inside the viewport: a long notice may be taller than a phone.
  const content = (mobile.content ?? []).map((locator) =>
    context.locatorTarget(page.id, countlessHeading(page, locator)),
  );
  assertions.push(...content.map((target) => ({ kind: 'visible' as const, target })));
  if (mobile.horizontalOverflow) {
    const wide = mobile.overflowing.map(describeLocator).join(', ');
    context.skip(
      `mobile ${page.id} overflow`,
      `the page overflowed horizontally when explored (${wide}): a finding, not asserted`,
    );
  } else {
    assertions.push({ kind: 'no-horizontal-overflow' });
  }
  // An icon-only control is named by its locator's words ("red ui header button sidemenu").
  const names = summarize(
    controls.map((element) => withoutIconGlyphs(element.name) || describeLocator(element.locator)),
  );
  const text =
    content.length > 0 ? `, ${content.length} text ${content.length === 1 ? 'block' : 'blocks'}` : '';
  return uiCase({
    id: `${page.id}-mobile-layout`,
    title: `At ${size(mobile)} ${describePage(page)} shows ${names} inside the viewport${text}${mobile.horizontalOverflow ? '' : ' without horizontal overflow'}`,
    kind: 'mobile',
    page: page.id,
    priority: 'normal',
    viewport: 'mobile',
    steps: [arrangeStep(page), assertStep(assertions)],
    covers: [`mobile ${page.id} layout`],
  });
}

function menuCase(
  context: UiGenerationContext,
  page: PageModel,
  mobile: MobileObservation,
): UiTestCase | undefined {
  const hidden = elements(context, page, mobile.behindMenu);
  if (!mobile.menuToggle || hidden.length === 0) return undefined;
  // A menu of the frame every page shares opens the same way everywhere: checked once.
  const shared = hidden.every((element) => context.inSharedRegion(element));
  const key = `mobile menu ${JSON.stringify(mobile.menuToggle)} ${hidden.map((element) => element.name).join('|')}`;
  if (shared && !context.once(key)) return undefined;
  const toggle = context.locatorTarget(page.id, mobile.menuToggle);
  return uiCase({
    id: `${page.id}-mobile-menu`,
    title: `At ${size(mobile)} opening ${describeLocator(mobile.menuToggle)} on ${page.path} reveals ${summarize(hidden.map((element) => element.name))}`,
    kind: 'mobile',
    page: page.id,
    priority: 'normal',
    viewport: 'mobile',
    steps: [
      arrangeStep(page),
      actStep([
        {
          action: { kind: 'click', target: toggle },
          description: `click ${describeLocator(mobile.menuToggle)}`,
        },
      ]),
      assertStep(hidden.flatMap((element) => fits(context, page, element))),
    ],
    covers: [`mobile ${page.id} menu`],
  });
}

function fits(context: UiGenerationContext, page: PageModel, element: UiElement): UiAssertion[] {
  const target = context.elementTarget(page.id, element);
  return [
    { kind: 'visible', target },
    { kind: 'in-viewport', target },
  ];
}

function elements(context: UiGenerationContext, page: PageModel, ids: string[]): UiElement[] {
  return ids.flatMap((id) => context.element(page.id, id) ?? []);
}

function size(mobile: MobileObservation): string {
  return `${mobile.viewport.width}×${mobile.viewport.height}`;
}
