// End to end: a page of notes explored in a real browser, what the explorer recorded, and its suite
// generated, emitted and run by its own pinned runner (one exploration for both). The test of the
// remove creates a note of its own, deletes it through its own menu (scoped to its text, the
// confirm accepted once) and checks it gone: it passes on the app, and fails where the delete asks
// its confirm and removes nothing.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, UiAction } from '../../../src/core/page-model.ts';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { chromiumPath } from '../../generation/ui/chromium.ts';
import { startLocalSite } from '../../sources/web/local-site.ts';
import { notesWithMenus } from '../../sources/web/own-item-pages.ts';
import { exploreAndEmit } from './explored-suite.ts';
import { runPlaywright } from './run-playwright.ts';

let suiteDir: string;
let page: PageModel;
let suite: UiSuite;
let files: Record<string, string>;

beforeAll(async () => {
  const explored = await exploreAndEmit(notesWithMenus(), 'own-item');
  ({ suite, files, suiteDir } = explored);
  page = explored.model.pages[0]!;
}, 300_000);

afterAll(async () => {
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

async function runAgainst(removes: boolean) {
  const site = await startLocalSite(notesWithMenus({ removes }));
  try {
    return await runPlaywright(suiteDir, { APP_BASE_URL: site.url, CHROMIUM_PATH: chromiumPath() }, [
      '--grep',
      'and confirm',
    ]);
  } finally {
    await site.close();
  }
}

describe("the emitted test of the remove of the test's own note", () => {
  it('is generated: create, then delete through its own menu, then gone', () => {
    const removal = suite.cases.find((testCase) => testCase.title.includes('and confirm'));
    expect(removal?.title).toMatch(
      /click More button in the item "test-[a-z]{6}", then click Delete button in the item "test-[a-z]{6}" and confirm .*: the item "test-[a-z]{6}" is gone/,
    );
    const spec = Object.entries(files).find(
      ([path, text]) => path.endsWith('.spec.ts') && text.includes('acceptNext'),
    )!;
    expect(spec[1]).toMatch(/dialogs\.acceptNext\(\);\n\s*await \w+\.\w+\.click\(\);/);
    const pageObject = files['pages/home.page.ts']!;
    expect(pageObject).toMatch(
      /\.locator\('li'\)\.filter\(\{ hasText: uniqueText\('test-[a-z]{6}', '[a-z]{6}'\) \}\)\.getByRole\('button', \{ name: 'Delete', exact: true \}\)/,
    );
  });

  it('passes on the app', async () => {
    const run = await runAgainst(true);
    expect(run.failed).toEqual([]);
    expect(run.stats).toMatchObject({ expected: 1, unexpected: 0, flaky: 0 });
  }, 180_000);

  it('fails where the delete is confirmed and removes nothing', async () => {
    const run = await runAgainst(false);
    expect(run.failed).toHaveLength(1);
    expect(run.errors.join('\n')).toContain('toBeHidden');
  }, 180_000);
});

describe('the remove of an item the explorer created itself', () => {
  const removal = () =>
    page.states
      ?.flatMap((state) => state.interactions)
      .find((interaction) => interaction.action.kind === 'click' && interaction.action.acceptDialog);

  it("opens the item's own menu and deletes it there, scoped to the item's text, its confirm accepted", () => {
    const found = removal();
    expect(found?.reproducible).toBe(true);
    const state = page.states!.find((candidate) => candidate.interactions.includes(found!))!;
    const create = state.flow;
    const byId = (id: string) => page.elements.find((element) => element.id === id)!;
    const [open] = found!.setup as [UiAction];
    const remove = byId(found!.action.target);
    expect(remove.destructive).toBe(true);
    expect(remove.afterFlow).toBe(create);
    expect(byId(open.target).locator).toMatchObject({
      strategy: 'role',
      role: 'button',
      name: 'More',
      within: { strategy: 'item', selector: 'li', text: expect.stringMatching(/^test-[a-z]{6}$/) },
    });
    const item = (byId(open.target).locator as { within: { text: string } }).within.text;
    expect(remove.locator).toEqual({
      strategy: 'role',
      role: 'button',
      name: 'Delete',
      exact: true,
      within: { strategy: 'item', selector: 'li', text: item },
    });
    expect(found!.effects).toEqual([
      { kind: 'disappeared', target: { strategy: 'item', selector: 'li', text: item } },
      { kind: 'dialog', type: 'confirm', message: `Delete "${item}"?` },
    ]);
  });

  it('never confirms anything else: the note that was there before is never deleted', () => {
    const confirmed = (page.states ?? []).flatMap((state) =>
      state.interactions.filter(
        (interaction) => interaction.action.kind === 'click' && interaction.action.acceptDialog,
      ),
    );
    expect(confirmed).toHaveLength(1);
    const acted = page.interactions.flatMap((interaction) => [...interaction.setup, interaction.action]);
    expect(acted.some((step) => step.kind === 'click' && 'acceptDialog' in step)).toBe(false);
  });
});
