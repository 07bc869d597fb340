// End to end: a page of notes explored in a real browser, what the explorer recorded, and its suite
// generated, emitted and run by its own pinned runner (one exploration for both). The test of the
// edit creates a note of its own, opens its own editor (scoped to its text), types a new title of
// its own and commits it: the note under the new title is shown and the old one gone. It passes on
// the app, and fails where Done keeps the old title. The app keeps its notes across a reload, edits
// too: the test of that reloads the page once the edit is done, passes, and fails where only the
// notes as created are kept.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, SiteModel } from '../../../src/core/page-model.ts';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { chromiumPath } from '../../generation/ui/chromium.ts';
import { startLocalSite } from '../../sources/web/local-site.ts';
import { notesWithEdits } from '../../sources/web/own-item-pages.ts';
import { editReloaded } from '../../sources/web/own-item-queries.ts';
import { exploreAndEmit } from './explored-suite.ts';
import { runPlaywright } from './run-playwright.ts';

let suiteDir: string;
let model: SiteModel;
let page: PageModel;
let suite: UiSuite;
let files: Record<string, string>;

beforeAll(async () => {
  ({ model, suite, files, suiteDir } = await exploreAndEmit(notesWithEdits({ keeps: 'edits' }), 'own-edit'));
  page = model.pages[0]!;
}, 300_000);

afterAll(async () => {
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

const EDIT = 'then click Done';
const RELOAD = 'click Done button on /, once saved and reloaded';

async function runAgainst(app: Parameters<typeof notesWithEdits>[0], grep = EDIT) {
  const site = await startLocalSite(notesWithEdits(app));
  try {
    return await runPlaywright(suiteDir, { APP_BASE_URL: site.url, CHROMIUM_PATH: chromiumPath() }, [
      '--grep',
      grep,
    ]);
  } finally {
    await site.close();
  }
}

describe("the emitted test of the edit of the test's own note", () => {
  it('is generated: create, then its own Edit, a new title of its own, Done; new shown, old gone', () => {
    const edits = suite.cases.filter((testCase) => testCase.title.includes(EDIT));
    expect(edits).toHaveLength(1);
    expect(edits[0]!.title).toMatch(
      /click Edit button in the item "test-[a-z]{6}", enter "edited-[a-z]{6}" in .*, then click Done button: the item "edited-[a-z]{6}" appears/,
    );
    const pageObject = files['pages/home.page.ts']!;
    expect(pageObject).toMatch(
      /\.locator\('li'\)\.filter\(\{ hasText: uniqueText\('test-[a-z]{6}', '[a-z]{6}'\) \}\)\.getByRole\('button', \{ name: 'Edit', exact: true \}\)/,
    );
    const spec = Object.values(files).find((text) => text.includes(EDIT))!;
    expect(spec).toMatch(/\.fill\(uniqueText\('edited-[a-z]{6}', '[a-z]{6}'\)\)/);
  });

  it('passes on the app', async () => {
    const run = await runAgainst({ renames: true });
    expect(run.failed).toEqual([]);
    expect(run.stats).toMatchObject({ expected: 1, unexpected: 0, flaky: 0 });
  }, 180_000);

  it('fails where Done keeps the old title', async () => {
    const run = await runAgainst({ renames: false });
    expect(run.failed).toHaveLength(1);
    expect(run.errors.join('\n')).toContain('toHaveCount');
  }, 180_000);
});

describe("the emitted test that the test's own note, renamed, is still renamed after a reload", () => {
  it('is generated: create, edit, the page opened again once saved; new title shown, old gone', () => {
    const reloads = suite.cases.filter((testCase) => testCase.title.includes(RELOAD));
    expect(reloads).toHaveLength(1);
    expect(reloads[0]!.title).toMatch(
      /enter "edited-[a-z]{6}" in .*, click Done button on \/, once saved and reloaded, .* still shows it: the item "edited-[a-z]{6}" appears \(\+1 more check\)$/,
    );
    const spec = Object.values(files).find((text) => text.includes(RELOAD))!;
    expect(spec).toContain('await writesSettled(page);');
  });

  it('passes on the app, which keeps the edit', async () => {
    const run = await runAgainst({ keeps: 'edits' }, RELOAD);
    expect(run.failed).toEqual([]);
    expect(run.stats).toMatchObject({ expected: 1, unexpected: 0, flaky: 0 });
  }, 180_000);

  it('fails where a reload shows the note under its old title (only the create kept)', async () => {
    const run = await runAgainst({ keeps: 'creates' }, RELOAD);
    expect(run.failed).toHaveLength(1);
    expect(run.errors.join('\n')).toContain('toHaveCount');
  }, 180_000);
});

describe('the edit of an item the explorer created itself, kept across a reload', () => {
  it('records the create and its edit as a flow whose reloaded page shows the new title, the old gone', () => {
    const edit = page.states
      ?.flatMap((state) => state.interactions)
      .find((one) => one.id.startsWith('own-edit-'));
    expect(edit?.reproducible).toBe(true);
    const found = editReloaded(model, page);
    expect(found).toBeDefined();
    const { flow, state } = found!;
    const create = page.states!.find((one) => one.interactions.includes(edit!))!.flow;
    const createFlow = model.flows!.find((one) => one.id === create)!;
    expect(flow.actions).toEqual([...createFlow.actions, ...edit!.setup, edit!.action]);
    expect(state.reproducible).toBe(true);
    // The same blocks the edit showed and hid, seen again once the page was opened again.
    expect(state.effects).toEqual(edit!.effects);
    expect(model.issues.map((issue) => issue.message).join('\n')).not.toContain('not kept across a reload');
  });
});
