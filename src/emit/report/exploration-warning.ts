import type { PageFigures, RunReport } from '../../core/run-report.ts';

/**
 * When exploration found next to nothing to act on, a UI suite only checks that pages load and
 * look as recorded: a summary that reads as full success would mislead. Says so, per page, with
 * the likeliest reason. Undefined when every explored page had at least one interaction.
 */
export function explorationWarning(report: RunReport): string[] | undefined {
  const pages = report.pages ?? [];
  if (report.kind !== 'ui' || pages.length === 0) return undefined;
  const thin = pages.filter((page) => page.interactions === 0);
  if (thin.length === 0) return undefined;
  const total = pages.reduce((sum, page) => sum + page.interactions, 0);
  return [
    `Exploration found ${total} interactions; ${thin.length} of ${pages.length} pages had none. ` +
      'Tests of those pages only check that they load and look as recorded: they cannot catch a broken create, edit or delete there.',
    ...thin.slice(0, 10).map((page) => `${page.path}: ${reasonFor(page)}`),
  ];
}

function reasonFor(page: PageFigures): string {
  if (!page.settled) return 'the page never settled, so nothing was tried on it';
  if (page.elements === 0)
    return 'no interactive element was found (drawn on a canvas, or behind a login: see --login-steps)';
  return `none of its ${page.elements} elements changed anything observable when filled, typed into and confirmed with Enter, clicked or chosen (controls without a unique locator are skipped)`;
}

// Notes that say exploration ran out of time or interactions, not that something failed.
const LIMIT_REACHED = /time (budget|limit)|the limit of \d+/;

/**
 * When exploration stopped at its limits on a page, what it would have tried there (planned
 * interactions, a flow's replay, the probes of a create: its reload, its remove, its edit) has no
 * test, and a summary that reads as complete would mislead. Says so, per page, with the notes.
 */
export function explorationLimitWarning(report: RunReport): string[] | undefined {
  const pages = (report.pages ?? []).filter((page) => page.notes?.some((note) => LIMIT_REACHED.test(note)));
  if (report.kind !== 'ui' || pages.length === 0) return undefined;
  return [
    `Exploration stopped at its limits on ${pages.length} of ${report.pages!.length} pages: what it had still to try there has no test. ` +
      'Give it more time with --time-budget (seconds; a slow or busy machine needs more).',
    ...pages.flatMap((page) =>
      page.notes!.filter((note) => LIMIT_REACHED.test(note)).map((note) => `${page.path}: ${note}`),
    ),
  ];
}
