import type { CaseDraft } from './case-set.ts';
import { act, arrange, check, joinWords } from './manual-steps.ts';
import type { PageCaseContext } from './page-case-context.ts';
import { describeElement, describeLocator } from './page-words.ts';
import { priorityWords } from './page-visibility-cases.ts';

// Each page at the phone width it was observed at: what stays visible and that nothing scrolls
// sideways; and, once per site, the menu that hides the navigation on phones.

export function mobileCases(context: PageCaseContext, seenMenus: Set<string>): CaseDraft[] {
  const mobile = context.page.mobile;
  if (!mobile) return [];
  const visible = mobile.visible.map((id) => context.element(id)).filter((element) => element !== undefined);
  const width = `${mobile.viewport.width}×${mobile.viewport.height}`;
  const layout: CaseDraft = {
    ...context.base(undefined, mobile.visible, priorityWords(visible)),
    story: 'Mobile layout',
    title: `${context.name}: mobile layout at ${width} keeps the content on screen`,
    description: `Observed at ${width}${mobile.horizontalOverflow ? `; exploration saw ${mobile.overflowing.length} element(s) wider than the screen (a suspected defect)` : ''}.`,
    kind: 'mobile',
    steps: [
      context.sessionStep(mobile.viewport),
      arrange(`Open ${context.page.url}`, context.loaded()),
      act(
        'Try to scroll the page sideways',
        'It does not scroll horizontally: nothing is wider than the screen',
      ),
      ...visible.map((element) =>
        check(`Find ${describeElement(element)}`, 'It is visible without opening a menu'),
      ),
    ],
  };
  return [layout, ...menuCase(context, seenMenus)];
}

function menuCase(context: PageCaseContext, seenMenus: Set<string>): CaseDraft[] {
  const mobile = context.page.mobile!;
  const hidden = mobile.behindMenu
    .map((id) => context.element(id))
    .filter((element) => element !== undefined);
  if (!mobile.menuToggle || hidden.length === 0) return [];
  const signature = JSON.stringify([mobile.menuToggle, mobile.behindMenu]);
  if (seenMenus.has(signature)) return [];
  seenMenus.add(signature);
  const menu = describeLocator(mobile.menuToggle, context.page);
  return [
    {
      ...context.base(undefined, mobile.behindMenu, []),
      story: 'Mobile layout',
      title: `${context.name}: on a phone the navigation opens from ${menu}`,
      description: `At ${mobile.viewport.width} px wide these links were reachable only through the menu.`,
      kind: 'mobile',
      steps: [
        context.sessionStep(mobile.viewport),
        arrange(
          `Open ${context.page.url}`,
          `${context.loaded()}; ${joinWords(hidden.map(describeElement))} are hidden`,
        ),
        act(`Tap ${menu}`, 'The navigation menu opens'),
        ...hidden.map((element) =>
          check(`Find ${describeElement(element)}`, 'It is visible and can be tapped'),
        ),
      ],
    },
  ];
}
