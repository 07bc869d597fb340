// End to end: feature flags explored in a real browser, what the explorer recorded, and their suite
// generated, emitted and run by its own pinned runner (one exploration for both). The create opens
// the new flag's own page; the test of its remove creates a flag of its own, archives it there (the
// page's remove, scoped to the page showing its text, then the confirm of the dialog it opens) and
// checks the app went back with the flag shown nowhere. It passes on the app, and fails where the
// confirm keeps the flag or does nothing. The test of its change creates a flag of its own, opens
// its settings from the page's "Edit description", their editor with "Edit", types a description of
// its own and saves it: it passes on the app, and fails where the Save goes back without keeping
// the text.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, SiteModel, UiAction } from '../../../src/core/page-model.ts';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { chromiumPath } from '../../generation/ui/chromium.ts';
import { startLocalSite } from '../../sources/web/local-site.ts';
import { flagsWithOwnPages } from '../../sources/web/own-item-pages.ts';
import { exploreAndEmit } from './explored-suite.ts';
import { runPlaywright } from './run-playwright.ts';

let suiteDir: string;
let model: SiteModel;
let page: PageModel;
let suite: UiSuite;
let files: Record<string, string>;
const REMOVAL = 'then click Archive feature flag button in the dialog';
const CHANGE = 'click Edit description link in the item';

beforeAll(async () => {
  ({ model, suite, files, suiteDir } = await exploreAndEmit(flagsWithOwnPages(), 'own-page'));
  page = model.pages[0]!;
}, 300_000);

