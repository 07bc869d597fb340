// End to end on a list app with no forms (test/fixtures/apps/reading-list): Enter in a text box
// adds a book, a filter box keeps its text, books are toggled, edited by double-click, removed by
// a button shown under the pointer, and shown by hash routes; the list is kept in localStorage.
// Regression for an exploration that found no interaction on such an app (a text box was only
// ever filled) and a smoke test that expected a landmark empty on first load.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservedInteraction, SiteModel } from '../../src/core/page-model.ts';
import type { RunReport } from '../../src/core/run-report.ts';
import { generateUi } from '../../src/pipeline/generate-ui.ts';
import { linkSuiteDependencies } from '../emit/playwright-ui/suite-dependencies.ts';
import { serveReadingList } from '../fixtures/apps/reading-list/serve-reading-list.ts';
import type { RunningApp } from '../fixtures/apps/reading-list/serve-reading-list.ts';

let suiteDir: string;
let app: RunningApp;
let report: RunReport;
let model: SiteModel;
let spec: string;

beforeAll(async () => {
  suiteDir = await mkdtemp(join(tmpdir(), 'testops-ui-list-'));
  app = await serveReadingList();
  // Exploration only, then the suite's dependencies linked, then generation and the run.
  await generateUi({ url: app.url, allowLoopback: true, maxPages: 2, outDir: suiteDir, kinds: [] });
  linkSuiteDependencies(suiteDir, await readFile(join(suiteDir, 'package.json'), 'utf8'));
  report = await generateUi({
    url: app.url,
    model: join(suiteDir, 'model', 'site-model.json'),
    outDir: suiteDir,
    kinds: ['smoke', 'interaction', 'state'],
    run: true,
    repeat: 2,
  });
  model = JSON.parse(await readFile(join(suiteDir, 'model', 'site-model.json'), 'utf8')) as SiteModel;
  spec = await readFile(join(suiteDir, 'tests', 'home.spec.ts'), 'utf8');
}, 480_000);

afterAll(async () => {
  await app?.close();
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

const home = (): SiteModel['pages'][number] => model.pages.find((page) => page.id === 'home')!;
const stateInteractions = (): ObservedInteraction[] => home().states!.flatMap((state) => state.interactions);
const acts = (interactions: ObservedInteraction[], kind: string, target: RegExp): ObservedInteraction[] =>
  interactions.filter((entry) => entry.action.kind === kind && target.test(entry.action.target));

describe('exploring a list app without forms', () => {
  it('takes Enter in "New book" for a create, and Enter in the filter box for none', () => {
    expect(model.flows).toEqual([
      {
        id: 'home-textbox-new-book',
        page: 'home',
        actions: [
          { kind: 'fill', target: 'textbox-new-book', value: expect.any(String) },
          { kind: 'press', target: 'textbox-new-book', key: 'Enter' },
        ],
      },
    ]);
    const filtered = acts(home().interactions, 'press', /filter/);
    expect(filtered.map((entry) => entry.effects.map((effect) => effect.kind))).toEqual([['appeared']]);
  });

  it('shows the created book after a reload (localStorage) and explores what it offers', () => {
    const [state] = home().states!;
    expect(state?.reproducible).toBe(true);
    const found = stateInteractions();
    expect(acts(found, 'check', /finished/)).not.toEqual([]);
    expect(acts(found, 'hover', /finished/)).not.toEqual([]);
    expect(acts(found, 'dblclick', /text-/)).not.toEqual([]);
    expect(acts(found, 'press', /edit/)).not.toEqual([]);
    const removed = acts(found, 'click', /remove/).filter((entry) => entry.setup[0]?.kind === 'hover');
    expect(removed).not.toEqual([]);
    const routes = acts(found, 'click', /^link-/).flatMap((entry) => entry.effects);
    expect(routes).toContainEqual(expect.objectContaining({ kind: 'url-changed', to: `${app.url}#/done` }));
  });

  it('does not expect an empty-on-load landmark in the smoke test', () => {
    const footer = home().landmarks.find((landmark) => landmark.role === 'contentinfo');
    expect(footer === undefined || footer.visible === false).toBe(true);
  });
});

describe('the delivered suite', () => {
  it('delivers every generated test: no failure, nothing flaky', () => {
    expect(report.suspectedDefects).toEqual([]);
    expect(report.flaky).toEqual([]);
    expect(report.tests.generated).toBeGreaterThanOrEqual(10);
    expect(report.tests.delivered).toBe(report.tests.generated);
  });

  it('asserts the core flow: create, count, toggle, edit, filter route, remove, persistence', () => {
    expect(spec).toContain(".textboxNewBook.press('Enter');");
    expect(spec).toContain("toHaveText('2 books to read')");
    expect(spec).toContain("toHaveText('0 books to read')");
    expect(spec).toMatch(/\.checkboxFinished\w*\.check\(\);/);
    expect(spec).toMatch(/\.text\w*\.dblclick\(\);/);
    expect(spec).toContain("toHaveURL('/#/done')");
    expect(spec).toMatch(/\.checkboxFinished\w*\.hover\(\);\s+\}\);[\s\S]*?\.buttonRemove\w*\.click\(\);/);
    // Persistence: the state test creates a book, opens the page again and finds it there.
    expect(spec).toMatch(
      /\.press\('Enter'\);[\s\S]*?await home\.goto\(\);\s+\}\);\s+await test\.step\('Assert/,
    );
  });
});
