// How a page's problems read in the model: short issue messages (what was skipped and why,
// dialogs nobody asked for), and the console errors and failed requests of all the loads one
// page needed (first load, replica, reloads between interactions, phone pass) merged into one.
import type { PageModel } from '../../core/page-model.ts';
import { describeError } from '../../core/errors.ts';
import type { CollectedElements } from './collect-elements.ts';
import type { PageEvents } from './page-events.ts';

/** The first line of any thrown value: issue messages stay one line each. */
export function briefError(error: unknown): string {
  return describeError(error).split('\n')[0] ?? '';
}

export function elementIssues(collected: CollectedElements): string[] {
  const issues: string[] = [];
  if (collected.truncated > 0) issues.push(`element bound reached: ${collected.truncated} more not recorded`);
  if (collected.skipped.length > 0) {
    const names = collected.skipped.map((entry) => `${entry.role} "${entry.name}"`).slice(0, 10);
    issues.push(`${collected.skipped.length} elements without a unique locator skipped: ${names.join(', ')}`);
  }
  return issues;
}

/** The contract has no place for dialogs a page opens on its own: they become issues. */
export function loadDialogIssues(events: PageEvents): string[] {
  return events.dialogs.map((dialog) => `${dialog.type} dialog on load: "${dialog.message}" (dismissed)`);
}

export function mergeEvents(events: PageEvents[]): Pick<PageModel, 'consoleErrors' | 'failedRequests'> {
  const consoleErrors = [...new Set(events.flatMap((entry) => entry.consoleErrors))];
  const failures = new Map<string, { url: string; failure: string }>();
  for (const entry of events.flatMap((source) => source.failedRequests)) {
    failures.set(`${entry.failure} ${entry.url}`, entry);
  }
  return { consoleErrors, failedRequests: [...failures.values()] };
}
