// After the flows: the flows created data (an app that keeps it on a server shows it to every
// visitor), so a fresh-load interaction that showed a number is run once more on a fresh load. A
// number it now shows differently ("0 matches" → "2 matches") is derived from what exists, not
// from the interaction: a suite whose own tests create data cannot expect it. An app that keeps
// its data per visitor (storage) shows the same again, and nothing is recorded.
import { renumbered, shownTexts } from '../../core/numbered-text.ts';
import type { DataDerivedText, ObservedInteraction, PageModel } from '../../core/page-model.ts';
import { DESKTOP_VIEWPORT } from './explore-page.ts';
import { PageDriver } from './page-driver.ts';
import { openPageSession } from './page-session.ts';
import type { ExplorationEnv } from './page-session.ts';
import { runInteraction } from './run-interaction.ts';

/** Interactions run again, site-wide: each costs a load and its settling. */
const MAX_RECHECKS = 4;

/** By page id: the numbered texts that changed once the flows had run. */
export async function recheckNumberedTexts(
  env: ExplorationEnv,
  pages: PageModel[],
  /** `performance.now()` past which nothing more is run: exploration keeps its time budget. */
  deadline: number,
): Promise<Map<string, DataDerivedText[]>> {
  const found = new Map<string, DataDerivedText[]>();
  let budget = MAX_RECHECKS;
  for (const page of pages.filter((candidate) => candidate.settled)) {
    const numbered = page.interactions.filter(
      (interaction) => interaction.reproducible && numberedTexts(interaction).length > 0,
    );
    if (numbered.length === 0 || budget <= 0 || performance.now() > deadline) continue;
    const rechecked = numbered.slice(0, budget);
    budget -= rechecked.length;
    const fresh = page.elements.filter((element) => element.afterFlow === undefined);
    const driver = new PageDriver(
      env,
      () => openPageSession(env, page.url, { viewport: DESKTOP_VIEWPORT }),
      fresh,
    );
    try {
      await driver.reopen();
      for (const interaction of rechecked) {
        if (performance.now() > deadline) break;
        const again = await runInteraction(driver, {
          setup: interaction.setup,
          action: interaction.action,
          restore: [],
        });
        if (again.error) continue;
        const now = again.effects.flatMap(shownTexts);
        const changed = changedTexts(interaction, now);
        if (changed.length > 0) found.set(page.id, [...(found.get(page.id) ?? []), ...changed]);
      }
    } finally {
      await driver.close();
    }
  }
  return found;
}

function numberedTexts(interaction: ObservedInteraction): string[] {
  return [...new Set(interaction.effects.flatMap(shownTexts))].filter((text) => /\d/.test(text));
}

/** Each numbered text that is gone, with the same words and another number in its place. */
export function changedTexts(interaction: ObservedInteraction, now: string[]): DataDerivedText[] {
  return numberedTexts(interaction).flatMap((text) => {
    if (now.includes(text)) return [];
    const after = now.find((candidate) => renumbered(text, candidate));
    return after === undefined ? [] : [{ text, after, interaction: interaction.id }];
  });
}
