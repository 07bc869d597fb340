import type { PageModel, SiteModel, UiAction } from '../../src/core/page-model.ts';

/** The web UI's screens (web/src/app/app.tsx routes), as path patterns. */
const SCREENS: { route: string; pattern: RegExp }[] = [
  { route: '/projects', pattern: /^\/projects\/?$/ },
  { route: '/projects/:id', pattern: /^\/projects\/[^/]+\/?$/ },
  { route: '/projects/:id/generate', pattern: /^\/projects\/[^/]+\/generate\/?$/ },
  { route: '/projects/:id/quality', pattern: /^\/projects\/[^/]+\/quality\/?$/ },
  { route: '/jobs/:taskId', pattern: /^\/jobs\/[^/]+\/?$/ },
  { route: '/settings', pattern: /^\/settings\/?$/ },
];

/** Which explored pages each screen of the UI got, or that none did. */
export function screenCoverage(
  model: SiteModel,
  seeded: { project: string; task: string },
): { route: string; found: string }[] {
  return SCREENS.map(({ route, pattern }) => {
    const pages = model.pages.filter((page) => pattern.test(page.path.split(/[?#]/)[0]!));
    const seededHint = route.includes(':taskId') ? ` (the seeded task /jobs/${seeded.task})` : '';
    return {
      route,
      found: pages.length
        ? pages
            .map(
              (page) =>
                `${page.path} (${page.elements.length} elements, ${page.interactions.length} interactions)`,
            )
            .join(', ')
        : `NOT REACHED${seededHint}`,
    };
  });
}

function targets(actions: UiAction[]): string[] {
  return actions.map((action) => action.target);
}

/**
 * Controls each explored page has that exploration never acted on, with why when the model
 * says (destructive, disabled, hidden on arrival); the rest were visible and enabled but untried.
 */
export function unreachedControls(model: SiteModel): string[] {
  const lines: string[] = [];
  for (const page of model.pages) {
    const tried = new Set(triedOn(page));
    const untried = page.elements.filter(
      (element) => !tried.has(element.id) && !['link', 'heading', 'img', 'text'].includes(element.role),
    );
    for (const element of untried) {
      const why = element.destructive
        ? 'looks destructive (not clicked without --allow-destructive)'
        : !element.enabled
          ? 'disabled on arrival'
          : !element.visible
            ? `not visible on arrival${element.afterFlow ? ` (after flow ${element.afterFlow})` : ''}`
            : 'visible and enabled, no interaction recorded (untried, or no observable effect)';
      lines.push(`control ${page.path} ${element.role} "${element.name}": ${why}`);
    }
  }
  return lines;
}

function triedOn(page: PageModel): string[] {
  const interactions = [...page.interactions, ...(page.states ?? []).flatMap((state) => state.interactions)];
  return interactions.flatMap((interaction) => targets([...interaction.setup, interaction.action]));
}
