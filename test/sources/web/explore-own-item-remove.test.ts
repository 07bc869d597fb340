import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, UiAction } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { startLocalSite } from './local-site.ts';
import { notesWithMenus } from './own-item-pages.ts';
import type { LocalSite } from './local-site.ts';

describe('the remove of an item the explorer created itself', () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(notesWithMenus());
    const out = await mkdtemp(join(tmpdir(), 'testops-own-item-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

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
