import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservedInteraction, PageModel, SiteModel, UiAction } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { startLocalSite } from './local-site.ts';
import { notesWithEdits } from './own-item-pages.ts';
import { editReloaded } from './own-item-queries.ts';
import type { LocalSite } from './local-site.ts';

describe('the edit of an item the explorer created itself', () => {
  let site: LocalSite;
  let model: SiteModel;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(notesWithEdits());
    const out = await mkdtemp(join(tmpdir(), 'testops-own-edit-'));
    model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  const edit = (): ObservedInteraction | undefined =>
    page.states?.flatMap((state) => state.interactions).find((one) => one.id.startsWith('own-edit-'));

  it("clicks the item's own Edit, types a new marked title into the box holding the created one, and commits with Done", () => {
    const found = edit();
    expect(found?.reproducible).toBe(true);
    const state = page.states!.find((candidate) => candidate.interactions.includes(found!))!;
    const byId = (id: string) => page.elements.find((element) => element.id === id)!;
    const [open, type] = found!.setup as [UiAction, UiAction & { kind: 'fill' }];
    expect(open.kind).toBe('click');
    expect(byId(open.target).afterFlow).toBe(state.flow);
    expect(byId(open.target).locator).toMatchObject({
      strategy: 'role',
      role: 'button',
      name: 'Edit',
      within: { strategy: 'item', selector: 'li', text: expect.stringMatching(/^test-[a-z]{6}$/) },
    });
    const old = (byId(open.target).locator as { within: { text: string } }).within.text;
    expect(type).toMatchObject({ kind: 'fill', value: `edited-${type.mark}` });
    expect(type.mark).toMatch(/^[a-z]{6}$/);
    expect(byId(type.target).locator).toEqual({
      strategy: 'role',
      role: 'textbox',
      name: 'Title',
      exact: true,
    });
    expect(byId(found!.action.target).locator).toMatchObject({
      strategy: 'role',
      role: 'button',
      name: 'Done',
    });
    expect(found!.effects).toEqual([
      { kind: 'appeared', target: { strategy: 'item', selector: 'li', text: type.value }, text: undefined },
      { kind: 'disappeared', target: { strategy: 'item', selector: 'li', text: old } },
    ]);
  });

  it('edits nothing else: no interaction of the page types into the note that was there before', () => {
    const scoped = (page.states ?? [])
      .flatMap((state) => state.interactions)
      .filter((one) => one.id.startsWith('own-edit-'));
    expect(scoped).toHaveLength(1);
  });

  it('records no reload of the edit where a reload forgets it (notes kept in the page), and says so', () => {
    expect(editReloaded(model, page)).toBeUndefined();
    expect(model.issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/^own edit of .*: not kept across a reload \("edited-[a-z]{6}" not shown on /),
    );
  });
});

describe('the edit of an item the explorer created itself, in its own menu', () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(notesWithEdits({ inMenu: true }));
    const out = await mkdtemp(join(tmpdir(), 'testops-own-edit-menu-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it("opens the item's own More, then its Edit, both scoped to the item's text", () => {
    const found = page.states
      ?.flatMap((state) => state.interactions)
      .find((one) => one.id.startsWith('own-edit-'));
    expect(found?.reproducible).toBe(true);
    const byId = (id: string) => page.elements.find((element) => element.id === id)!;
    const [more, edit, type] = found!.setup as [UiAction, UiAction, UiAction];
    const within = { strategy: 'item', selector: 'li', text: expect.stringMatching(/^test-[a-z]{6}$/) };
    expect(byId(more.target).locator).toMatchObject({ strategy: 'role', name: 'More', within });
    expect(byId(edit.target).locator).toMatchObject({ strategy: 'role', name: 'Edit', within });
    expect(type.kind).toBe('fill');
    expect(found!.effects.map((effect) => effect.kind)).toEqual(['appeared', 'disappeared']);
  });
});
