// End to end: a page of notes explored in a real browser, what the explorer recorded, and its suite
// generated, emitted and run by its own pinned runner (one exploration for both). The test of a
// cancelled edit creates a note of its own, opens its own editor (scoped to its text), types a
// title of its own and presses Escape, accepting the "Discard changes…?" it asks: the note under
// its created title is shown, the typed title is not. It passes on the app, and fails on a copy
// whose cancel saves the typed title anyway.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, UiAction } from '../../../src/core/page-model.ts';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { chromiumPath } from '../../generation/ui/chromium.ts';
import { startLocalSite } from '../../sources/web/local-site.ts';
import { notesWithEdits } from '../../sources/web/own-item-pages.ts';
import { cancelOf, ownNote } from '../../sources/web/own-item-queries.ts';
import { exploreAndEmit } from './explored-suite.ts';
import { runPlaywright } from './run-playwright.ts';

const CANCEL = 'then press Escape in Title textbox and confirm';

let suiteDir: string;
let page: PageModel;
let suite: UiSuite;
let files: Record<string, string>;

beforeAll(async () => {
  const explored = await exploreAndEmit(
    notesWithEdits({ cancel: { by: 'escape', confirms: true } }),
    'own-cancel',
  );
  ({ suite, files, suiteDir } = explored);
  page = explored.model.pages[0]!;
}, 300_000);

afterAll(async () => {
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

async function runAgainst(saves: boolean) {
  const site = await startLocalSite(notesWithEdits({ cancel: { by: 'escape', confirms: true, saves } }));
  try {
    return await runPlaywright(suiteDir, { APP_BASE_URL: site.url, CHROMIUM_PATH: chromiumPath() }, [
      '--grep',
      CANCEL,
    ]);
  } finally {
    await site.close();
  }
}

describe("the emitted test of a cancelled edit of the test's own note", () => {
  it('is generated: create, its own Edit, a title of its own, Escape confirmed; the note as created, the typed title gone', () => {
    const cancels = suite.cases.filter((testCase) => testCase.title.includes(CANCEL));
    expect(cancels).toHaveLength(1);
    expect(cancels[0]!.title).toMatch(
      /click Edit button in the item "test-[a-z]{6}", enter "cancelled-[a-z]{6}" in Title textbox, then press Escape in Title textbox and confirm: the item "test-[a-z]{6}" appears \(\+2 more checks\)$/,
    );
    const spec = Object.values(files).find((text) => text.includes(CANCEL))!;
    expect(spec).toMatch(/dialogs\.acceptNext\(\);\n\s*await \w+\.\w+\.press\('Escape'\);/);
    expect(spec).toMatch(/\.fill\(uniqueText\('cancelled-[a-z]{6}', '[a-z]{6}'\)\)/);
  });

  it('passes on the app', async () => {
    const run = await runAgainst(false);
    expect(run.failed).toEqual([]);
    expect(run.stats).toMatchObject({ expected: 1, unexpected: 0, flaky: 0 });
  }, 180_000);

  it('fails where the cancel saves the typed title anyway', async () => {
    const run = await runAgainst(true);
    expect(run.failed).toHaveLength(1);
  }, 180_000);
});

describe("an edit of the explorer's own note, left with Escape, which asks first", () => {
  it('presses Escape in the title box, accepting the confirm it asks, and checks the note as it was', () => {
    const found = cancelOf(page);
    expect(found?.reproducible).toBe(true);
    const type = found!.setup.at(-1) as UiAction & { kind: 'fill' };
    expect(found!.action).toEqual({ kind: 'press', target: type.target, key: 'Escape', acceptDialog: true });
    expect(found!.effects).toEqual([
      { kind: 'appeared', target: ownNote, text: undefined },
      { kind: 'disappeared', target: { strategy: 'item', selector: 'li', text: type.value } },
      {
        kind: 'dialog',
        type: 'confirm',
        message: expect.stringMatching(/^Discard changes to "test-[a-z]{6}"\?$/),
      },
    ]);
  });
});
