// End to end: a page of notes whose "New note" editor slides in, shown twice for a moment (the
// way TiddlyWiki's edit frame slides in over its view frame). The editor's title box is the page's
// only text box when it is recorded, and for that moment its locator matches two. Playwright
// throws at once on an action whose locator matches two: the emitted test that creates a note and
// then edits it waits for one box after each click that opened an editor, and passes on the app,
// every run.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { chromiumPath } from '../../generation/ui/chromium.ts';
import { startLocalSite } from '../../sources/web/local-site.ts';
import { notesWithEdits } from '../../sources/web/own-item-pages.ts';
import { exploreAndEmit } from './explored-suite.ts';
import { runPlaywright } from './run-playwright.ts';

const EDIT =
  /^After click New note button, enter "test-[a-z]{6}" in the textbox, click Save button on \/, click Edit button in the item/;
const EDIT_GREP = 'After click New note button, enter';

let suiteDir: string;
let suite: UiSuite;
let files: Record<string, string>;

beforeAll(async () => {
  ({ suite, files, suiteDir } = await exploreAndEmit(notesWithEdits({ slidesIn: true }), 'sliding'));
}, 300_000);

afterAll(async () => {
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

describe('the emitted create on an editor that slides in', () => {
  it('waits for one title box before it types in it, after the click that opened the editor', () => {
    const titles = suite.cases.map((testCase) => testCase.title);
    expect(
      titles.filter((title) => EDIT.test(title)),
      titles.join('\n'),
    ).toHaveLength(1);
    const spec = Object.values(files).find((text) => text.includes(EDIT_GREP))!;
    const test = spec.slice(spec.indexOf(EDIT_GREP));
    const fills = test.match(/^.*\.fill\(.*$/gm) ?? [];
    expect(fills).toHaveLength(2);
    const waited = test.match(/await expect\((\w+\.\w+)\)\.toHaveCount\(1\);\n\s*await \1\.fill\(/g) ?? [];
    expect(waited, test).toHaveLength(2);
  });

  it('passes on the app, three runs of each test', async () => {
    const site = await startLocalSite(notesWithEdits({ slidesIn: true }));
    try {
      const run = await runPlaywright(suiteDir, { APP_BASE_URL: site.url, CHROMIUM_PATH: chromiumPath() }, [
        '--grep',
        EDIT_GREP,
        '--repeat-each',
        '3',
      ]);
      expect(run.failed, run.errors.join('\n').slice(0, 3000)).toEqual([]);
      expect(run.stats.unexpected).toBe(0);
      expect(run.stats.flaky).toBe(0);
    } finally {
      await site.close();
    }
  }, 300_000);
});