afterAll(async () => {
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

async function runAgainst(app: Parameters<typeof flagsWithOwnPages>[0], grep = REMOVAL) {
  const site = await startLocalSite(flagsWithOwnPages(app));
  try {
    return await runPlaywright(suiteDir, { APP_BASE_URL: site.url, CHROMIUM_PATH: chromiumPath() }, [
      '--grep',
      grep,
    ]);
  } finally {
    await site.close();
  }
}

describe("the emitted test of the remove of the test's own flag, on its own page", () => {
  it('is generated: create, archive on its page, confirm in the dialog, then back and gone', () => {
    const removal = suite.cases.find((testCase) => testCase.title.includes(REMOVAL));
    expect(
      removal,
      JSON.stringify({ titles: suite.cases.map((one) => one.title), skipped: suite.skipped }, null, 1),
    ).toBeDefined();
    expect(removal!.title).toMatch(/: the URL becomes \/ \(\+1 more check\)$/);
    const pageObject = files['pages/home.page.ts']!;
    expect(pageObject).toMatch(
      /\.locator\('main'\)\.filter\(\{ hasText: uniqueText\('test-[a-z]{6}', '[a-z]{6}'\) \}\)\.getByRole\('button', \{ name: 'Archive feature flag', exact: true \}\)/,
    );
    expect(pageObject).toMatch(
      /\.getByRole\('dialog'\)\.getByRole\('button', \{ name: 'Archive feature flag', exact: true \}\)/,
    );
    expect(pageObject).toMatch(/\.getByText\(uniqueText\('test-[a-z]{6}', '[a-z]{6}'\), \{ exact: true \}\)/);
  });

  it('passes on the app', async () => {
    const run = await runAgainst({ archive: 'removes' });
    expect(run.failed).toEqual([]);
    expect(run.stats).toMatchObject({ expected: 1, unexpected: 0, flaky: 0 });
  }, 180_000);

  it('fails where the confirm goes back to the list with the flag still there', async () => {
    const run = await runAgainst({ archive: 'keeps' });
    expect(run.failed).toHaveLength(1);
    expect(run.errors.join('\n')).toContain('toBeHidden');
  }, 180_000);

  it('fails where the confirm does nothing', async () => {
    const run = await runAgainst({ archive: 'nothing' });
    expect(run.failed).toHaveLength(1);
    expect(run.errors.join('\n')).toContain('toHaveURL');
  }, 180_000);
});

describe("the emitted test of the change of the test's own flag, on its own page", () => {
  it("is generated: create, the page's edit, a description of its own, Save, then shown", () => {
    const change = suite.cases.find((testCase) => testCase.title.includes(CHANGE));
    expect(
      change,
      JSON.stringify({ titles: suite.cases.map((one) => one.title), skipped: suite.skipped }, null, 1),
    ).toBeDefined();
    expect(change!.title).toMatch(
      /^After click New feature flag button, enter "test-[a-z]{6}" in Name textbox, click Create feature flag button on \/, click Edit description link in the item "test-[a-z]{6}", click Edit button, enter "edited-[a-z]{6}" in Description textbox, then click Save button: "edited-[a-z]{6}" in the main appears$/,
    );
    const pageObject = files['pages/home.page.ts']!;
    // Only the link on the page showing the test's own flag; the text typed and checked is the run's own.
    expect(pageObject).toMatch(
      /\.locator\('main'\)\.filter\(\{ hasText: uniqueText\('test-[a-z]{6}', '[a-z]{6}'\) \}\)\.getByRole\('link', \{ name: 'Edit description', exact: true \}\)/,
    );
    expect(pageObject).toMatch(
      /this\.ownEditDescription = page\.getByRole\('textbox', \{ name: 'Description', exact: true \}\)/,
    );
    expect(pageObject).toMatch(
      /page\.getByRole\('main'\)\.getByText\(uniqueText\('edited-[a-z]{6}', '[a-z]{6}'\), \{ exact: true \}\)/,
    );
  });

  it('passes on the app', async () => {
    const run = await runAgainst({ describe: 'keeps' }, CHANGE);
    expect(run.failed).toEqual([]);
    expect(run.stats).toMatchObject({ expected: 1, unexpected: 0, flaky: 0 });
  }, 180_000);

  it('fails where the Save goes back without keeping the text', async () => {
    const run = await runAgainst({ describe: 'forgets' }, CHANGE);
    expect(run.failed).toHaveLength(1);
    expect(run.errors.join('\n')).toContain('toBeVisible');
  }, 180_000);
});

describe("the remove and the change of an item the explorer created itself, on the item's own page", () => {
  const removal = () =>
    page.states
      ?.flatMap((state) => state.interactions)
      .find((interaction) => interaction.id.startsWith('click-own-item-'));

  it("clicks the page's remove, scoped to the page showing the item's text, then its dialog's confirm", () => {
    const found = removal();
    expect(found, JSON.stringify({ states: page.states, issues: model.issues }, null, 1)).toBeDefined();
    expect(found!.reproducible).toBe(true);
    const state = page.states!.find((candidate) => candidate.interactions.includes(found!))!;
    expect(state.inPlace).toBe(true);
    const byId = (id: string) => page.elements.find((element) => element.id === id)!;
    const [open, ...more] = found!.setup as [UiAction];
    expect(more).toEqual([]);
    const remove = byId(open.target);
    const confirm = byId(found!.action.target);
    expect(remove.destructive).toBe(true);
    expect(confirm.destructive).toBe(true);
    expect(remove.afterFlow).toBe(state.flow);
    expect(remove.locator).toEqual({
      strategy: 'role',
      role: 'button',
      name: 'Archive feature flag',
      exact: true,
      within: { strategy: 'item', selector: 'main', text: expect.stringMatching(/^test-[a-z]{6}$/) },
    });
    expect(confirm.locator).toEqual({
      strategy: 'role',
      role: 'button',
      name: 'Archive feature flag',
      exact: true,
      within: { strategy: 'role', role: 'dialog' },
    });
    expect(found!.action).toEqual({ kind: 'click', target: confirm.id });
  });

  it('records the item gone: the app left its page, and the page it landed on shows its text nowhere', () => {
    const found = removal()!;
    const text = (
      page.elements.find((element) => element.id === found.setup[0]!.target)!.locator as {
        within: { text: string };
      }
    ).within.text;
    expect(found.effects).toEqual([
      { kind: 'url-changed', from: `${model.origin}/flags/${text}`, to: `${model.origin}/` },
      {
        kind: 'disappeared',
        target: { strategy: 'text', text, exact: true, within: { strategy: 'role', role: 'main' } },
      },
    ]);
  });

  it('never archives anything else: the flag that was there before is left alone', () => {
    const acted = [
      ...page.interactions,
      ...(page.states ?? []).flatMap((state) => state.interactions),
    ].flatMap((interaction) => [...interaction.setup, interaction.action]);
    const clicked = acted.flatMap((step) => (step.kind === 'click' ? [step.target] : []));
    const archives = page.elements.filter((element) => /archive/i.test(element.name));
    expect(archives.every((element) => element.id.startsWith('own-item-'))).toBe(true);
    expect(clicked.filter((id) => archives.some((element) => element.id === id))).toHaveLength(2);
  });

  it("changes the text its page's edit names, behind the settings' own Edit, saved and shown", () => {
    const edit = page.states
      ?.flatMap((state) => state.interactions)
      .find((interaction) => interaction.id.startsWith('own-edit-'));
    expect(edit, JSON.stringify({ states: page.states, issues: model.issues }, null, 1)).toBeDefined();
    expect(edit!.reproducible).toBe(true);
    const byId = (id: string) => page.elements.find((element) => element.id === id)!;
    const [open, settings, fill, ...more] = edit!.setup;
    expect(more).toEqual([]);
    expect(byId(open!.target)).toMatchObject({ role: 'link', name: 'Edit description', destructive: false });
    expect(byId(open!.target).locator).toMatchObject({ within: { strategy: 'item', selector: 'main' } });
    // The settings it opened keep their editor behind an "Edit" of their own.
    expect(byId(settings!.target)).toMatchObject({ role: 'button', name: 'Edit', destructive: false });
    expect(fill).toMatchObject({ kind: 'fill', value: expect.stringMatching(/^edited-[a-z]{6}$/) });
    expect(byId(fill!.target).locator).toEqual({
      strategy: 'role',
      role: 'textbox',
      name: 'Description',
      exact: true,
    });
    expect(byId(edit!.action.target)).toMatchObject({ role: 'button', name: 'Save' });
    const value = (fill as { value: string }).value;
    expect(edit!.effects).toEqual([
      {
        kind: 'appeared',
        target: { strategy: 'text', text: value, exact: true, within: { strategy: 'role', role: 'main' } },
        text: undefined,
      },
    ]);
  });
});
