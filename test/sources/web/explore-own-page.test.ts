import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, SiteModel, UiAction } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { startLocalSite } from './local-site.ts';
import { flagsWithOwnPages } from './own-item-pages.ts';
import type { LocalSite } from './local-site.ts';

describe("the remove and the change of an item the explorer created itself, on the item's own page", () => {
  let site: LocalSite;
  let model: SiteModel;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(flagsWithOwnPages());
    const out = await mkdtemp(join(tmpdir(), 'testops-own-page-'));
    model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

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
      { kind: 'url-changed', from: `${site.origin}/flags/${text}`, to: `${site.origin}/` },
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
