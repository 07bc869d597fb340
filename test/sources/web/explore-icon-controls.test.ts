import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// An editor in the style of older single-page apps: icon-only controls with no accessible name
// and no test id, known only by the ids their authors wrote; a tab whose id a framework hashed.
const pages = {
  '/': html(
    'Editor',
    `<style>i.fa { display: inline-block; width: 16px; height: 16px; background: #333; }</style>
     <header><a id="header-button-sidemenu" href="#"><i class="fa fa-bars"></i></a>
     <a id="header-button-sidemenu-twin" href="#"><i class="fa fa-bars"></i></a>
     <a id="tab-87a79fd7b10f99a7" href="#"><i class="fa fa-file"></i></a>
     <a id="header-button-delete-flow" href="#"><i class="fa fa-trash"></i></a></header>
     <main><h1>Editor</h1>
     <button id="view-zoom-in">\uf00e</button> <button id="view-save">Save</button>
     <ul id="menu" hidden><li>Import</li><li>Export</li></ul>
     </main>
     <script>
       document.getElementById('header-button-sidemenu').addEventListener('click', (event) => {
         event.preventDefault();
         const menu = document.getElementById('menu');
         menu.hidden = !menu.hidden;
       });
     </script>`,
  ),
};

describe('icon-only controls known by a written id', () => {
  let site: LocalSite;
  let page: PageModel;
  let issues: string[];

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-icons-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
    issues = model.issues.map((issue) => issue.message);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('locates them by #id and explores them', () => {
    const menu = page.elements.find((element) => element.locator.strategy === 'id');
    expect(menu?.locator).toEqual({ strategy: 'id', id: 'header-button-sidemenu' });
    const opened = page.interactions.find((interaction) => interaction.action.target === menu!.id);
    expect(opened?.effects).toContainEqual(expect.objectContaining({ kind: 'appeared' }));
  });

  it('prefers the id to a role whose name is only icon glyphs, never to a readable name', () => {
    const locatorOf = (id: string) =>
      page.elements.find((element) => element.locator.strategy === 'id' && element.locator.id === id)
        ?.locator;
    expect(locatorOf('view-zoom-in')).toEqual({ strategy: 'id', id: 'view-zoom-in' });
    expect(page.elements.find((element) => element.name === 'Save')?.locator).toEqual({
      strategy: 'role',
      role: 'button',
      name: 'Save',
      exact: true,
    });
  });

  it('never takes a numbered or hashed id, says what it skipped, and never clicks a delete by its id', () => {
    const ids = page.elements.flatMap((element) =>
      element.locator.strategy === 'id' ? [element.locator.id] : [],
    );
    expect(ids).toEqual([
      'header-button-sidemenu',
      'header-button-sidemenu-twin',
      'header-button-delete-flow',
      'view-zoom-in',
    ]);
    expect(issues.join('\n')).toContain('1 elements without a unique locator skipped');
    const remove = page.elements.find((element) => element.name === '' && element.destructive);
    expect(remove?.locator).toEqual({ strategy: 'id', id: 'header-button-delete-flow' });
    expect(page.interactions.map((interaction) => interaction.action.target)).not.toContain(remove!.id);
  });
});
