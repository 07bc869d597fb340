import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, SiteModel, UiAction } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { startLocalSite } from './local-site.ts';
import { notesWithEdits } from './own-item-pages.ts';
import { cancelOf, ownNote } from './own-item-queries.ts';
import type { LocalSite } from './local-site.ts';

async function explore(
  app: Parameters<typeof notesWithEdits>[0],
): Promise<{ site: LocalSite; model: SiteModel }> {
  const site = await startLocalSite(notesWithEdits(app));
  const out = await mkdtemp(join(tmpdir(), 'testops-own-cancel-'));
  return { site, model: await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out }) };
}

describe("an edit of the explorer's own note, left with the editor's Cancel", () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    const explored = await explore({ cancel: { by: 'button' } });
    site = explored.site;
    page = explored.model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it("opens the note's own Edit, types a title of its own, clicks Cancel: the note as created shown, the typed title nowhere", () => {
    const found = cancelOf(page);
    expect(found?.reproducible).toBe(true);
    const byId = (id: string) => page.elements.find((element) => element.id === id)!;
    const [open, type] = found!.setup as [UiAction, UiAction & { kind: 'fill' }];
    expect(byId(open.target).locator).toMatchObject({ strategy: 'role', name: 'Edit', within: ownNote });
    const created = (byId(open.target).locator as { within: { text: string } }).within.text;
    expect(type).toMatchObject({ kind: 'fill', value: `cancelled-${type.mark}` });
    expect(byId(type.target).locator).toEqual({
      strategy: 'role',
      role: 'textbox',
      name: 'Title',
      exact: true,
    });
    expect(found!.action).toEqual({ kind: 'click', target: found!.action.target });
    expect(byId(found!.action.target).locator).toEqual({
      strategy: 'role',
      role: 'button',
      name: 'Cancel',
      exact: true,
    });
    expect(found!.effects).toEqual([
      { kind: 'appeared', target: { strategy: 'item', selector: 'li', text: created }, text: undefined },
      { kind: 'disappeared', target: { strategy: 'item', selector: 'li', text: type.value } },
    ]);
  });

  it("reuses the edit's own elements for the same controls", () => {
    const edit = page.states
      ?.flatMap((state) => state.interactions)
      .find((one) => one.id.startsWith('own-edit-'));
    const found = cancelOf(page)!;
    expect(found.setup.map((step) => step.target)).toEqual(edit!.setup.map((step) => step.target));
  });
});

describe("an edit of the explorer's own note whose cancel saves the typed title anyway", () => {
  let site: LocalSite;
  let model: SiteModel;

  beforeAll(async () => {
    ({ site, model } = await explore({ cancel: { by: 'button', saves: true } }));
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('records no cancel to test, and says what it saw', () => {
    expect(cancelOf(model.pages[0]!)).toBeUndefined();
    expect(model.issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/^own edit of .*, cancelled: "cancelled-[a-z]{6}" still shown after "Cancel"$/),
    );
  });
});
