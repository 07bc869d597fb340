// End to end: a page of notes explored in a real browser, its suite generated, emitted and run
// by its own pinned runner. The test of the remove creates a note of its own, deletes it through
// its own menu (scoped to its text, the confirm accepted once) and checks it gone: it passes on
// the app, and fails where the delete asks its confirm and removes nothing.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { chromiumPath } from '../../generation/ui/chromium.ts';
import { startLocalSite } from '../../sources/web/local-site.ts';
import { notesWithMenus } from '../../sources/web/own-item-pages.ts';
import { exploreAndEmit } from './explored-suite.ts';
import { runPlaywright } from './run-playwright.ts';

let suiteDir: string;
let suite: UiSuite;
let files: Record<string, string>;

beforeAll(async () => {
  ({ suite, files, suiteDir } = await exploreAndEmit(notesWithMenus(), 'own-item'));
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
