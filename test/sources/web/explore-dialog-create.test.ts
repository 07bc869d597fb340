import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, UiAction } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// Items kept in storage, created in a modal dialog a "New item" button opens, the way component
// libraries do it: the dialog is rendered outside the app's root, which is hidden from assistive
// technology while the dialog shows; its name field is required, its description optional, and
// "Create item" submits its form. Before "New item" the page offers a checkbox, a search box and
// "Add filter" (a menu, not a create). A second page shows when it was loaded: it differs from
// its fresh load whatever a flow did.
const pages = {
  '/': html(
    'Items',
    `<div id="root"><nav aria-label="Main"><a href="/status">Status</a></nav>
     <main><h1>Items</h1>
     <label><input type="checkbox" id="archived"> Show archived</label>
     <input type="search" aria-label="Search items" id="query">
     <button id="filter" aria-expanded="false">Add filter</button>
     <div role="menu" id="filters" hidden><div role="menuitem">Owner</div><div role="menuitem">Type</div></div>
     <button id="new">New item</button>
     <ul id="items"></ul>
     </main></div>
     <div id="portal"></div>
     <script>
       const load = () => JSON.parse(localStorage.getItem('items') || '["alpha"]');
       const list = document.getElementById('items');
       const query = document.getElementById('query');
       const render = () => list.replaceChildren(...load().filter((name) => name.includes(query.value)).map((name) => {
         const item = document.createElement('li');
         item.textContent = name;
         return item;
       }));
       render();
       query.addEventListener('input', render);
       const filter = document.getElementById('filter');
       filter.addEventListener('click', () => {
         const menu = document.getElementById('filters');
         menu.hidden = !menu.hidden;
         filter.setAttribute('aria-expanded', String(!menu.hidden));
       });
       const root = document.getElementById('root');
       const portal = document.getElementById('portal');
       const close = () => { portal.replaceChildren(); root.removeAttribute('aria-hidden'); };
       document.getElementById('new').addEventListener('click', () => {
         portal.innerHTML = '<div role="dialog" aria-modal="true" aria-labelledby="dialog-title"><form>'
           + '<h2 id="dialog-title">Create item</h2>'
           + '<label for="name">Item name</label><input id="name" aria-required="true">'
           + '<label for="description">Description (optional)</label><textarea id="description"></textarea>'
           + '<p class="error" role="alert" hidden>A name is required</p>'
           + '<button type="button" id="cancel">Cancel</button> <button type="submit">Create item</button>'
           + '</form></div>';
         root.setAttribute('aria-hidden', 'true');
         portal.querySelector('#name').focus();
         portal.querySelector('#cancel').addEventListener('click', close);
         portal.querySelector('form').addEventListener('submit', (event) => {
           event.preventDefault();
           const name = portal.querySelector('#name').value.trim();
           if (!name) { portal.querySelector('.error').hidden = false; return; }
           localStorage.setItem('items', JSON.stringify([...load(), name]));
           close();
           render();
         });
       });
     </script>`,
  ),
  '/status': html(
    'Status',
    `<nav aria-label="Main"><a href="/">Items</a></nav>
     <main><h1>Status</h1><p id="checked"></p>
     <script>document.getElementById('checked').textContent = 'Checked at ' + performance.timeOrigin;</script>
     </main>`,
  ),
};

describe('an item created in a dialog a "New …" button opens', () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-dialog-create-'));
    // Two interactions a page, as a slow page's budget allows: the create must be one of them.
    const model = await exploreSite({
      url: site.url,
      allowPrivate: true,
      maxPages: 2,
      maxInteractionsPerPage: 2,
      outDir: out,
    });
    page = model.pages.find((candidate) => new URL(candidate.url).pathname === '/')!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  const typed = (steps: UiAction[]) =>
    steps.find((step): step is Extract<UiAction, { kind: 'fill' }> => step.kind === 'fill' && !!step.mark);
  const byId = (id: string) => page.elements.find((element) => element.id === id);

  it('clicks "New item" first, though the page had a checkbox, a search box and "Add filter" before it', () => {
    const opened = page.interactions.find(
      (interaction) =>
        interaction.action.kind === 'click' && byId(interaction.action.target)?.name === 'New item',
    );
    expect(opened?.reproducible).toBe(true);
  });

  it("fills the dialog's required name with a text of its own, creates, and sees the new item", () => {
    const create = page.states
      ?.filter((state) => state.inPlace)
      .flatMap((state) => state.interactions)
      .find((interaction) => typed(interaction.setup));
    const fill = typed(create!.setup)!;
    expect(byId(fill.target)?.name).toBe('Item name');
    expect(fill.value).toMatch(/^test-[a-z]{6}$/);
    expect(byId(create!.action.target)?.name).toBe('Create item');
    expect(create!.reproducible).toBe(true);
    expect(JSON.stringify(create!.effects)).toContain(fill.value);
  });
});
